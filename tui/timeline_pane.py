"""The timeline pane: the filter box, the count and coverage lines, the tree and the detail pane,
and what the tree shows (the key dates, every event, or what a filter keeps).

What to show is worked out in a thread (`View`): filtering and grouping 18,000 events took the
UI thread a quarter second at each pause in typing, and keys waited behind it. Only the view
asked for last is shown, so a slow answer to an older query never replaces a newer one.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static, Tree
from textual.worker import get_current_worker

from storyline.timeline.analysis import Analysis
from storyline.timeline.events.build import Event

from storyline.tui.coverage import filter_shown, shown_days
from storyline.tui.widgets.coverage_line import CoverageLine
from storyline.tui.widgets.event_detail import EventDetail
from storyline.tui.widgets.timeline_tree import Calendar, FilterInput, TimelineTree, calendar
from storyline.tui.words import count

FILTER_DELAY = 0.2  # seconds of no typing before the timeline is filtered
WARM_PIECE = 500  # events whose calendar places are made at a time (about 1 ms) in the warming thread


@dataclass(frozen=True)
class View:
    """What the tree is to show for one query: its events, their calendar, the days to light."""

    ticket: int  # which request this answers: only the latest is shown
    query: str
    events: list[Event]
    calendar: Calendar
    days: list[tuple[date, date]]


class TimelinePane(Vertical):
    """The left pane; the app tells it the story (`show_story`) and asks it to filter or jump."""

    @dataclass
    class Prepared(Message):
        view: View

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis: Analysis | None = None
        self.key_dates = False  # the tree shows the key dates only (big stories open so)
        self.key_events: list[Event] = []  # the key dates' events, chosen by the loading process
        self.big = False  # past the size where a story opens on its key dates: `a` toggles
        self.filtered: str | None = None  # the query the tree shows
        self._ticket = 0  # the view asked for last
        self._timer: Timer | None = None
        self._lowered: tuple[Analysis | None, list[str]] = (None, [])  # each event's text, lower case

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="Filter: words, a date (YYYY-MM) or a range (from..to)", id="filter",
                          compact=True)
        yield Static(id="count")
        yield CoverageLine(id="coverage")
        yield TimelineTree(id="timeline")
        yield EventDetail(id="detail")

    def on_mount(self) -> None:
        self.query_one(CoverageLine).display = False

    def show_story(self, analysis: Analysis, key_events: Sequence[Event], span: tuple[date, date] | None,
                   key_dates: bool | None) -> None:
        """A story loaded: its filter hint (from `span`, where its coverage is) and coverage line,
        then the tree (`key_dates` None: as it was, after a re-ranking)."""
        self.analysis, self.key_events = analysis, list(key_events)
        if key_dates is not None:
            self.key_dates = self.big = key_dates
        if span:
            first, last = f"{span[0]:%Y-%m}", f"{span[1]:%Y-%m}"
            self.query_one("#filter", Input).placeholder = f"Filter: words, {first}, or {first}..{last}"
        self.query_one(CoverageLine).show_story(analysis.sources)
        self.filtered = None
        self.filter_timeline(self.query_one("#filter", Input).value)  # a re-ranking keeps the filter
        # once the story is drawn: the thread's 50 ms of Python (18,000 events) took half the GIL
        # from the first frame, which drew twice as slowly
        self.call_after_refresh(self._warm, analysis)

    # named: by default a worker is named by the repr of its arguments (18,000 events: 0.65 s)
    @work(thread=True, group="warm", description="warm")
    def _warm(self, analysis: Analysis) -> None:
        """In a thread, what the first `a` or word filter would otherwise wait for: each date's
        place in the calendar (cached), each event's text in lower case. A piece at a time, letting
        the UI thread have the GIL between pieces."""
        events = analysis.timeline.events
        for start in range(0, len(events), WARM_PIECE):
            calendar(events[start:start + WARM_PIECE])
            time.sleep(0)  # the UI thread's turn
        self.lowered(analysis)

    def clear(self) -> None:
        """Another story is loading: nothing of this one stays on screen."""
        self.analysis = None
        self._ticket += 1
        self.query_one(TimelineTree).show([])
        self.query_one(EventDetail).show(None, None)

    # --- what the tree shows --------------------------------------------------------------------

    def lowered(self, analysis: Analysis) -> list[str]:
        """Each event's text in lower case, made once a story (a word filter then only searches)."""
        made_for, texts = self._lowered
        if made_for is not analysis:
            texts = [e.text.lower() for e in analysis.timeline.events]
            self._lowered = (analysis, texts)
        return texts

    def _view(self, ticket: int, query: str, analysis: Analysis | None, key_dates: bool) -> View | None:
        """The view for `query` (no query: the key dates or every event); None if no story is loaded."""
        if analysis is None:
            return None
        events = analysis.timeline.events
        if query.strip():
            shown = filter_shown(events, query, self.lowered(analysis))
        elif key_dates:
            shown = self.key_events
        else:
            shown = list(events)
        days = shown_days(query, shown) if len(shown) < len(events) else []
        return View(ticket, query, shown, calendar(shown), days)

    def filter_timeline(self, query: str) -> int:
        """Show events matching words, a date prefix ("2016-03") or a range ("2015-05..2016-03", by
        overlap) now, on the UI thread; with no query, the key dates or every event. Returns how many."""
        self._ticket += 1
        view = self._view(self._ticket, query, self.analysis, self.key_dates)
        return self._apply(view) if view is not None else 0

    def request(self, query: str) -> None:
        """Show `query`'s events once a thread has worked them out (typing and `a` go this way)."""
        self._ticket += 1
        self.filtered = query  # asked for: a late timer must not ask again
        self._prepare(self._ticket, query, self.analysis, self.key_dates)

    @work(thread=True, exclusive=True, group="view", description="view")
    def _prepare(self, ticket: int, query: str, analysis: Analysis | None, key_dates: bool) -> None:
        view = self._view(ticket, query, analysis, key_dates)
        if view is not None and not get_current_worker().is_cancelled and ticket == self._ticket:
            self.post_message(self.Prepared(view))

    @on(Prepared)
    def show_prepared(self, message: Prepared) -> None:
        if message.view.ticket == self._ticket and self.analysis is not None:  # else an older request
            self._apply(message.view)

    def _apply(self, view: View) -> int:
        """Put a view on screen: the tree, the coverage marks, the count line; the detail emptied."""
        assert self.analysis is not None
        self.filtered, query, total = view.query, view.query.strip(), len(self.analysis.timeline.events)
        number = self.query_one(TimelineTree).show(view.events, view.calendar)
        self.query_one(CoverageLine).mark(view.days)
        self.query_one(EventDetail).show(None, self.analysis)  # the event it showed may be gone
        what = "key dates: " if self.key_dates and not query else ""
        more = " · a: all" if what else (" · a: key dates" if self.big and not query else "")
        note = f"{what}{number} of {count(total, 'event')}{more}" if number else "no events match"
        self.query_one("#count", Static).update(Text(note, style="dim"), layout=False)  # one line, always
        return number

    def toggle_key_dates(self) -> None:
        """a: every event, or back to the key dates."""
        self.key_dates = not self.key_dates
        self.set_filter("")
        self.request("")

    def set_filter(self, query: str) -> None:
        self.query_one("#filter", Input).value = query

    # --- the filter box ---------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        # Wait for a pause in typing: each view costs the UI thread the tree's new lines and a redraw.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(FILTER_DELAY, self.apply_filter_box)

    def apply_filter_box(self) -> None:
        """Show what the filter box holds now: a timer that fires late must not bring back an older query."""
        if self.analysis is None or not self.is_attached or not self.app.is_running:  # fired as the app closed
            return
        query = self.query_one("#filter", Input).value
        if query != self.filtered:
            self.request(query)

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.query_one(TimelineTree).focus()

    # --- moving about -----------------------------------------------------------------------------

    def jump_to(self, value: str) -> None:
        """Move to a date; if the filter or the key dates hide it, show everything first (and say so)."""
        tree = self.query_one(TimelineTree)
        if tree.jump_to(value):
            return
        if self.analysis and any(e.span.value.startswith(value) for e in self.analysis.timeline.events):
            self.key_dates = False
            self.set_filter("")
            self.filter_timeline("")
            self.app.notify("The filter hid that date: showing every event.")
            self.call_after_refresh(tree.jump_to, value)  # once the rebuilt tree has its lines
        else:
            self.app.notify(f"No event dated {value}", severity="warning")

    @on(Tree.NodeHighlighted, "#timeline")
    def show_detail(self, message: Tree.NodeHighlighted[Event]) -> None:
        self.query_one(EventDetail).show(message.node.data, self.analysis)
        tree = self.query_one(TimelineTree)  # the pane may have grown over the highlighted line: keep it in view
        tree.call_after_refresh(tree.scroll_to_node, message.node, animate=False)
