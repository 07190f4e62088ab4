"""Summaries: the claims that cover most of the story within a budget, each line standing alone (stage 6)."""
