"""Time: temporal expressions, anchoring, dated events and timeline rendering."""
