"""Progress of long commands on stderr (Rich), shown only when stderr is a terminal: a script or
a pipe sees nothing of it, and standard output never carries it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Update = Callable[[int, int], None]
Stage = Callable[[str, int, int], None]  # timeline.analysis.Progress: (stage, done, total)

WORDS = {"stories": "grouping the articles into stories", "claims": "finding claims and ranking them ({algorithm})",
         "dates": "dating undated articles", "timeline": "tagging dates and placing claims in time",
         "summary": "summarising"}


def stage_words(stage: str, done: int, total: int, algorithm: str) -> str:
    """An analysis stage (timeline.analysis.STAGES) in words, as the app and the command line say it."""
    if stage == "reading":
        return f"reading {done} of {total} files" if total > 1 else "reading the articles"
    return WORDS.get(stage, stage).format(algorithm=algorithm)


def _progress(counted: bool) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    counts = (BarColumn(), MofNCompleteColumn()) if counted else ()
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), *counts, TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


@contextmanager
def counting(message: str) -> Iterator[Update]:
    """A bar "message  N/M" while the block runs; the block calls the update with (done, total)."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    with _progress(counted=True) as progress:
        task = progress.add_task(message, total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


@contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner with `message` and the time elapsed while slow work of unknown length runs."""
    if not sys.stderr.isatty():
        yield
        return
    with _progress(counted=False) as progress:
        progress.add_task(message, total=None)
        yield


@contextmanager
def staged(algorithm: str) -> Iterator[Stage]:
    """A spinner naming the analysis stage under way ("dating undated articles"), and the time
    elapsed; the block passes the update to `analyse` as its `progress`."""
    if not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    with _progress(counted=False) as progress:
        task = progress.add_task("analysing", total=None)
        yield lambda stage, done, total: progress.update(
            task, description=stage_words(stage, done, total, algorithm), refresh=True)
