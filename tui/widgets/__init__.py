"""Storyline's widgets: the timeline tree and the chat."""
