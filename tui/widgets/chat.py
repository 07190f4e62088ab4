"""The chat with the story: questions, cited answer lines, notes."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from storyline.timeline.output.cite import also_reported, marks, noted
from storyline.timeline.answers.ask import Answer, AnswerLine

from storyline.tui.messages import CopyText, follow


class AnswerLineView(Static, can_focus=True):
    """One cited line of an answer: Enter or 1–9 opens a citation, c copies it."""

    BINDINGS = [
        Binding("enter", "open(0)", "Open"),
        Binding("c", "copy", "Copy"),
        Binding("up", "step(-1)", "Previous", show=False),
        Binding("down", "step(1)", "Next", show=False),
        *[Binding(str(n), f"open({n - 1})", f"Source {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, line: AnswerLine) -> None:
        text = Text("• ")
        if line.date_label:
            text.append(f"{line.date_label}: ", style="bold green")
        text.append(noted(line.text, line.variants))
        text.append(f" {marks(line.sources)}", style="bold cyan")
        text.append(also_reported(line.also_sources), style="dim")
        super().__init__(text, classes="answer-line")
        self.line = line

    def action_open(self, index: int) -> None:
        follow(self, self.line.sources, index, self.line.claim, "line")

    def action_step(self, direction: int) -> None:
        """Up and Down move between answer lines; past the last one, back to the prompt."""
        lines = list(self.screen.query(AnswerLineView))
        at = lines.index(self) + direction
        if 0 <= at < len(lines):
            lines[at].focus()
            lines[at].scroll_visible()
        elif direction > 0:
            self.app.query_one("#prompt").focus()

    def action_copy(self) -> None:
        self.post_message(CopyText(f"{noted(self.line.text, self.line.variants)} {marks(self.line.sources)}"))

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

    def on_resize(self) -> None:
        # A new width re-wraps every message; keep the latest answer in view, not the top.
        self.call_after_refresh(self.scroll_end, animate=False)

    def _add(self, widget: Static) -> None:
        self.mount(widget)
        self.call_after_refresh(self.scroll_end, animate=False)


class PromptInput(Input):
    """The chat prompt: Up and Down recall earlier questions, as a shell does."""

    BINDINGS = [
        Binding("up", "recall(-1)", "Earlier", show=False),
        Binding("down", "recall(1)", "Later", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        self._at = 0

    def remember(self, question: str) -> None:
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._at = len(self.history)

    def action_recall(self, step: int) -> None:
        if step > 0 and self._at >= len(self.history):  # below the newest: nothing to recall
            return
        self._at = max(0, min(len(self.history), self._at + step))
        self.value = self.history[self._at] if self._at < len(self.history) else ""
        self.cursor_position = len(self.value)

