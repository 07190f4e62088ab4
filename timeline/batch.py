"""An archive of many stories on a Dask cluster: group, then analyse each story as one task.

1. `plan` streams the archive once to profile every article (`summarize.stories.Profile`: a few
   dozen terms, not its text) and groups the profiles into stories; a second pass writes each
   story's records to a shard file (in `DIR/.shards`, on this machine) named by their hash.
2. `run_batch` sends one `analyse_shard` task per story to Dask (`distributed`): a LocalCluster
   on this machine by default, or an existing scheduler by address. A task gets the story's
   records themselves and returns the rendered files, which this process writes: a remote worker
   never needs our folders. A story whose files an earlier run wrote with the same options and
   version, and which still have the recorded hashes, is reused, so an interrupted run resumes;
   a story that fails is reported in the index with its error and the others go on.
3. `DIR/index.json` lists every story: id, title, counts, span, files and their hashes, or error;
   and how many records were skipped, with the first few reasons.

Before any cluster starts, `batch_guard` checks the archives and `DIR`, and locks `DIR`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

from storyline.summarize.errors import InputError, StorylineError
from storyline.summarize.read.archive import archive_lines, parse_line
from storyline.summarize.stories import Profile, group_profiles, profile
from storyline.summarize.story import build_articles, story_of
from storyline.summarize.untrusted import clean_line, no_surrogates
from storyline.timeline.batch_guard import (check_out, digest, files_of, locked, missing_files, options_key, reusable,
                                            unique_archives)
from storyline.timeline.output.formats import FILE_SUFFIX
from storyline.timeline.output.write import write_atomic

FORMATS = ("json", "md")  # the default; any of output.formats.TIMELINE_FORMATS may be asked for
CHUNK = 500  # archive lines profiled per task
IN_FLIGHT = 4  # chunks (or stories) per worker sent ahead: the archive is never all in memory
REASONS_KEPT = 20  # skipped records listed in the index; the rest are only counted
TIMEOUT = 30.0  # seconds to reach a scheduler, and for a worker to join it


@dataclass(frozen=True)
class Shard:
    """One story's records, in a file on this machine; `id` is the hash of its content."""

    id: str
    path: Path
    title: str
    articles: int
    first: str | None
    last: str | None
    origins: tuple[str, ...] = ()  # each record's place in the archive ("archive.jsonl:12")


@dataclass
class Skipped:
    """Records left out: all counted, the first few (in archive order) kept with their reason."""

    count: int = 0
    first: list[tuple[int, InputError]] = field(default_factory=list)

    def add(self, found: list[tuple[int, InputError]]) -> None:
        self.count += len(found)
        self.first = sorted(self.first + found[:REASONS_KEPT], key=lambda pe: pe[0])[:REASONS_KEPT]


Chunk = list[tuple[int, str, bytes]]  # (position in the archive, origin, line)
Profiled = list[tuple[int, "Profile | InputError"]]
Task = Callable[[Shard, tuple[bytes, ...], Sequence[str], str], dict[str, object]]


def profile_lines(chunk: Chunk) -> Profiled:
    """Clean and profile a chunk of archive lines (a task of its own, run in a worker): one result
    per line, a Profile or the reason it was skipped, with the line's position."""
    out: Profiled = []
    for position, origin, line in chunk:
        try:
            articles, skipped = build_articles([parse_line(origin, line)])
        except InputError as err:
            out.append((position, err))
            continue
        out.append((position, profile(articles[0]) if articles else skipped[0]))
    return out


def chunks(archives: Sequence[str], problems: list[InputError] | None = None) -> Iterator[Chunk]:
    """The archive's lines in chunks of CHUNK, each line with its position."""
    chunk: Chunk = []
    for position, (origin, line) in enumerate(archive_lines(archives, problems)):
        chunk.append((position, origin, line))
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def plan(archives: Sequence[str], work: Path, skipped: Skipped,
         profile_all: Callable[[Iterator[Chunk]], Iterable[Profiled]] = lambda c: map(profile_lines, c)
         ) -> list[Shard]:
    """Group the archive's articles into stories and write one shard per story into `work`.

    `profile_all` profiles the chunks, in any order: here by default, on the cluster in `run_batch`."""
    found: list[tuple[int, Profile]] = []
    unreadable: list[InputError] = []  # web archive pages too large to be records
    for results in profile_all(chunks(archives, unreadable)):
        skipped.add([(position, r) for position, r in results if isinstance(r, InputError)])
        found.extend((position, r) for position, r in results if not isinstance(r, InputError))
    skipped.add([(sys.maxsize, err) for err in unreadable])  # listed after the records' own reasons
    found.sort(key=lambda pr: pr[0])  # chunks come back in any order: ids follow the archive's
    profiles = [replace(p, id=i) for i, (_, p) in enumerate(found, 1)]
    kept = [position for position, _ in found]
    groups = group_profiles(profiles)
    story_of_line = {kept[i - 1]: k for k, g in enumerate(groups) for i in g.articles}
    try:
        work.mkdir(parents=True, exist_ok=True)
        digests, origins = _write_drafts(archives, work, story_of_line, len(groups))
        shards = []
        for k, (group, sha) in enumerate(zip(groups, digests)):
            story_id = sha.hexdigest()[:16]
            path = (work / f"story-{k}.part").replace(work / f"{story_id}.jsonl")
            shards.append(Shard(story_id, path, group.title, len(group.articles),
                                group.first.isoformat() if group.first else None,
                                group.last.isoformat() if group.last else None, tuple(origins[k])))
    except OSError as err:
        raise StorylineError(f"cannot write the story shards in {work}: {err.strerror or err}") from None
    return shards


