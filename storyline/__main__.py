"""`python -m storyline`: the same command as the `storyline` console script."""

from storyline.tui.cli import main

if __name__ == "__main__":  # the app's loading process imports this module again: it must not run
    main()
