"""The Storyline app: a timeline tree beside a chat with the story, every answer cited."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar
from textual.worker import get_current_worker

from storyline.summarize.errors import StorylineError
from storyline.summarize.rank.rankers import RANKERS
from storyline.summarize.story import Story
from storyline.timeline.analysis import STAGES, Analysis, Mixed

from storyline.tui import commands, loading
from storyline.tui.chat_pane import ChatPane
from storyline.tui.guards import SteadyApp, loader_context, one_line
from storyline.tui.commands import HELP, Out
from storyline.tui.coverage import span_label
from storyline.tui.messages import CopyText, OpenCitation
from storyline.tui.screens.help import HelpScreen
from storyline.tui.screens.source import SourceScreen
from storyline.tui.screens.stories import StoryListScreen
from storyline.tui.timeline_pane import TimelinePane
from storyline.tui.pasted import pasted_note
from storyline.tui.widgets.chat import ChatLog
from storyline.tui.words import count

__all__ = ["HELP", "StorylineApp"]

KEY_DATES_OVER = 150  # a story with more events opens on its key dates ("a" shows all)
KEY_DATES, KEY_PER_DATE = 20, 4


class StorylineApp(SteadyApp):
    """Browse a story's timeline and ask it questions."""

    CSS_PATH = "storyline.tcss"
    TITLE = "Storyline"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("q", "quit", "Quit", show=False),  # only reaches the app when no text box takes the key
        Binding("f1,question_mark", "help", "Help", key_display="f1"),
        # Focus keys are the app's first (priority): else the focused widget sees them first, in its own
        # queue, while the keys typed after them are already on their way to it ("F2 hello" lost "hello")
        Binding("f2", "focus('prompt')", "Ask", priority=True),
        Binding("f3", "focus('timeline')", "Tree", priority=True),
        Binding("f4", "focus('filter')", "Filter", priority=True),
        Binding("f5", "export('md')", "Export"),
        Binding("a", "toggle_key_dates", "All/key dates", show=False),
    ]

    @dataclass
    class Progress(Message):
        step: float  # out of len(STAGES) + 1
        text: str

    @dataclass
    class Loaded(Message):
        ready: loading.Loaded  # with an Analysis; what the app shows first, made by the loading process
        warnings: list[str]
        reranked: bool = False

        @property
        def analysis(self) -> Analysis:
            assert isinstance(self.ready.result, Analysis)
            return self.ready.result

    @dataclass
    class Grouped(Message):
        mixed: Mixed

    @dataclass
    class Failed(Message):
        error: str

    def __init__(self, paths: Sequence[str], stdin: bytes | None = None, algorithm: str = "lexrank",
                 story_id: int | None = None) -> None:
        super().__init__()
        self.paths = list(paths)
        self.story_id = story_id  # one story of a mixed input, chosen on the command line
        self.mixed: Mixed | None = None  # a mixed input's stories, once grouped
        self.stdin = stdin
        self.algorithm = algorithm
        self.analysis: Analysis | None = None
        self.loader = loader_context()
        self.shown = asyncio.Event()  # set once a story is on screen (tests and scripts wait on it)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield TimelinePane(id="timeline-pane")
            yield ChatPane(id="chat-pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "reading…"
        self.query_one("#timeline-pane").border_title = "Timeline · F3"
        self.query_one("#prompt").focus()
        self.load(self.algorithm, story_id=self.story_id, choose=self.story_id is None)

    # --- loading ------------------------------------------------------------------------------

    # Each worker is named: by default Textual names it by the repr of its arguments, and the repr
    # of a big story or analysis took the event loop most of a second (18,400 events: 0.65 s).
    @work(thread=True, exclusive=True, group="load", description="load")
    def load(self, algorithm: str, story: Story | None = None, story_id: int | None = None,
             choose: bool = False, rerank: bool = False) -> None:
        """Read and analyse the story in another process, so the UI never waits on the GIL.

        This thread only waits for the process, posting progress by messages; imports and
        number crunching (scipy, regexes over big texts) would otherwise stall keys for
        a hundred milliseconds at a time.
        """
        worker = get_current_worker()
        try:
            args = (self.paths, self.stdin, algorithm, story, story_id, choose, (KEY_DATES, KEY_PER_DATE, KEY_DATES_OVER))
            ready = loading.run(self.loader, args, algorithm, lambda step, text: self.post_message(self.Progress(step, text)),
                                lambda: worker.is_cancelled)
            if ready is None:
                return
            self.post_message(self.Progress(len(STAGES) + 0.5, "showing"))
            if isinstance(ready.result, Mixed):
                self.post_message(self.Grouped(ready.result))
            else:
                pasted = pasted_note(self.stdin if "-" in self.paths else None)
                problems = [*ready.result.story.problems, *([pasted] if pasted else [])]
                self.post_message(self.Loaded(ready, [p.warning() for p in problems], rerank))
        except StorylineError as err:
            self.post_message(self.Failed(str(err)))
        except Exception as err:  # a bug of ours or a dead child process: say so, do not crash
            self.post_message(self.Failed(one_line(err)))

    @on(Progress)
    def show_progress(self, message: Progress) -> None:
        self.query_one("#progress", ProgressBar).update(progress=message.step)
        self.sub_title = f"{message.text}…"

    @on(Loaded)
    def show_story(self, message: Loaded) -> None:
        analysis = self.analysis = message.analysis
        ready = message.ready
        self.algorithm = analysis.algorithm
        self.query_one("#progress", ProgressBar).update(progress=len(STAGES) + 1)
        self.query_one("#progress").display = False
        self.show_header(ready)
        self.pane.show_story(analysis, ready.key_events, ready.span, None if message.reranked else ready.big)
        for warning in message.warnings:
            self.notify(warning, severity="warning", timeout=8)
        # the chat's part once the timeline is drawn: one frame laying out and drawing both took
        # 200 ms on 19,000 events, keys waiting
        self.call_after_refresh(self.show_in_chat, message)

    def show_in_chat(self, message: Loaded) -> None:
        """The loaded story in the chat: what it holds, hints, its summary, the answers asked for meanwhile."""
        analysis = message.analysis
        if self.analysis is not analysis:  # another story or ranking is on its way meanwhile
            return
        self.chat.show_story(analysis, message.ready, f"Loaded {self.sub_title} · {count(len(analysis.claims), 'claim')} "
                             f"(ranking: {analysis.algorithm}).", message.reranked)
        self.shown.set()

    @property
    def pane(self) -> TimelinePane:
        return self.query_one(TimelinePane)

    @property
    def chat(self) -> ChatPane:
        return self.query_one(ChatPane)

    @property
    def key_dates(self) -> bool:
        """The tree shows the key dates only (big stories open so; `a` toggles)."""
        return self.pane.key_dates

    def show_header(self, ready: loading.Loaded) -> None:
        """The story's name, size and span (where its coverage is)."""
        analysis = ready.result
        assert isinstance(analysis, Analysis)
        self.title = ready.title
        self.sub_title = (f"{count(len(analysis.sources), 'article')} · {count(len(analysis.timeline.events), 'event')}"
                          f" · {span_label(ready.span)}")

    @on(Grouped)
    def choose_story(self, message: Grouped) -> None:
        """A mixed input: list its stories, and analyse the one the reader picks."""
        self.mixed = message.mixed
        mixed = message.mixed
        self.sub_title = f"{count(len(mixed.groups), 'story')} in {count(len(mixed.story.articles), 'article')}"
        self.push_screen(StoryListScreen(message.mixed.groups), self.open_story)

    def show_stories(self, out: Out) -> None:
        """/stories: the story list again, on a mixed input."""
        if self.mixed is None:
            out.add_note("This input holds one story: there is no other to open.")
        else:
            self.push_screen(StoryListScreen(self.mixed.groups), self.open_story)

    def open_story(self, story_id: int | None) -> None:
        """Analyse one story of the mixed input (None: all of it, as one story). The chat is marked:
        answers above the mark keep the story they were asked of, and open its sources."""
        if self.mixed is None:
            return
        self.query_one("#progress").display = True
        before = f" The answers above are about {self.analysis.title}." if self.analysis else ""
        name = ("the whole input, as one story" if story_id is None else
                f"Story {story_id}: {self.mixed.groups[story_id - 1].title}")
        self.query_one(ChatLog).add_note(f"── Opening {name} ──{before}")
        self.analysis = None
        self.pane.clear()
        self.shown.clear()
        self.load(self.algorithm, story=self.mixed.story, story_id=story_id)

    @on(Failed)
    def show_failure(self, message: Failed) -> None:
        self.query_one("#progress").display = False
        self.sub_title = "nothing to show"
        self.query_one(ChatLog).add_note(message.error, error=True)
        self.notify(message.error, severity="error", timeout=10)

    # --- timeline (tui/timeline_pane.py) -----------------------------------------------------------

    def set_filter(self, query: str) -> None:
        self.pane.set_filter(query)

    def filter_timeline(self, query: str) -> int:
        """Show the events `query` keeps now (TimelinePane.filter_timeline); returns how many."""
        return self.pane.filter_timeline(query)

    def action_toggle_key_dates(self) -> None:
        """a: all events, or back to the key dates."""
        self.pane.toggle_key_dates()

    def jump_to(self, value: str) -> None:
        self.pane.jump_to(value)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # --- citations, copying, exporting --------------------------------------------------------------

    @on(OpenCitation)
    def follow_citation(self, message: OpenCitation) -> None:
        self.open_citation(message.article, message.claim, message.analysis)

    def open_citation(self, article_id: int, claim_id: int | None = None, analysis: Analysis | None = None) -> bool:
        """Show a source of `analysis` (the story an answer came from; default the one on screen)."""
        analysis = analysis or self.analysis
        if analysis is None or not 1 <= article_id <= len(analysis.sources):
            self.notify(f"No source [{article_id}]", severity="error")
            return False
        sentence = None
        if claim_id is not None:
            sentence = analysis.sentence_in(analysis.claim(claim_id), article_id)
        self.push_screen(SourceScreen(analysis.article(article_id), sentence))
        return True

    @on(CopyText)
    def copy(self, message: CopyText) -> None:
        self.copy_to_clipboard(message.text)
        self.notify("Copied to the clipboard", timeout=2)

    def action_export(self, fmt: str, path: str | None = None) -> None:
        commands.export(self, fmt, path, self.query_one(ChatLog))

    def switch_algorithm(self, name: str, out: Out) -> None:
        if name not in RANKERS:
            out.add_note(f"Unknown algorithm {name!r}; choose from {', '.join(RANKERS)}.", error=True)
            return
        out.add_note(f"Re-ranking with {name}…")
        self.query_one("#progress").display = True
        self.load(name, story=self.analysis.story if self.analysis else None, rerank=self.analysis is not None)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from commands.palette(self)
