"""`python -m storyline`: the same command as the `storyline` console script."""

from storyline.tui.cli import main

main()
