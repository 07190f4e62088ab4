"""What keeps the app standing: how its loading process starts, a command palette that a second
Enter cannot crash, and a crash said in one line."""

from __future__ import annotations

import asyncio
import os
from contextlib import chdir
from pathlib import Path
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from typing import Any

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.content import Content
from textual.notifications import SeverityLevel

import storyline


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
    context.set_forkserver_preload(["storyline.tui.loading"])
    # The server imports its preloads from its working directory first: started beside this copy
    # of storyline, it runs the same code as the app (from elsewhere, another installed copy won).
    with chdir(Path(storyline.__file__).resolve().parent.parent):
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


class SteadyApp(App[None]):
    """Textual's App with what Storyline needs of every screen: notifications that never parse
    markup, a header that keeps its counts, a palette a double Enter cannot crash, and any crash
    kept as one line (`crash`) for the command to print, with return code 1."""

    HEADER_ROOM = 20  # the header's columns besides its title: the icon, the clock's place and margins

    def __init__(self) -> None:
        super().__init__()
        self.crash: str | None = None

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Textual's notification, but never parsing markup by default: messages name files and
        quote articles, and "[link=…]" or "A[/]B" in them must show as written, not crash the app."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header: the story's name cut to leave room for its counts and span, which always show."""
        room = self.size.width - self.HEADER_ROOM - len(sub_title) - 3
        if len(title) > room:
            title = title[:max(room - 1, 0)] + "…" if room > 8 else ""
        return super().format_title(title, sub_title) if title else Content(sub_title)

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in words (Textual's own hint is markup, shown raw by our notify)."""
        self.notify("Press Ctrl+Q to quit (or q when no text box has focus).", title="Do you want to quit?")

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]  # typed App[object]
            self.push_screen(Palette(id="--command-palette"))

    def _handle_exception(self, error: Exception) -> None:
        """Any crash ends the app with one line for the command to print and exit status 1: Textual's
        traceback shows locals, which quote whole articles (STORYLINE_DEBUG=1 shows it still)."""
        if os.environ.get("STORYLINE_DEBUG"):
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
            self.crash = one_line(error)
        self._close_messages_no_wait()
