"""What `batch` checks before it starts a cluster, and what it trusts when it resumes.

- The archives exist and are archives, each read once however many names lead to it.
- `--out` can be created and written, has room for the shards, and is locked for this run: a
  second run into the same folder is refused rather than mixing its drafts with ours.
- A scheduler address is one Dask can parse (a usage error otherwise).
- A story is reused from an earlier run only if that run's index recorded the same options and
  program version and every file it wrote still has the hash recorded for it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from storyline.summarize.errors import StorylineError
from storyline.summarize.read.archive import check_archive
from storyline.summarize.untrusted import shown_path

LOCK = ".lock"
SCHEMES = ("tcp", "tls", "inproc", "ucx", "ws", "wss")


def unique_archives(archives: Sequence[str]) -> list[str]:
    """The archives, checked (InputError for one that is missing or not an archive), each once:
    an archive and a link to it are one archive."""
    seen: set[str] = set()
    unique = []
    for raw in archives:
        check_archive(raw)
        real = os.path.realpath(raw)
        if real not in seen:
            seen.add(real)
            unique.append(raw)
    return unique


def check_out(out: Path, archives: Sequence[str]) -> None:
    """`out` exists (created if need be), can be written and has room for the shards."""
    shown = shown_path(str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".probe-{os.getpid()}"
        probe.write_bytes(b"x")
        probe.unlink()
    except OSError as err:
        raise StorylineError(f"cannot write into {shown}: {err.strerror or err}") from None
    needed = sum(os.path.getsize(a) for a in archives)  # the shards are a copy of the archive's records
    free = shutil.disk_usage(out).free
    if free < needed:
        raise StorylineError(f"not enough free space in {shown}: {free / 1e6:.0f} MB free, "
                             f"the archive's records need about {needed / 1e6:.0f} MB")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold `out`'s lock for a run; another run holding it is refused at once, not waited for."""
    handle = open(out / LOCK, "a")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StorylineError(f"another batch run is writing into {shown_path(str(out))}: "
                                 "wait for it to finish, or give another --out") from None
        yield
    finally:
        handle.close()  # closing releases the lock


def check_address(address: str) -> None:
    """ValueError unless `address` is a Dask scheduler address such as tcp://10.0.0.5:8786."""
    from distributed.comm.addressing import parse_address, parse_host_port

    scheme, location = parse_address(address)
    if scheme not in SCHEMES:
        raise ValueError(f"{address!r} is not a Dask scheduler address (tcp://HOST:PORT)")
    if scheme in ("tcp", "tls", "ws", "wss"):
        host, _ = parse_host_port(location)
        if not host or any(c.isspace() for c in host):
            raise ValueError(f"{address!r} is not a Dask scheduler address (tcp://HOST:PORT)")


def options_key(algorithm: str) -> dict[str, str]:
    """What an output depends on besides the story's records: the options and our version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("storyline")
    except PackageNotFoundError:
        ours = "unknown"
    return {"algorithm": algorithm, "version": ours}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def reusable(out: Path, options: dict[str, str],
             names_of: Callable[[str], list[str]]) -> dict[str, dict[str, object]]:
    """Entries of the earlier run's index (by story id) whose files (`names_of(id)`, the formats
    asked for now) can be reused as they are."""
    try:
        earlier = json.loads((out / "index.json").read_text(encoding="utf-8"))
        entries = [e for e in earlier["stories"] if isinstance(e, dict)]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    kept = {}
    for entry in entries:
        hashes = entry.get("sha256")
        names = names_of(str(entry.get("id")))
        if (entry.get("status") in ("done", "cached") and entry.get("options") == options
                and isinstance(hashes, dict) and all(_intact(out / n, hashes.get(n)) for n in names)):
            kept[str(entry["id"])] = entry | {"files": names, "sha256": {n: hashes[n] for n in names}}
    return kept


def _intact(path: Path, recorded: object) -> bool:
    try:
        return isinstance(recorded, str) and digest(path.read_bytes()) == recorded
    except OSError:
        return False


def files_of(entry: dict[str, object]) -> list[str]:
    """The file names an index entry lists."""
    files = entry.get("files")
    return [str(f) for f in files] if isinstance(files, list) else []


def missing_files(out: Path, entries: Sequence[dict[str, object]]) -> list[str]:
    """Files the index names that are not in `out` (checked before a run reports success)."""
    return [name for entry in entries for name in files_of(entry) if not (out / name).is_file()]
