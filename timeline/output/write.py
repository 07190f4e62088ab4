"""Writing an output file whole or not at all: a temporary file beside it, renamed over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from storyline.summarize.errors import StorylineError
from storyline.summarize.untrusted import shown_path


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`: a reader never
    sees half a file, and a full disk or a crash leaves the old file as it was."""
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as err:
        raise StorylineError(f"cannot write {shown_path(str(path))}: {err.strerror or err}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