def _write_drafts(archives: Sequence[str], work: Path, story_of_line: dict[int, int],
                  count: int) -> tuple[list[Any], list[list[str]]]:
    """Second pass: each story's lines appended to its draft, hashed, their origins noted."""
    digests = [hashlib.sha256() for _ in range(count)]
    origins: list[list[str]] = [[] for _ in range(count)]
    drafts = [work / f"story-{k}.part" for k in range(count)]
    for draft in drafts:
        draft.write_bytes(b"")
    for position, (origin, line) in enumerate(archive_lines(archives)):
        k = story_of_line.get(position)
        if k is not None:
            digests[k].update(line)
            origins[k].append(origin)
            with drafts[k].open("ab") as shard:
                shard.write(line if line.endswith(b"\n") else line + b"\n")
    return digests, origins


def analyse_shard(shard: Shard, lines: tuple[bytes, ...], formats: Sequence[str], algorithm: str) -> dict[str, object]:
    """One story's task (run in a Dask worker, which needs none of our files): analyse the story's
    records and return its rendered files under "bodies"; the client writes them."""
    from storyline.timeline.analysis import analyse
    from storyline.timeline.output.formats import render_timeline

    entry = _meta(shard)
    try:
        analysis = analyse(story_of([parse_line(o, line) for o, line in zip(shard.origins, lines)]), algorithm)
        bodies = {fmt: render_timeline(analysis, fmt) for fmt in formats}  # every event: no --dates in a batch
        return entry | {"status": "done", "events": len(analysis.timeline.events), "bodies": bodies}
    except StorylineError as err:
        return entry | {"status": "failed", "error": str(err)}
    except Exception as err:  # one story's bug must not stop the archive: reported in the index
        return entry | {"status": "failed", "error": f"internal error: {type(err).__name__}: {err}"}


def run_batch(archives: Sequence[str], out: Path, scheduler: str | None = None, workers: int | None = None,
              formats: Sequence[str] = FORMATS, algorithm: str = "lexrank",
              progress: Callable[[int, int], None] | None = None, task: Task = analyse_shard,
              timeout: float = TIMEOUT, notice: Callable[[str], None] | None = None) -> dict[str, object]:
    """Analyse every story of the archives on Dask; write `out/index.json` and return it.

    Everything that can be checked is checked before a cluster starts (`batch_guard`); `out` is
    locked for the run and its shards removed after it, whatever happens. `task` is what runs per
    story (an importable function; `analyse_shard` unless a test or another analysis swaps it);
    `notice` hears what the run is waiting for."""
    archives = unique_archives(archives)
    out = out.expanduser().resolve()
    check_out(out, archives)
    with locked(out):
        try:
            return _run_locked(archives, out, scheduler, workers, formats, algorithm, progress, task, timeout, notice)
        finally:
            shutil.rmtree(out / ".shards", ignore_errors=True)


