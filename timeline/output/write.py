"""Writing an output file whole or not at all: a temporary file beside it, renamed over it.

Only a regular file is ever replaced. A symlink is written through (its target replaced, in the
target's own folder: the link stays a link); a FIFO or a character device (`-o /dev/stdout`, a
named pipe) is opened and written, never renamed over; anything else is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from storyline.summarize.errors import StorylineError
from storyline.summarize.untrusted import no_surrogates, shown_path


def destination(path: Path) -> tuple[Path, bool]:
    """Where writing `path` really goes and whether it is a stream (FIFO or character device)
    written in place; a regular file, a new one or a link to either is replaced atomically at its
    real path. Raises StorylineError for a folder, a socket, a block device or a link loop."""
    shown = shown_path(str(path))
    try:
        info = os.stat(path)  # follows links: the node that writing would reach
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise StorylineError(f"cannot write {shown}: {err.strerror or err}") from None
    if info is None or stat.S_ISREG(info.st_mode):
        try:
            real = Path(os.path.realpath(path, strict=False)) if path.is_symlink() else path
        except (OSError, RuntimeError):
            raise StorylineError(f"cannot write {shown}: a loop of links") from None
        return real, False
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        return path, True
    kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a socket or block device)"
    raise StorylineError(f"cannot write {shown}: it is {kind}")


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, as they come) to a temporary file beside `path`'s real file,
    then rename it over that file: a reader never sees half a file, and a full disk, a crash or a
    failure while the pieces are made leaves the old file as it was. Characters UTF-8 cannot
    carry (a lone surrogate from JSON "\\ud800") become U+FFFD."""
    target, stream = destination(path)
    pieces = [text] if isinstance(text, str) else text
    try:
        if stream:
            with os.fdopen(os.open(target, os.O_WRONLY), "wb") as out:  # no O_CREAT, no rename
                _write_pieces(out, pieces)
            return
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                _write_pieces(out, pieces)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as err:
        raise StorylineError(f"cannot write {shown_path(str(path))}: {err.strerror or err}") from None


def _write_pieces(out: BinaryIO, pieces: Iterable[str]) -> None:
    for piece in pieces:
        try:
            data = piece.encode("utf-8")  # in C; a lone surrogate (rare) fails it
        except UnicodeEncodeError:
            data = no_surrogates(piece).encode("utf-8")
        out.write(data)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
