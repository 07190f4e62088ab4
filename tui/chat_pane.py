"""The chat pane: the progress bar, the chat and its prompt. A question is answered in a thread and
its answer goes under it, in the order asked; one asked while the story loads waits for the story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, ProgressBar

from storyline.timeline.analysis import STAGES, Analysis
from storyline.timeline.answers.ask import Answer, ask

from storyline.tui import commands
from storyline.tui.commands import HELP, Out
from storyline.tui.widgets.chat import ChatLog, Exchange, PromptInput

if TYPE_CHECKING:
    from storyline.tui.app import StorylineApp
    from storyline.tui.loading import Loaded

QUIT_WORDS = {"q", "quit", "exit", ":q", "/q", "/quit"}  # sent alone: the reader meant to leave


class ChatPane(Vertical):
    """The right pane; the app tells it the story loaded (`show_story`), and asks it to `answer`."""

    @dataclass
    class Answered(Message):
        exchange: Out
        analysis: Analysis
        answer: Answer

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pending: list[tuple[str, Exchange]] = []  # questions asked while the story was loading

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=len(STAGES) + 1, show_eta=False, id="progress")  # the stages, then showing
        yield ChatLog(id="chat")
        yield PromptInput(placeholder="Ask the story… (/help · F1 keys · Ctrl+Q quits)", id="prompt", compact=True)

    def on_mount(self) -> None:
        self.border_title = "Chat · F2"
        self.watch(self.screen, "focused", self.say_where_keys_go)
        self.query_one(ChatLog).add_note(HELP)

    def say_where_keys_go(self, focused: Widget | None) -> None:
        """The border says when typing goes into the prompt (so `q` types, not quits)."""
        typing = focused is not None and focused.id == "prompt"
        self.border_subtitle = "typing goes here · Esc: timeline" if typing else ""

    @property
    def story_app(self) -> StorylineApp:
        from storyline.tui.app import StorylineApp

        assert isinstance(self.app, StorylineApp)
        return self.app

    def show_story(self, analysis: Analysis, ready: Loaded, loaded_line: str, reranked: bool) -> None:
        """A story loaded: what it holds, hints (not after a re-ranking), its summary, then the
        answers to the questions asked meanwhile, each under its question."""
        chat = self.query_one(ChatLog)
        chat.add_note(loaded_line)
        if not reranked:
            chat.add_note(ready.hints)
        if ready.summary is not None:
            chat.add_answer(ready.summary, analysis)  # the story at a glance
        for question, exchange in self.pending:
            # asked while loading: moved below the story's notes and summary, so that its answer is
            # the newest message and scrolls into view (above them, it arrived out of sight)
            if exchange.is_attached and chat.children[-1] is not exchange:
                chat.move_child(exchange, after=chat.children[-1])
            self.answer(analysis, question, exchange)
        self.pending.clear()

    @on(Input.Submitted, "#prompt")
    def submit(self, event: Input.Submitted) -> None:
        text = event.value.strip()  # the prompt has already emptied itself (PromptInput.action_submit)
        if not text:
            return
        app = self.story_app
        if text.lower() in QUIT_WORDS:
            app.exit()
            return
        exchange = self.query_one(ChatLog).add_question(text)
        if text.startswith("/"):
            commands.run_command(app, text, exchange)
        elif app.analysis is None:
            self.pending.append((text, exchange))
            exchange.add_note("Still reading the story: this will be answered here as soon as it is ready.")
        else:
            self.answer(app.analysis, text, exchange)

    # named: by default a worker is named by the repr of its arguments (a big analysis: most of a second)
    @work(thread=True, group="ask", description="answer")
    def answer(self, analysis: Analysis, question: str, exchange: Out) -> None:
        self.post_message(self.Answered(exchange, analysis, ask(analysis, question)))

    @on(Answered)
    def show_answer(self, message: Answered) -> None:
        if not isinstance(message.exchange, Widget) or message.exchange.is_attached:  # not cleared meanwhile
            message.exchange.add_answer(message.answer, message.analysis)
