"""The chat with the story: questions, cited answer lines, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from storyline.timeline.output.cite import marks, noted
from storyline.timeline.answers.ask import Answer, AnswerLine

from storyline.tui.messages import CopyText, follow
from storyline.tui.words import few_marks, short_noted

if TYPE_CHECKING:
    from storyline.timeline.analysis import Analysis

MAX_PROMPT = 2000  # characters the prompt takes: a question, never a pasted article (each key re-measures it)
CONTROLS = dict.fromkeys([*range(0, 32), 127], " ")  # pasted escapes and bells: a space each


class AnswerLineView(Static, can_focus=True):
    """One cited line of an answer: Enter or 1–9 opens a citation, c copies it. It keeps the
    analysis it was answered from, so after a switch of story it still opens its own sources."""

    BINDINGS = [
        Binding("enter", "open(0)", "Open"),
        Binding("c", "copy", "Copy"),
        Binding("up", "step(-1)", "Previous", show=False),
        Binding("down", "step(1)", "Next", show=False),
        *[Binding(str(n), f"open({n - 1})", f"Source {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, line: AnswerLine, analysis: Analysis | None = None) -> None:
        text = Text("• ")
        if line.date_label:
            text.append(f"{line.date_label}: ", style="bold green")
        text.append(short_noted(line.text, line.variants))
        text.append(f" {few_marks(line.sources)}", style="bold cyan")
        if line.also_sources:
            text.append(f" (also reported by {few_marks(line.also_sources)})", style="dim")
        super().__init__(text, classes="answer-line")
        self.line = line
        self.analysis = analysis

    def action_open(self, index: int) -> None:
        follow(self, self.line.sources, index, self.line.claim, "line", self.analysis)

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


class Messages:
    """Notes and answers added to a column of messages (the chat, or one exchange in it)."""

    def _add(self, widget: Static) -> None:
        raise NotImplementedError

    def add_note(self, note: str, error: bool = False) -> None:
        self._add(Static(Text(note), classes="note error" if error else "note"))

    def add_answer(self, answer: Answer, analysis: Analysis | None = None) -> None:
        self._add(Static(Text(answer.note), classes="note" if answer.found else "note unanswered"))
        for line in answer.lines:
            self._add(AnswerLineView(line, analysis))


class Exchange(Messages, Vertical):
    """A question and what answers it, together: a late answer lands under its own question."""

    DEFAULT_CSS = "Exchange { height: auto; }"

    def __init__(self, question: Static) -> None:
        super().__init__()
        self._question = question
        self._early: list[Static] | None = []  # added before it was composed: shown after its question

    def compose(self) -> ComposeResult:
        early, self._early = self._early or [], None
        yield self._question
        yield from early

    def _add(self, widget: Static) -> None:
        if self._early is not None:  # mounted now, a note added at once ("Still reading…") went above the question
            self._early.append(widget)
            return
        self.mount(widget)
        chat = self.parent
        if isinstance(chat, ChatLog) and chat.children and chat.children[-1] is self:
            chat.call_after_refresh(chat.scroll_end, animate=False)


class ChatLog(Messages, VerticalScroll):
    """A scrolling column of messages; the newest is scrolled into view."""

    def add_question(self, question: str) -> Exchange:
        """A new exchange opened by `question`; its answer and notes go into it."""
        exchange = Exchange(Static(Text(question), classes="question"))
        self.mount(exchange)
        self.call_after_refresh(self.scroll_end, animate=False)
        return exchange

    def clear_messages(self) -> None:
        self.remove_children()

    def on_resize(self) -> None:
        # A new width re-wraps every message; keep the latest answer in view, not the top.
        self.call_after_refresh(self.scroll_end, animate=False)

    def _add(self, widget: Static) -> None:
        self.mount(widget)
        self.call_after_refresh(self.scroll_end, animate=False)


class PromptInput(Input):
    """The chat prompt: Up and Down recall earlier questions, as a shell does; Escape goes to the timeline."""

    BINDINGS = [
        Binding("up", "recall(-1)", "Earlier", show=False),
        Binding("down", "recall(1)", "Later", show=False),
        # Where q quits. A priority binding, so the app moves the focus before it sends on the keys
        # typed after Escape (else they reached the prompt: "Escape q" typed a q)
        Binding("escape", "app.focus('timeline')", "Timeline", show=False, priority=True),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=MAX_PROMPT, **kwargs)
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


    def insert_text_at_cursor(self, text: str) -> None:
        """Typed or pasted text, control characters (a coloured terminal's escapes) as spaces and
        never past the prompt's length: a 100 KB paste froze the app for minutes."""
        room = MAX_PROMPT - len(self.value)
        if room > 0:
            super().insert_text_at_cursor(text.translate(CONTROLS)[:room])

    async def _on_key(self, event: events.Key) -> None:
        """Enter is taken here, in turn with the characters around it: as a binding it ran only after
        the key had bubbled up to the app, by when a second question typed in the same burst was
        already appended to the first."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        """Send the question and empty the prompt at once."""
        await super().action_submit()
        if self.value.strip():
            self.remember(self.value.strip())
        self.value = ""
