"""The app's loading process: the story read and analysed away from the UI, its stages sent back
as they start (imports no Textual: the process runs only this and the analysis)."""

from __future__ import annotations

import gc
import io
import pickle
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing.context import BaseContext
from multiprocessing.queues import Queue
from queue import Empty
from typing import Any

from storyline.summarize.heap import one_batch
from storyline.summarize.story import Story
from storyline.timeline.analysis import STAGES, Analysis, Mixed, load_and_analyse
from storyline.timeline.answers.ask import Answer, summary_answer
from storyline.timeline.events.build import Event, select
from storyline.tui.coverage import coverage_span
from storyline.tui.progress import stage_words
from storyline.tui.words import hints

SUMMARY_SENTENCES = 3  # the summary the app opens with
PIECE = 200  # articles, sentences, claims or events pickled a piece (see `packed`)

_stages: Queue[tuple[str, int, int]] | None = None  # set in the loading process by `listen`

def listen(queue: Queue[tuple[str, int, int]]) -> None:
    """The loading process's initializer: where its stages go (a queue can only be inherited)."""
    global _stages
    _stages = queue


def _tell(stage: str, done: int, total: int) -> None:
    if _stages is not None:
        _stages.put((stage, done, total))


@dataclass(frozen=True)
class Loaded:
    """What the loading process sends back: the story, or a mixed input's stories to choose from;
    for a story, also what the app would otherwise work out in its event loop, stalling keys:
    the summary it opens with (the solver's imports alone took 2 s), the key dates' events
    (0.4 s on 18,000 events, at every press of `a`), and the title, span and hints of the header
    and the chat (0.15 s on 18,000 events)."""

    result: Analysis | Mixed
    summary: Answer | None = None
    key_events: tuple[Event, ...] = ()
    title: str = ""
    span: tuple[date, date] | None = None
    hints: str = ""
    big: bool = False  # past the size where the app opens on the key dates


def load(paths: Sequence[str], stdin: bytes | None, algorithm: str, story: Story | None,
         story_id: int | None, choose: bool, key_dates: tuple[int, int, int]) -> bytes:
    """What the loading process runs: `load_and_analyse`, telling `listen`'s queue each stage,
    then what the app shows first (`Loaded`), `key_dates` being (dates, events per date, the
    number of events past which the app opens on them); `packed`."""
    with one_batch():  # the loading process ends once the app has what it sends
        result = load_and_analyse(paths, stdin, algorithm, story, story_id, choose, progress=_tell)
    if isinstance(result, Mixed):
        return packed(Loaded(result))
    _tell("summary", 0, 0)
    dates, per_date, over = key_dates
    big = len(result.timeline.events) > over
    return packed(Loaded(result, summary_answer(result, SUMMARY_SENTENCES, "summary"),
                         tuple(select(result.timeline, dates, per_date)), result.title,
                         coverage_span(result.timeline.events), hints(result, dates if big else None), big))


def packed(loaded: Loaded) -> bytes:
    """`loaded` as a run of small pickles, its articles, sentences, claims and events PIECE at a
    time, then the whole (one pickler: the whole refers back to the pieces). Unpickled in one go,
    18,000 events held the GIL for half a second, and the app's keys waited (`unpacked`)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    result = loaded.result
    bulk: list[Sequence[object]] = [result.story.articles, result.story.sentences]
    if isinstance(result, Analysis):
        bulk += [result.claims, result.timeline.events]
    for items in bulk:
        for start in range(0, len(items), PIECE):
            pickler.dump(items[start:start + PIECE])
    pickler.dump(loaded)
    return buffer.getvalue()


def unpacked(data: bytes) -> Loaded:
    """What `packed` packed, a piece at a time, letting the UI thread have the GIL between pieces.
    The cyclic garbage collector is off meanwhile (it scanned the growing heap over and over: 3/4
    of the time) and the story's objects are frozen after, so that no later collection scans them
    again (a full one stalled the UI 0.2 s; freezing leaves them to be freed by reference count)."""
    unpickler = pickle.Unpickler(io.BytesIO(data))
    enabled = gc.isenabled()
    gc.disable()
    try:
        while not isinstance(piece := unpickler.load(), Loaded):
            time.sleep(0)  # the UI thread's turn
        return piece
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def step(stage: str, done: int, total: int, algorithm: str) -> tuple[float, str]:
    """Where a stage puts the progress bar (out of len(STAGES) + 1: showing is the last step), in words."""
    if stage == "reading":
        return (done / total if total else 0.0), stage_words(stage, done, total, algorithm)
    return float(STAGES.index(stage) if stage in STAGES else len(STAGES)), stage_words(stage, done, total, algorithm)


def run(context: BaseContext, args: tuple[Any, ...], algorithm: str, tell: Callable[[float, str], object],
        cancelled: Callable[[], bool]) -> Loaded | None:
    """`load(*args)` in a process of `context`, telling each stage (progress step, words) as it
    starts; None if cancelled meanwhile. The calling thread only waits."""
    stages: Queue[tuple[str, int, int]] = context.Queue()
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=listen, initargs=(stages,)) as pool:
        future = pool.submit(load, *args)
        while not future.done():
            if cancelled():
                future.cancel()
                return None
            _drain(stages, algorithm, tell, wait=0.02)
        ready = future.result()
        _drain(stages, algorithm, tell, wait=0)
    return unpacked(ready)


def _drain(stages: Queue[tuple[str, int, int]], algorithm: str, tell: Callable[[float, str], object],
           wait: float) -> None:
    """Tell the stages the loading process has started (waiting up to `wait` s for the first)."""
    try:
        while True:
            stage = stages.get(timeout=wait) if wait else stages.get_nowait()
            tell(*step(*stage, algorithm))
            wait = 0
    except Empty:
        pass
