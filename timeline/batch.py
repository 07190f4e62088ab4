"""An archive of many stories on a Dask cluster: group, then analyse each story as one task.

1. `plan` streams the archive once to profile every article (`summarize.stories.Profile`: a few
   dozen terms, not its text) and groups the profiles into stories; a second pass writes each
   story's records to a shard file named by the hash of its content.
2. `run_batch` sends one `analyse_shard` task per shard to Dask (`distributed`): a LocalCluster
   on this machine by default, or an existing scheduler by address. A story whose output is
   already written under the same hash is skipped, so an interrupted run resumes; a story that
   fails is reported in the index with its error and the others go on.
3. `DIR/index.json` lists every story: id, title, counts, span, files or error.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from storyline.summarize.read.archive import archive_lines, parse_line
from storyline.summarize.errors import InputError, StorylineError
from storyline.timeline.output.formats import FILE_SUFFIX
from storyline.timeline.output.write import write_atomic
from storyline.summarize.stories import Profile, group_profiles, profile
from storyline.summarize.story import build_articles, load_story

FORMATS = ("json", "md")  # the default; any of output.formats.TIMELINE_FORMATS may be asked for
CHUNK = 500  # archive lines profiled per task
IN_FLIGHT = 4  # chunks per worker sent ahead: the archive is never all in memory


@dataclass(frozen=True)
class Shard:
    """One story's records, on disk for its task; `id` is the hash of its content."""

    id: str
    path: Path
    title: str
    articles: int
    first: str | None
    last: str | None


Chunk = list[tuple[int, str, bytes]]  # (position in the archive, origin, line)
Profiled = list[tuple[int, "Profile | InputError"]]


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


def plan(archives: Sequence[str], work: Path, problems: list[InputError],
         profile_all: Callable[[Iterator[Chunk]], Iterable[Profiled]] = lambda c: map(profile_lines, c)
         ) -> list[Shard]:
    """Group the archive's articles into stories and write one shard per story into `work`.

    `profile_all` profiles the chunks, in any order: here by default, on the cluster in `run_batch`."""
    found: list[tuple[int, Profile]] = []
    skipped: list[tuple[int, InputError]] = []
    unreadable: list[InputError] = []  # web archive pages too large to be records
    for results in profile_all(chunks(archives, unreadable)):
        for position, result in results:
            if isinstance(result, InputError):
                skipped.append((position, result))
            else:
                found.append((position, result))
    found.sort(key=lambda pr: pr[0])  # chunks come back in any order: ids follow the archive's
    profiles = [replace(p, id=i) for i, (_, p) in enumerate(found, 1)]
    kept = [position for position, _ in found]
    problems.extend(err for _, err in sorted(skipped, key=lambda pe: pe[0]))
    problems.extend(unreadable)
    groups = group_profiles(profiles)
    story_of = {kept[i - 1]: k for k, g in enumerate(groups) for i in g.articles}
    work.mkdir(parents=True, exist_ok=True)
    digests = [hashlib.sha256() for _ in groups]
    drafts = [work / f"story-{k}.part" for k in range(len(groups))]
    for draft in drafts:
        draft.write_bytes(b"")
    for position, (_, line) in enumerate(archive_lines(archives)):
        k = story_of.get(position)
        if k is not None:
            digests[k].update(line)
            with drafts[k].open("ab") as shard:
                shard.write(line if line.endswith(b"\n") else line + b"\n")
    shards = []
    for group, digest, draft in zip(groups, digests, drafts):
        story_id = digest.hexdigest()[:16]
        path = draft.replace(work / f"{story_id}.jsonl")
        shards.append(Shard(story_id, path, group.title, len(group.articles),
                            group.first.isoformat() if group.first else None,
                            group.last.isoformat() if group.last else None))
    return shards


def analyse_shard(shard: Shard, out: str, formats: Sequence[str], algorithm: str) -> dict[str, object]:
    """One story's task (run in a Dask worker): analyse its shard, write its files, report."""
    from storyline.timeline.analysis import analyse
    from storyline.timeline.output.formats import render_timeline

    entry: dict[str, object] = {"id": shard.id, "title": shard.title, "articles": shard.articles,
                                "first": shard.first, "last": shard.last}
    try:
        analysis = analyse(load_story([str(shard.path)]), algorithm)
        files = []
        for fmt in formats:
            path = Path(out) / file_name(shard.id, fmt)
            write_atomic(path, render_timeline(analysis, fmt))  # every event: no --dates in a batch
            files.append(path.name)
        return entry | {"status": "done", "events": len(analysis.timeline.events), "files": files}
    except StorylineError as err:
        return entry | {"status": "failed", "error": str(err)}
    except Exception as err:  # one story's bug must not stop the archive: reported in the index
        return entry | {"status": "failed", "error": f"internal error: {type(err).__name__}: {err}"}


Task = Callable[[Shard, str, Sequence[str], str], dict[str, object]]


def run_batch(archives: Sequence[str], out: Path, scheduler: str | None = None, workers: int | None = None,
              formats: Sequence[str] = FORMATS, algorithm: str = "lexrank",
              progress: Callable[[int, int], None] | None = None, task: Task = analyse_shard) -> dict[str, object]:
    """Analyse every story of the archives on Dask; write `out/index.json` and return it.

    `task` is what runs per story (an importable function; `analyse_shard` unless a test or
    another analysis swaps it)."""
    from distributed import Client, LocalCluster, as_completed

    problems: list[InputError] = []
    out.mkdir(parents=True, exist_ok=True)
    cluster = None if scheduler else LocalCluster(n_workers=workers or _cores(), threads_per_worker=1,
                                                   processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            shards = plan(archives, out / ".shards", problems, lambda c: _on_cluster(client, c))
            done = [s for s in shards if all((out / file_name(s.id, fmt)).exists() for fmt in formats)]
            entries = [_cached(s, formats) for s in done]
            if progress:
                progress(len(entries), len(shards))
            futures = {client.submit(task, s, str(out), tuple(formats), algorithm, pure=False): s
                       for s in shards if s not in done}
            for future in as_completed(futures):
                try:
                    entries.append(future.result())
                except Exception as err:  # a worker died or the task raised: that story only
                    entries.append(_cached(futures[future], ()) | {
                        "status": "failed", "files": [], "error": f"{type(err).__name__}: {err}"})
                if progress:
                    progress(len(entries), len(shards))
    finally:
        if cluster is not None:
            cluster.close()
    order = {s.id: i for i, s in enumerate(shards)}
    index = {"stories": sorted(entries, key=lambda e: order[str(e["id"])]),
             "skipped_records": [str(p) for p in problems]}
    write_atomic(out / "index.json", json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    return index


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


def _cached(shard: Shard, formats: Iterable[str]) -> dict[str, object]:
    return {"id": shard.id, "title": shard.title, "articles": shard.articles, "first": shard.first,
            "last": shard.last, "status": "cached", "files": [file_name(shard.id, fmt) for fmt in formats]}


def _cores() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
