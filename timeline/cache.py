"""A persistent cache of analyses, keyed by what they were made from: a second `ask` is instant.

The key is a hash of every input's bytes (files as `input_files` finds them, standard input),
the options that shape an analysis (ranking algorithm, story id) and the code that makes it
(each source file of summarize/ and timeline/ but the outputs and the answering, with its size
and modification time), so a changed article, option or program never
meets an old entry. Entries are written whole (a temporary file renamed over the name), so runs
side by side never read half an entry; one that cannot be read is rebuilt. The folder is the
user's cache folder (`$STORYLINE_CACHE`, else `$XDG_CACHE_HOME/storyline`, else
`~/.cache/storyline`), private to the user, and keeps the newest `KEEP` entries.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from storyline.summarize.read.ingest import MAX_BYTES, input_files
from storyline.timeline.analysis import Analysis

KEEP = 32  # entries kept; older ones are removed as new ones are written
NOT_CACHED = frozenset({"answers/ask.py", "batch.py", "cache.py"})  # code that reads entries, not in them


def cache_folder() -> Path:
    """Where entries live (created on first write)."""
    if os.environ.get("STORYLINE_CACHE"):
        return Path(os.environ["STORYLINE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "storyline"


def input_key(paths: Sequence[str], stdin: bytes | None, options: Sequence[object]) -> str | None:
    """The entry's name for these inputs and options; None when an input cannot be hashed whole
    (not a regular file, unreadable, over the size limit): such a run is not cached."""
    digest = hashlib.sha256(repr((list(options), _program_stamp())).encode())
    for path in input_files(paths):
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            return None
    for raw in paths:  # a path that is not there is a warning the cached run must give again
        if raw != "-" and not (Path(raw).exists() or Path(raw).is_symlink()):
            digest.update(b"<missing>\0" + raw.encode("utf-8", "surrogateescape") + b"\0")
    if stdin is not None:
        digest.update(b"<stdin>\0" + hashlib.sha256(stdin).digest())
    return digest.hexdigest()


def cached(key: str | None, build: Callable[[], Analysis], prepare: Callable[[Analysis], bool] | None = None,
           folder: Path | None = None) -> Analysis:
    """The analysis stored under `key`, else `build()`'s, stored for next time. `prepare` adds
    what this caller needs (`with_answer_index`) and says whether it had to: then the entry is
    stored again with it."""
    if key is None:
        analysis = build()
        if prepare:
            prepare(analysis)
        return analysis
    folder = folder or cache_folder()
    entry = folder / f"{key}.pickle"
    found = _load(entry)
    analysis = found or build()
    if (prepare and prepare(analysis)) or found is None:
        _store(folder, entry, analysis)
    return analysis


def with_timeline(analysis: Analysis) -> bool:
    """Build the analysis's timeline unless it has one (True: built now, worth storing)."""
    if "timeline" in vars(analysis):
        return False
    _ = analysis.timeline
    return True


def with_answer_index(analysis: Analysis) -> bool:
    """Build the analysis's answer index unless it has one (True: built now, worth storing)."""
    if "answer_index" in vars(analysis):
        return False
    _ = analysis.answer_index
    return True


def _load(entry: Path) -> Analysis | None:
    try:
        with entry.open("rb") as handle:
            found = pickle.load(handle)
    except Exception:  # noqa: BLE001 - absent, truncated or from another version: rebuilt
        return None
    if not isinstance(found, Analysis):
        return None
    try:
        os.utime(entry)  # recently used: kept longest
    except OSError:
        pass
    return found


def _store(folder: Path, entry: Path, analysis: Analysis) -> None:
    part: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as handle:
            part = handle.name
            pickle.dump(analysis, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, entry)
        part = None
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):  # a full disk, a read-only home: uncached
        pass
    finally:
        if part is not None:
            Path(part).unlink(missing_ok=True)


def _program_stamp() -> tuple[tuple[str, int, int], ...]:
    """Each source file of the code whose results an entry holds (the analysis and its answer
    index), with its size and modification time; the outputs and the answering are not in it."""
    import storyline.summarize
    import storyline.timeline

    stamp = []
    for layer in (storyline.summarize, storyline.timeline):
        folder = Path(layer.__file__ or "").parent
        for f in sorted(folder.rglob("*.py")):
            if f.relative_to(folder).as_posix() in NOT_CACHED or f.parent.name == "output":
                continue
            info = f.stat()
            stamp.append((f"{layer.__name__}/{f.relative_to(folder)}", info.st_size, info.st_mtime_ns))
    return tuple(stamp)
