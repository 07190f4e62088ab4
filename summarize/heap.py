"""The heap of one batch run (a command, the app's loading process): the cyclic collector held off
while a story is read and analysed, and the memory a stage freed given back before the next."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def one_batch(freeze: bool = True) -> Iterator[None]:
    """No cyclic collection while the block runs; after it, what it left is frozen (no later
    collection scans it; unless `freeze` is false, as for a helper's task: a helper runs task after
    task, and what one leaves is not the next one's) and the collector is on again.

    The collector scans the whole heap each time enough new objects have survived: a
    12,000-article story's analysis builds millions of them, all alive until the end, and was
    scanned 23 times (10 s of its 95 s of CPU) to find next to nothing (the stages' objects hold no
    cycles: reference counts free them). For a process that ends after the run, as the CLI's and
    the app's loading process do: a cycle the block made stays until the process ends."""
    if not gc.isenabled():  # nested, or the caller's own choice
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()


def release_memory() -> None:
    """Give the heap's free memory back to the system: glibc keeps what a stage freed (after finding
    a 12,000-article story's claims the process held 1.7 GB, most of it free), and the next stages'
    peaks stack on it. A no-op where the C library is not glibc."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl, macOS, Windows
        return
    trim(0)
