"""Cleaning: a page's furniture dropped, its lines repaired, its title, outlet and date found (stage 2)."""
