"""Storyline's screens."""
