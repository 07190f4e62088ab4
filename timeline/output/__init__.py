"""Outputs: citations, the timeline as Markdown/JSON/text, every other report, files written atomically."""