def _run_locked(archives: Sequence[str], out: Path, scheduler: str | None, workers: int | None,
                formats: Sequence[str], algorithm: str, progress: Callable[[int, int], None] | None,
                task: Task, timeout: float, notice: Callable[[str], None] | None) -> dict[str, object]:
    options = options_key(algorithm)
    earlier = reusable(out, options, lambda story_id: [file_name(story_id, fmt) for fmt in formats])
    skipped = Skipped()
    with _client(scheduler, workers, timeout, notice) as client:
        shards = plan(archives, out / ".shards", skipped, lambda c: _on_cluster(client, c))
        entries = [earlier[s.id] | _meta(s) | {"status": "cached"} for s in shards if s.id in earlier]
        if progress:
            progress(len(entries), len(shards))
        for entry in _analyse(client, [s for s in shards if s.id not in earlier], formats, algorithm, task):
            entries.append(_write_outputs(out, entry, options))
            if progress:
                progress(len(entries), len(shards))
    lost = set(missing_files(out, entries))  # nothing is reported written that is not there
    entries = [e | {"status": "failed", "error": "its files are missing after the run"}
               if lost.intersection(files_of(e)) else e for e in entries]
    order = {s.id: i for i, s in enumerate(shards)}
    index = {"stories": sorted(entries, key=lambda e: order[str(e["id"])]), "skipped_count": skipped.count,
             "skipped_records": [str(err) for _, err in skipped.first]}
    write_atomic(out / "index.json", json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    return index


@contextmanager
def _client(scheduler: str | None, workers: int | None, timeout: float,
            notice: Callable[[str], None] | None) -> Iterator[Any]:
    """A client of a fresh LocalCluster, or of the scheduler at `scheduler` once a worker has
    joined it; a scheduler that cannot be reached, or no worker in `timeout` s, is a StorylineError."""
    from distributed import Client, LocalCluster

    if scheduler is None:
        # No dashboard; the scheduler's http server still starts, on a free port rather than 8787,
        # so runs side by side do not warn "Port 8787 is already in use".
        with LocalCluster(n_workers=workers or _cores(), threads_per_worker=1, processes=True,
                          dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
                Client(cluster) as local:
            yield local
        return
    try:
        client = Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as err:
        raise StorylineError(f"cannot reach the Dask scheduler at {clean_line(scheduler)} within {timeout:g} s "
                             f"({clean_line(str(err))})") from None
    with client:
        if not client.scheduler_info().get("workers"):
            if notice:
                notice(f"waiting for workers to join the scheduler at {clean_line(scheduler)} (up to {timeout:g} s)…")
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError):
                raise StorylineError(f"no Dask worker joined the scheduler at {clean_line(scheduler)} "
                                     f"within {timeout:g} s") from None
        yield client


def _analyse(client: Any, shards: list[Shard], formats: Sequence[str], algorithm: str,
             task: Task) -> Iterator[dict[str, object]]:
    """Each story's result as it completes; a few stories per worker in flight, never all at once."""
    from distributed import as_completed

    pending = iter(shards)
    futures: dict[Any, Shard] = {}

    def submit(shard: Shard) -> Any:
        lines = tuple(shard.path.read_bytes().split(b"\n")[:-1])
        future = client.submit(task, shard, lines, tuple(formats), algorithm, pure=False)
        futures[future] = shard
        return future

    window = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})))
    running = as_completed([submit(s) for s in islice(pending, window)])
    for future in running:
        shard = futures.pop(future)
        try:
            result = future.result()
        except Exception as err:  # a worker died or the task raised: that story only
            result = _meta(shard) | {"status": "failed", "error": f"{type(err).__name__}: {err}"}
        yield result
        for later in islice(pending, 1):
            running.add(submit(later))


def _write_outputs(out: Path, result: dict[str, object], options: dict[str, str]) -> dict[str, object]:
    """Write a finished story's files here, and record what they are and what made them."""
    entry = {k: v for k, v in result.items() if k != "bodies"}
    bodies = result.get("bodies")
    if entry.get("status") != "done" or not isinstance(bodies, dict):
        return entry | {"files": []}
    hashes = {}
    for fmt, body in bodies.items():
        name = file_name(str(entry["id"]), str(fmt))
        write_atomic(out / name, body)
        hashes[name] = digest(no_surrogates(body).encode("utf-8"))
    return entry | {"files": list(hashes), "sha256": hashes, "options": options}


def _on_cluster(client: Any, pending: Iterator[Chunk]) -> Iterator[Profiled]:
    """Profile chunks on the cluster, a few per worker in flight at a time, as they complete."""
    from distributed import as_completed

    window = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})))
    running = as_completed([client.submit(profile_lines, c, pure=False) for c in islice(pending, window)])
    for future in running:
        yield future.result()
        for chunk in islice(pending, 1):
            running.add(client.submit(profile_lines, chunk, pure=False))


def file_name(story_id: str, fmt: str) -> str:
    """A story's file in one format: `ID.json`, `ID.md`, `ID.html`, `ID.timelinejs.json`, `ID.txt`."""
    return f"{story_id}.{FILE_SUFFIX[fmt]}"


def _meta(shard: Shard) -> dict[str, object]:
    return {"id": shard.id, "title": shard.title, "articles": shard.articles, "first": shard.first,
            "last": shard.last}


def _cores() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
