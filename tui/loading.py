"""The app's loading process: the story read and analysed away from the UI, its stages sent back
as they start (imports no Textual: the process runs only this and the analysis)."""

from __future__ import annotations

from collections.abc import Sequence
from multiprocessing.queues import Queue
from typing import Any

from storyline.summarize.story import Story
from storyline.timeline.analysis import STAGES, Analysis, Mixed, load_and_analyse
from storyline.tui.progress import stage_words

_stages: Queue[tuple[str, int, int]] | None = None  # set in the loading process by `listen`

def listen(queue: Queue[tuple[str, int, int]]) -> None:
    """The loading process's initializer: where its stages go (a queue can only be inherited)."""
    global _stages
    _stages = queue


def _tell(stage: str, done: int, total: int) -> None:
    if _stages is not None:
        _stages.put((stage, done, total))


def load(paths: Sequence[str], stdin: bytes | None, algorithm: str, story: Story | None,
         story_id: int | None, choose: bool) -> Analysis | Mixed:
    """What the loading process runs: `load_and_analyse`, telling `listen`'s queue each stage."""
    return load_and_analyse(paths, stdin, algorithm, story, story_id, choose, progress=_tell)


def step(stage: str, done: int, total: int, algorithm: str) -> tuple[float, str]:
    """Where a stage puts the progress bar (out of len(STAGES) + 1: showing is the last step), in words."""
    if stage == "reading":
        return (done / total if total else 0.0), stage_words(stage, done, total, algorithm)
    return float(STAGES.index(stage) if stage in STAGES else 0), stage_words(stage, done, total, algorithm)


def context_queue(context: Any) -> Queue[tuple[str, int, int]]:
    """A queue of the loader's multiprocessing context (one the loading process can inherit)."""
    queue: Queue[tuple[str, int, int]] = context.Queue()
    return queue
