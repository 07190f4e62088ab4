"""Time: temporal expressions, anchoring, dated events and timeline rendering."""

if __name__ != "storyline.timeline":  # the checkout's folder imported by its own name would be a second copy
    raise ImportError(f"{__name__} is Storyline's timeline/ folder: import storyline.timeline instead")
