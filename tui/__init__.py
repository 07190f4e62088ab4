"""The face of Storyline: the Textual app and the `storyline` command line."""

if __name__ != "storyline.tui":  # the checkout's folder imported by its own name would be a second copy
    raise ImportError(f"{__name__} is Storyline's tui/ folder: import storyline.tui instead")
