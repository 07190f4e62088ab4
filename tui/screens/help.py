"""Every key and chat command on one screen (? or F1), as lazygit and harlequin show theirs."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Anywhere", [("F1 or ?", "this help"), ("F2", "the chat prompt"), ("F3", "the timeline"),
                  ("F4", "the filter"), ("F5", "export the timeline shown as Markdown (asks before overwriting)"),
                  ("Ctrl+P", "command palette: jump to a date, open a source, export, switch ranking"),
                  ("q", "quit (when no text box has focus)"), ("Ctrl+Q", "quit")]),
    ("Timeline", [("↑ ↓", "move"), ("← →", "fold and unfold, or go to the parent and first child"),
                  ("Enter or o", "open the event's first source, its sentence highlighted"),
                  ("a click, a second click", "select an event (the pane below shows it), open its source"),
                  ("1–9", "open the event's n-th source"), ("c", "copy the event with its citations"),
                  ("a", "all events, or back to the key dates")]),
    ("Filter", [("words, 2016-03 or 2015-05..2016-03", "show matching events"),
                ("Enter or ↓", "into the timeline"), ("Escape", "clear the filter")]),
    ("Chat", [("Enter", "ask; questions typed while the story loads are answered when it is ready"),
              ("Escape", "to the timeline (where q quits); q or /quit sent alone quits"),
              ("↑ ↓ in the prompt", "earlier questions"), ("↑ ↓ on answers", "move between answer lines"),
              ("Enter or 1–9 on an answer", "open its first or n-th source"), ("c on an answer", "copy it")]),
    ("Source", [("Escape", "back"), ("c", "copy the highlighted sentence"),
                ("n / N", "next / previous paragraph with the cited sentence or a found word"),
                ("/", "find a word in the article")]),
    ("Chat commands", [("/timeline [from] [to]", "filter the timeline to a date range"),
                       ("/summary [N]", "an N-sentence summary"), ("/sources", "the numbered sources"),
                       ("/open N", "read source N"), ("/export md|json|html PATH", "write the timeline shown"),
                       ("/algorithm NAME", "re-rank (lexrank, textrank, lsa, …)"),
                       ("/stories", "back to the story list of a mixed input"), ("/clear", "clear the chat"),
                       ("/help", "a short help in the chat")]),
]


class HelpScreen(ModalScreen[None]):
    """The keys of every part of the app; Escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%; border: thick $primary;
                                  background: $surface; padding: 0 1; border-title-style: bold;
                                  border-subtitle-color: $text-muted; }
    """
    BINDINGS = [Binding("escape,q,question_mark,f1", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, expand=True)
        table.add_column(style="bold cyan", max_width=26)
        table.add_column(ratio=1)
        for section, rows in KEYS:
            table.add_row(Text(section, style="bold reverse"), "")
            for key, what in rows:
                table.add_row(Text(key), Text(what))  # Text: "[from]" is not markup
            table.add_row("", "")
        with VerticalScroll() as pane:
            pane.border_title = "Storyline: every key and command"
            pane.border_subtitle = "↑ ↓ PgUp PgDn scroll · Esc closes"
            yield Static(table)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()  # so that the arrows scroll it
