"""The Storyline app: a timeline tree beside a chat with the story, every answer cited."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ProgressBar, Static, Tree
from textual.worker import get_current_worker

from storyline.timeline.output.cite import marks, source_line
from storyline.summarize.errors import StorylineError
from storyline.timeline.output.write import write_atomic
from storyline.summarize.rank.rankers import RANKERS
from storyline.summarize.story import Story
from storyline.summarize.untrusted import shown_path
from storyline.timeline.analysis import Analysis, Mixed, load_and_analyse
from storyline.timeline.answers.ask import Answer, ask, summary_answer
from storyline.timeline.events.build import Event, filter_events, select
from storyline.timeline.output.render import label

from storyline.tui.files import check_target
from storyline.tui.messages import CopyText, OpenCitation
from storyline.tui.screens.confirm import ConfirmScreen
from storyline.tui.screens.help import HelpScreen
from storyline.tui.screens.source import SourceScreen
from storyline.tui.screens.stories import StoryListScreen
from storyline.tui.widgets.chat import ChatLog, PromptInput
from storyline.tui.widgets.event_detail import EventDetail
from storyline.tui.widgets.timeline_tree import FilterInput, TimelineTree
from storyline.tui.words import count

FILTER_DELAY = 0.2  # seconds of no typing before the timeline is filtered
KEY_DATES_OVER = 150  # a story with more events opens on its key dates ("a" shows all)
KEY_DATES, KEY_PER_DATE = 20, 4
DATE_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
HELP = """Ask the story when, what, who or how many (“What happened on …?”, “When did …?”), or “summary”.
Commands: /timeline [from] [to] · /summary [N] · /sources · /open N · /export md|json|html PATH · /algorithm NAME · /clear · /help
Keys: F1 or ? lists every key · Enter on an event or answer opens its source · c copies · Ctrl+P command palette"""


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


def literal(text: str) -> str:
    """Text for a place that reads Textual markup (the command palette): every "[" escaped, so
    "A[/]B.txt" or "[link=…]" from a file name shows as written instead of crashing the app."""
    return text.replace("[", "\\[")


def hints(analysis: Analysis, key_dates: bool) -> str:
    """What to try first, from the story itself: its busiest date and its most reported event."""
    lines = []
    busiest, cited = analysis.busiest_date(), analysis.most_cited()
    if busiest:
        lines.append(f"Try \u201cWhat happened on {label(replace(busiest.span, certain=True))}?\u201d: "
                     "the date most sources name.")
    if cited:
        text = cited.text if len(cited.text) <= 90 else cited.text[:89] + "…"
        lines.append(f"Most reported: \u201c{text}\u201d {marks(cited.sources)}: ask when, who or what about it.")
    if key_dates:
        lines.append(f"The timeline shows the {KEY_DATES} key dates; press a (in the timeline) for every event.")
    return "\n".join(lines)


class StorylineApp(App[None]):
    """Browse a story's timeline and ask it questions."""

    CSS_PATH = "storyline.tcss"
    TITLE = "Storyline"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("q", "quit", "Quit", show=False),  # only reaches the app when no text box takes the key
        Binding("f1,question_mark", "help", "Help", key_display="f1"),
        Binding("f2", "focus('prompt')", "Ask"),
        Binding("f3", "focus('timeline')", "Tree"),
        Binding("f4", "focus('filter')", "Filter"),
        Binding("f5", "export('md')", "Export"),
        Binding("a", "toggle_key_dates", "All/key dates", show=False),
    ]

    @dataclass
    class Progress(Message):
        step: int
        text: str

    @dataclass
    class Loaded(Message):
        analysis: Analysis
        warnings: list[str]
        reranked: bool = False

    @dataclass
    class Grouped(Message):
        mixed: Mixed

    @dataclass
    class Failed(Message):
        error: str

    @dataclass
    class Answered(Message):
        question: str
        answer: Answer

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
        self._filter_timer: Timer | None = None
        self._filtered: str | None = None  # the query the tree shows
        self.shown = asyncio.Event()  # set once a story is on screen (tests and scripts wait on it)
        self.key_dates = False  # the tree shows the key dates only (big stories open so)
        self.pending: list[str] = []  # questions asked while the story was loading

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="timeline-pane"):
                yield FilterInput(placeholder="Filter: words, a date (YYYY-MM) or a range (from..to)", id="filter")
                yield Static(id="count")
                yield TimelineTree(id="timeline")
                yield EventDetail(id="detail")
            with Vertical(id="chat-pane"):
                yield ProgressBar(total=3, show_eta=False, id="progress")  # steps: start, read+analyse, shown
                yield ChatLog(id="chat")
                yield PromptInput(placeholder="Ask the story… (/help, F1 for keys)", id="prompt")
        yield Footer(compact=True)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Textual's notification, but never parsing markup by default: messages name files and
        quote articles, and "[link=…]" or "A[/]B" in them must show as written, not crash the app."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        self.sub_title = "reading…"
        self.query_one("#prompt", Input).focus()
        self.query_one(ChatLog).add_note(HELP)
        self.load(self.algorithm, story_id=self.story_id, choose=self.story_id is None)

    # --- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self, algorithm: str, story: Story | None = None, story_id: int | None = None,
             choose: bool = False, rerank: bool = False) -> None:
        """Read and analyse the story in another process, so the UI never waits on the GIL.

        This thread only waits for the process, posting progress by messages; imports and
        number crunching (scipy, regexes over big texts) would otherwise stall keys for
        a hundred milliseconds at a time.
        """
        worker = get_current_worker()
        try:
            self.post_message(self.Progress(1, "reading and analysing the articles"))
            with ProcessPoolExecutor(max_workers=1, mp_context=self.loader) as pool:
                future = pool.submit(load_and_analyse, self.paths, self.stdin, algorithm, story, story_id, choose)
                while not future.done():
                    if worker.is_cancelled:
                        future.cancel()
                        return
                    time.sleep(0.02)
                result = future.result()
            self.post_message(self.Progress(2, "showing"))
            if isinstance(result, Mixed):
                self.post_message(self.Grouped(result))
            else:
                self.post_message(self.Loaded(result, [p.warning() for p in result.story.problems], rerank))
        except StorylineError as err:
            self.post_message(self.Failed(str(err)))
        except Exception as err:  # a bug of ours or a dead child process: say so, do not crash
            self.post_message(self.Failed(f"internal error: {type(err).__name__}: {err}"))

    @on(Progress)
    def show_progress(self, message: Progress) -> None:
        self.query_one("#progress", ProgressBar).update(progress=message.step)
        self.sub_title = f"{message.text}…"

    @on(Loaded)
    def show_story(self, message: Loaded) -> None:
        analysis = self.analysis = message.analysis
        self.algorithm = analysis.algorithm
        self.query_one("#progress", ProgressBar).update(progress=3)
        self.query_one("#progress").display = False
        self.title = analysis.title
        self.sub_title = (f"{count(len(analysis.sources), 'article')} · {count(len(analysis.claims), 'claim')} · "
                          f"{count(len(analysis.timeline.events), 'event')} · {analysis.span_label()}")
        events = analysis.timeline.events
        if events:
            first = min(e.span.start for e in events).strftime("%Y-%m")
            last = max(e.span.end for e in events).strftime("%Y-%m")
            self.query_one("#filter", Input).placeholder = f"Filter: words, {first}, or {first}..{last}"
        reranked = message.reranked
        if not reranked:
            self.key_dates = len(events) > KEY_DATES_OVER
        self.filter_timeline(self.query_one("#filter", Input).value)  # a re-ranking keeps the filter
        for warning in message.warnings:
            self.notify(warning, severity="warning", timeout=8)
        chat = self.query_one(ChatLog)
        chat.add_note(f"Loaded {self.sub_title} (ranking: {analysis.algorithm}).")
        if not reranked:
            chat.add_note(hints(analysis, self.key_dates))
        chat.add_answer(summary_answer(analysis, 3, "summary"))  # the story at a glance
        for question in self.pending:  # asked while loading: answered now, in order
            self.answer(question)
        self.pending.clear()
        self.shown.set()

    @on(Grouped)
    def choose_story(self, message: Grouped) -> None:
        """A mixed input: list its stories, and analyse the one the reader picks."""
        self.mixed = message.mixed
        mixed = message.mixed
        self.sub_title = f"{count(len(mixed.groups), 'story')} in {count(len(mixed.story.articles), 'article')}"
        self.push_screen(StoryListScreen(message.mixed.groups), self.open_story)

    def open_story(self, story_id: int | None) -> None:
        """Analyse one story of the mixed input (None: all of it, as one story)."""
        if self.mixed is None:
            return
        self.query_one("#progress").display = True
        self.query_one(ChatLog).add_note("Reading the whole input as one story." if story_id is None else
                                         f"Opening story {story_id}: {self.mixed.groups[story_id - 1].title}")
        self.analysis = None
        self.shown.clear()
        self.load(self.algorithm, story=self.mixed.story, story_id=story_id)

    @on(Failed)
    def show_failure(self, message: Failed) -> None:
        self.query_one("#progress").display = False
        self.sub_title = "nothing to show"
        self.query_one(ChatLog).add_note(message.error, error=True)
        self.notify(message.error, severity="error", timeout=10)

    # --- chat -----------------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    def submit(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.clear()
        if not text:
            return
        chat = self.query_one(ChatLog)
        chat.add_question(text)
        self.query_one(PromptInput).remember(text)
        if text.startswith("/"):
            self.run_command(text)
        elif self.analysis is None:
            self.pending.append(text)
            chat.add_note("Still reading the story: this will be answered as soon as it is ready.")
        else:
            self.answer(text)

    @work(thread=True, group="ask")
    def answer(self, question: str) -> None:
        if self.analysis is not None:
            self.post_message(self.Answered(question, ask(self.analysis, question)))

    @on(Answered)
    def show_answer(self, message: Answered) -> None:
        self.query_one(ChatLog).add_answer(message.answer)

    def run_command(self, line: str) -> None:
        """The slash commands of the chat."""
        name, *args = line[1:].split()
        chat = self.query_one(ChatLog)
        if name in ("help", "h", "?"):
            chat.add_note(HELP)
        elif name == "clear":
            chat.clear_messages()
        elif name == "stories" and self.mixed is not None:
            self.push_screen(StoryListScreen(self.mixed.groups), self.open_story)
        elif self.analysis is None:
            chat.add_note("Still reading the story; try again in a moment.")
        elif name == "summary":
            chat.add_answer(summary_answer(self.analysis, int(args[0]) if args and args[0].isdigit() else 5))
        elif name == "timeline":
            self.timeline_range(args)
        elif name == "sources":
            for a in self.analysis.sources:
                chat.add_note(f"[{a.id}] {source_line(a)}")
        elif name == "open" and args and args[0].isdigit():
            self.open_citation(int(args[0]))
        elif name == "export" and args and args[0] in ("md", "json", "html"):
            self.action_export(args[0], args[1] if len(args) > 1 else None)
        elif name == "algorithm" and args:
            self.switch_algorithm(args[0])
        else:
            chat.add_note(f"Unknown command {line!r}. {HELP.splitlines()[1]}", error=True)

    # --- timeline ----------------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        # Rebuilding a tree of thousands of events takes a quarter second: wait for a pause in typing.
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self.apply_filter_box)

    def apply_filter_box(self) -> None:
        """Show what the filter box holds now: a timer that fires late must not bring back an older query."""
        if self.analysis is not None and self.screen.query("#filter"):
            query = self.query_one("#filter", Input).value
            if query != self._filtered:
                self.filter_timeline(query)

    def on_unmount(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()

    def filter_timeline(self, query: str) -> int:
        """Show events matching words, a date prefix ("2016-03") or a range ("2015-05..2016-03");
        with no query, the key dates or every event. The count line says how many are shown."""
        if self.analysis is None:
            return 0
        self._filtered = query
        events = self.analysis.timeline.events
        if query.strip():
            shown = filter_events(events, query)
        elif self.key_dates:
            shown = select(self.analysis.timeline, KEY_DATES, KEY_PER_DATE)
        else:
            shown = list(events)
        number = self.query_one(TimelineTree).show(shown)
        what = "key dates: " if self.key_dates and not query.strip() else ""
        more = " · a: all" if what else (" · a: key dates" if len(events) > KEY_DATES_OVER and not query else "")
        note = f"{what}{number} of {count(len(events), 'event')}{more}" if number else "no events match"
        self.query_one("#count", Static).update(Text(note, style="dim"))
        return number

    def timeline_range(self, args: list[str]) -> None:
        """/timeline [from] [to]: set the filter to a date range, or say what is wrong with it."""
        chat = self.query_one(ChatLog)
        if len(args) > 2 or not all(DATE_PREFIX.fullmatch(a) for a in args):
            chat.add_note("Give /timeline a date or two, as YYYY, YYYY-MM or YYYY-MM-DD: /timeline 2015-05 2016-03",
                          error=True)
            return
        if len(args) == 2 and args[0][:len(args[1])] > args[1]:
            chat.add_note(f"The range starts after it ends ({args[0]} > {args[1]}): give the earlier date first.",
                          error=True)
            return
        query = f"{args[0]}..{args[1]}" if len(args) == 2 else (args[0] if args else "")
        self.query_one("#filter", Input).value = query  # the range shows in the filter box
        shown = self.filter_timeline(query)
        chat.add_note(f"Timeline: {count(shown, 'event')} in {' – '.join(args)}." if args and shown else
                      f"No events match {' – '.join(args)}." if args else "Timeline: everything.",
                      error=bool(args) and not shown)

    def action_toggle_key_dates(self) -> None:
        """a: all events, or back to the key dates."""
        self.key_dates = not self.key_dates
        self.query_one("#filter", Input).value = ""
        self.filter_timeline("")

    def jump_to(self, value: str) -> None:
        """Move to a date; if the filter or the key dates hide it, show everything first (and say so)."""
        tree = self.query_one(TimelineTree)
        if tree.jump_to(value):
            return
        if self.analysis and any(e.span.value.startswith(value) for e in self.analysis.timeline.events):
            self.key_dates = False
            self.query_one("#filter", Input).value = ""
            self.filter_timeline("")
            self.notify("The filter hid that date: showing every event.")
            self.call_after_refresh(tree.jump_to, value)  # once the rebuilt tree has its lines
        else:
            self.notify(f"No event dated {value}", severity="warning")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.query_one(TimelineTree).focus()

    @on(Tree.NodeHighlighted, "#timeline")
    def show_detail(self, message: Tree.NodeHighlighted[Event]) -> None:
        self.query_one(EventDetail).show(message.node.data, self.analysis)

    # --- citations, copying, exporting --------------------------------------------------------------

    @on(OpenCitation)
    def follow_citation(self, message: OpenCitation) -> None:
        self.open_citation(message.article, message.claim)

    def open_citation(self, article_id: int, claim_id: int | None = None) -> None:
        if self.analysis is None or not 1 <= article_id <= len(self.analysis.sources):
            self.notify(f"No source [{article_id}]", severity="error")
            return
        sentence = None
        if claim_id is not None:
            sentence = self.analysis.sentence_in(self.analysis.claim(claim_id), article_id)
        self.push_screen(SourceScreen(self.analysis.article(article_id), sentence))

    @on(CopyText)
    def copy(self, message: CopyText) -> None:
        self.copy_to_clipboard(message.text)
        self.notify("Copied to the clipboard", timeout=2)

    def action_export(self, fmt: str, path: str | None = None) -> None:
        """Write the events the timeline shows (the filter applies) as Markdown, JSON or a web page;
        ask before overwriting a file, and never write onto an input."""
        from storyline.timeline.output import html, render

        if self.analysis is None:
            self.notify("Nothing loaded yet", severity="warning")
            return
        try:
            target = check_target(path or f"storyline-timeline.{fmt}", self.paths)
        except StorylineError as err:
            self.notify(str(err), severity="error")
            return
        analysis, events = self.analysis, self.query_one(TimelineTree).events
        body = (render.markdown(analysis, events) if fmt == "md" else html.page(analysis, events) if fmt == "html"
                else render.dumps(render.json_document(analysis, events)) + "\n")
        everything = len(events) == len(analysis.timeline.events)

        def write(confirmed: bool | None) -> None:
            chat = self.query_one(ChatLog)
            if not confirmed:
                chat.add_note(f"Export cancelled: {shown_path(str(target))} left as it was.")
                return
            try:
                write_atomic(target, body)
            except StorylineError as err:
                self.notify(str(err), severity="error")
                return
            shown = shown_path(str(target))
            self.notify(f"Wrote {shown}")
            chat.add_note(f"Exported {'the timeline' if everything else f'the {len(events)} events shown'} "
                          f"to {shown}.")

        if target.exists():
            self.push_screen(ConfirmScreen(f"{shown_path(str(target))} exists. Overwrite it?"), write)
        else:
            write(True)

    def switch_algorithm(self, name: str) -> None:
        if name not in RANKERS:
            self.query_one(ChatLog).add_note(f"Unknown algorithm {name!r}; choose from {', '.join(RANKERS)}.",
                                             error=True)
            return
        self.query_one(ChatLog).add_note(f"Re-ranking with {name}…")
        self.query_one("#progress").display = True
        self.load(name, story=self.analysis.story if self.analysis else None, rerank=self.analysis is not None)

    # --- command palette ---------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Export timeline as Markdown", "Write storyline-timeline.md",
                            lambda: self.action_export("md"))
        yield SystemCommand("Export timeline as JSON", "Write storyline-timeline.json",
                            lambda: self.action_export("json"))
        for name in RANKERS:
            active = " (active)" if name == self.algorithm else ""
            yield SystemCommand(f"Rank with {name}{active}", f"Re-rank claims with {name}",
                                lambda name=name: self.switch_algorithm(name), discover=False)
        if self.analysis is None:
            return
        for article in self.analysis.sources:  # the palette reads titles as markup: escape what articles say
            yield SystemCommand(literal(f"Open source [{article.id}] {article.title}"), literal(article.origin),
                                lambda i=article.id: self.open_citation(i), discover=False)
        for value in self.analysis.timeline.dates():
            span = next(e.span for e in self.analysis.timeline.events if e.span.value == value)
            yield SystemCommand(f"Jump to {label(span)} ({value})", "Show this date in the timeline",
                                lambda v=value: self.jump_to(v), discover=False)
