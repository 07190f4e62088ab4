"""What keeps the app standing: how its loading process starts, a command palette that a second
Enter cannot crash, and a crash said in one line."""

from __future__ import annotations

import asyncio
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


def loader_context() -> BaseContext:
    """How the loading process starts: never by forking this multi-threaded app (unsafe, and
    Python 3.12+ warns), but from a fork server that imports the analysis code while the app
    paints, so that loading and re-ranking start at once; where there is none, spawn.

    Call it before the app runs: starting the server passes it standard error, which the
    running app has replaced with an object that has no file descriptor.
    """
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    from multiprocessing import forkserver

    context = get_context("forkserver")
    context.set_forkserver_preload(["storyline.timeline.analysis"])
    forkserver.ensure_running()
    return context


def one_line(error: BaseException) -> str:
    """A crash as one line: its type and the start of its message, never a dump of article text."""
    message = " ".join(str(error).split())
    return f"internal error: {type(error).__name__}: {message[:160]}" + ("…" if len(message) > 160 else "")


class Palette(CommandPalette):
    """Textual's command palette, deaf once it is closing: two Enters in one read (a fast double
    press, a pasted "\\r\\r") ran the command, then popped a screen that was gone (ScreenStackError)."""

    closing = False

    def _select_or_command(self, event: Any = None) -> None:
        if self.closing:
            if event is not None:
                event.stop()
            return
        super()._select_or_command(event)

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self.closing:
            return AwaitComplete(asyncio.sleep(0))
        self.closing = True
        return super().dismiss(result)
