"""Storyline: news articles about one story -> a dated, cited timeline and an extractive summary.

The repository keeps its three layers at the top (summarize/, timeline/, tui/); they install
as storyline.summarize, storyline.timeline and storyline.tui (pyproject's package-dir), so the
wheel holds one top-level name and collides with no other distribution.
"""
