"""Output files on the command line and in the app: checked before any work, never onto an input."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from storyline.summarize.errors import StorylineError
from storyline.summarize.read.ingest import READABLE_SUFFIXES, STDIN, input_files
from storyline.summarize.untrusted import shown_path
from storyline.timeline.output.write import destination


def check_target(target: str, inputs: Sequence[str]) -> Path:
    """The file to write, checked before any work is done: in a folder that exists and can be
    written, not a folder itself, and not one of the inputs (same file by any name or link).
    A symlink is checked at its target; a FIFO or character device must be writable; any other
    node that is not a regular file is refused (write_atomic never renames over one)."""
    path = Path(target).expanduser()
    shown = shown_path(str(path))
    real, stream = destination(path)
    if stream:
        if not os.access(real, os.W_OK):
            raise StorylineError(f"cannot write {shown}: permission denied")
        return path
    folder = real.parent
    if not folder.is_dir():
        raise StorylineError(f"cannot write {shown}: no such folder")
    if not os.access(folder, os.W_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise StorylineError(f"cannot write {shown}: permission denied")
    if real.exists() and any(_same(real, source) for source in input_files(inputs)):
        raise StorylineError(f"refusing to write {shown}: it is one of the input articles")
    folder_read = _read_folder_holding(real, inputs)
    if folder_read is not None:
        raise StorylineError(f"refusing to write {shown}: it is inside the input folder {shown_path(folder_read)}, "
                             "so the next run would read it as an article (write it elsewhere)")
    return path


def _read_folder_holding(file: Path, inputs: Sequence[str]) -> str | None:
    """The input folder whose walk would pick up `file` (a readable suffix, no hidden part)."""
    if file.suffix.lower() not in READABLE_SUFFIXES:
        return None
    where = Path(os.path.realpath(file))
    for raw in inputs:
        if raw == STDIN or not Path(raw).is_dir():
            continue
        try:
            inside = where.relative_to(os.path.realpath(raw))
        except ValueError:
            continue
        if not any(part.startswith(".") for part in inside.parts):
            return raw
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
