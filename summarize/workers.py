"""The second core: helper processes for the per-article stages of a large story (cleaning and
splitting, source grouping, tagging dates), while this process does its own share or the next stage.

A story below `LARGE` articles (the demo, a test's input) never starts one: a helper costs its
imports (~0.3 s of CPU, on the other core). Each helper is a one-process pool started by spawn, not
fork (forking a threaded process is unsafe: the app's loading process has a queue's thread), and it
is a child of this process, so its CPU is counted in this one's. A helper that dies (killed, out
of memory) costs its share being done here: results never depend on helpers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # concurrent.futures is imported only where a helper starts: a small story never pays for it
    from concurrent.futures import Future, ProcessPoolExecutor

LARGE = 300  # articles from which helpers start
WORKERS_ENV = "STORYLINE_WORKERS"  # helper processes: "0" none; unset, one per core besides this one
MAX_HELPERS = 3  # each holds its share's text and its imports (~60 MB)

T = TypeVar("T")
R = TypeVar("R")


class Workers:
    """Helper processes for one story's stages, started on first use by a large one, ended on close.

    `count` helpers (default: `WORKERS_ENV`, else one per usable core but this one's); `large` the
    articles from which they are used (0 in tests, to run helpers on a small input)."""

    def __init__(self, count: int | None = None, large: int = LARGE) -> None:
        self.count = _wanted() if count is None else count
        self.large = large
        self._pools: list[ProcessPoolExecutor] = []

    def helpers(self, items: int) -> list[ProcessPoolExecutor]:
        """The helpers for a stage over `items` articles: none for a small story."""
        if items < self.large or self.count <= 0:
            return []
        if not self._pools:
            from concurrent.futures import ProcessPoolExecutor
            from multiprocessing import current_process, get_context

            if current_process().daemon:  # a Dask worker's task, say: it may not have children
                self.count = 0
                return []
            context = get_context("spawn")
            self._pools = [ProcessPoolExecutor(max_workers=1, mp_context=context) for _ in range(self.count)]
        return self._pools

    def close(self) -> None:
        """End the helpers (each finishes the task it runs)."""
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)
        self._pools = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _wanted() -> int:
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if setting.isdigit():
        return min(int(setting), MAX_HELPERS)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, MAX_HELPERS))


def in_shares(work: Callable[[T], R], shares: Sequence[T], helpers: Sequence[ProcessPoolExecutor]) -> list[R]:
    """`work` of each share, in order: the first here, the others (one a helper) in the helpers
    meanwhile. `work` is a module-level function, pickled by name with the shares."""
    jobs = [Later(pool, work, share) for pool, share in zip(helpers, shares[1:])]
    return [work(shares[0]), *(job.result() for job in jobs), *(work(share) for share in shares[len(helpers) + 1:])]


def split(items: Sequence[T], parts: int) -> list[list[T]]:
    """`items` cut into `parts` contiguous shares, as even as can be (the first ones one longer)."""
    size, extra = divmod(len(items), parts)
    bounds = [k * size + min(k, extra) for k in range(parts + 1)]
    return [list(items[a:b]) for a, b in zip(bounds, bounds[1:])]


class Later(Generic[R]):
    """`function(*args)` running in a helper (or, with none, here when its result is first asked
    for); a helper that broke meanwhile has it done here."""

    def __init__(self, pool: ProcessPoolExecutor | None, function: Callable[..., R], *args: Any) -> None:
        self.function, self.args = function, args
        self.future: Future[R] | None = None
        self.done: tuple[R] | None = None
        if pool is not None:
            try:
                self.future = pool.submit(_collector_off, function, *args)
            except (RuntimeError, OSError):  # it could not start, or it died (BrokenProcessPool is a RuntimeError)
                self.future = None
            else:
                self.future.add_done_callback(self._sent)

    def _sent(self, future: Future[R]) -> None:
        """Done in the helper: the inputs, kept to do it here should it fail, are not needed."""
        if not future.cancelled() and future.exception() is None:
            self.args = ()

    def result(self) -> R:
        """The result, waiting for the helper if it is not done yet."""
        if self.done is None:
            found: tuple[R] | None = None
            if self.future is not None:
                from concurrent.futures.process import BrokenProcessPool

                try:
                    found = (self.future.result(),)
                except BrokenProcessPool:
                    pass
            self.done = found or (self.function(*self.args),)
            self.args, self.future = (), None  # its inputs are the caller's to free
        return self.done[0]


def _collector_off(function: Callable[..., R], *args: Any) -> R:
    """`function(*args)` in a helper with the cyclic collector off, as `heap.one_batch` has it in
    this process: a task's objects live until it returns and make no cycles to collect."""
    from storyline.summarize.heap import one_batch

    with one_batch(freeze=False):
        return function(*args)
