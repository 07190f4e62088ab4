"""The face of Storyline: the Textual app and the `storyline` command line."""
