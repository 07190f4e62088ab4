"""Output files on the command line and in the app: checked before any work, never onto an input."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from storyline.summarize.errors import StorylineError
from storyline.summarize.read.ingest import input_files
from storyline.summarize.untrusted import shown_path


def check_target(target: str, inputs: Sequence[str]) -> Path:
    """The file to write, checked before any work is done: in a folder that exists and can be
    written, not a folder itself, and not one of the inputs (same file by any name or link)."""
    path = Path(target).expanduser()
    shown = shown_path(str(path))
    folder = path.parent
    if not folder.is_dir():
        raise StorylineError(f"cannot write {shown}: no such folder")
    if path.is_dir():
        raise StorylineError(f"cannot write {shown}: it is a folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise StorylineError(f"cannot write {shown}: permission denied")
    if path.exists() and any(_same(path, source) for source in input_files(inputs)):
        raise StorylineError(f"refusing to write {shown}: it is one of the input articles")
    return path


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
