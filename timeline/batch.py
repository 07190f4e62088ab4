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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.summarize.archive import archive_lines, parse_line
from storyline.summarize.errors import InputError, StorylineError
from storyline.summarize.outfile import write_atomic
from storyline.summarize.stories import Profile, group_profiles, profile
from storyline.summarize.story import build_articles, load_story

FORMATS = ("json", "md")


@dataclass(frozen=True)
class Shard:
    """One story's records, on disk for its task; `id` is the hash of its content."""

    id: str
    path: Path
    title: str
    articles: int
    first: str | None
    last: str | None


def plan(archives: Sequence[str], work: Path, problems: list[InputError]) -> list[Shard]:
    """Group the archive's articles into stories and write one shard per story into `work`."""
    profiles: list[Profile] = []
    kept: list[int] = []  # for each profile, its record's position in the archive
    for position, (origin, line) in enumerate(archive_lines(archives)):
        try:
            articles, skipped = build_articles([parse_line(origin, line)])
        except InputError as err:
            problems.append(err)
            continue
        problems.extend(skipped)
        if articles:
            profiles.append(replace(profile(articles[0]), id=len(profiles) + 1))
            kept.append(position)
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
    from . import render
    from .analysis import analyse

    entry: dict[str, object] = {"id": shard.id, "title": shard.title, "articles": shard.articles,
                                "first": shard.first, "last": shard.last}
    try:
        analysis = analyse(load_story([str(shard.path)]), algorithm)
        files = []
        for fmt in formats:
            path = Path(out) / f"{shard.id}.{fmt}"
            body = (render.markdown(analysis, analysis.timeline.events) if fmt == "md" else
                    render.dumps(render.json_document(analysis, analysis.timeline.events)) + "\n")
            write_atomic(path, body)
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
    shards = plan(archives, out / ".shards", problems)
    done = [s for s in shards if all((out / f"{s.id}.{fmt}").exists() for fmt in formats)]
    todo = [s for s in shards if s not in done]
    entries = [_cached(s, formats) for s in done]
    if progress:
        progress(len(entries), len(shards))
    if todo:
        cluster = None if scheduler else LocalCluster(n_workers=workers or _cores(), threads_per_worker=1,
                                                       processes=True, dashboard_address=None)
        try:
            with Client(scheduler or cluster) as client:
                futures = {client.submit(task, s, str(out), tuple(formats), algorithm, pure=False): s for s in todo}
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


def _cached(shard: Shard, formats: Iterable[str]) -> dict[str, object]:
    return {"id": shard.id, "title": shard.title, "articles": shard.articles, "first": shard.first,
            "last": shard.last, "status": "cached", "files": [f"{shard.id}.{fmt}" for fmt in formats]}


def _cores() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
