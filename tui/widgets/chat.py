"""The chat with the story: questions, cited answer lines, notes."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from storyline.summarize.cite import marks
from storyline.timeline.ask import Answer, AnswerLine

from ..messages import CopyText, OpenCitation


class AnswerLineView(Static, can_focus=True):
    """One cited line of an answer: Enter or 1–9 opens a citation, c copies it."""

    BINDINGS = [
        Binding("enter", "open(0)", "Open source"),
        Binding("c", "copy", "Copy"),
        *[Binding(str(n), f"open({n - 1})", f"Source {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, line: AnswerLine) -> None:
        text = Text("• ")
        if line.date_label:
            text.append(f"{line.date_label}: ", style="bold green")
        text.append(line.text)
        text.append(f" {marks(line.sources)}", style="bold cyan")
        super().__init__(text, classes="answer-line")
        self.line = line

    def action_open(self, index: int) -> None:
        if index < len(self.line.sources):
            self.post_message(OpenCitation(self.line.sources[index], self.line.claim))

    def action_copy(self) -> None:
        self.post_message(CopyText(f"{self.line.text} {marks(self.line.sources)}"))

    def on_click(self) -> None:
        self.action_open(0)


class ChatLog(VerticalScroll):
    """A scrolling column of messages; the newest is scrolled into view."""

    def add_question(self, question: str) -> None:
        self._add(Static(Text(question), classes="question"))

    def add_note(self, note: str, error: bool = False) -> None:
        self._add(Static(Text(note), classes="note error" if error else "note"))

    def add_answer(self, answer: Answer) -> None:
        self._add(Static(Text(answer.note), classes="note" if answer.found else "note unanswered"))
        for line in answer.lines:
            self._add(AnswerLineView(line))

    def clear_messages(self) -> None:
        self.remove_children()

    def _add(self, widget: Static) -> None:
        self.mount(widget)
        self.call_after_refresh(self.scroll_end, animate=False)
