"""The timeline as a tree: years → months → dates → events, each event with its citations."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Tree

from storyline.summarize.cite import marks
from storyline.timeline.build import Event
from storyline.timeline.render import FINE, label

from ..messages import CopyText, OpenCitation

MAX_TEXT = 160


def event_label(event: Event) -> Text:
    """One event line: text, citation badges, outlet count, and a mark when uncertain."""
    text = Text()
    if not event.certain:
        text.append("? ", style="bold yellow")
    body = event.text if len(event.text) <= MAX_TEXT else event.text[:MAX_TEXT - 1] + "…"
    text.append(body)  # a Text, so markup in articles stays literal
    text.append(f" {marks(event.sources)}", style="bold cyan")
    if len(event.sources) > 1:
        text.append(f" {len(event.sources)} outlets", style="dim")
    return text


class TimelineTree(Tree[Event]):
    """Browse events by date; Enter opens the first citation, c copies the event."""

    BINDINGS = [
        Binding("c", "copy_event", "Copy event"),
        Binding("o", "open_source", "Open source"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Timeline", id=id)
        self.show_root = False
        self.guide_depth = 3
        self.date_nodes: dict[str, int] = {}

    def show(self, events: Iterable[Event]) -> int:
        """Rebuild the tree from `events` (already in time order); returns how many are shown."""
        self.clear()
        self.date_nodes = {}
        years: dict[int, object] = {}
        months: dict[tuple[int, int], object] = {}
        dates: dict[str, object] = {}
        count = 0
        for event in events:
            start = event.span.start
            year = years.get(start.year) or years.setdefault(
                start.year, self.root.add(Text(str(start.year), style="bold"), expand=True))
            parent = year
            if event.span.granularity in FINE:  # coarser spans (a quarter, a year) sit on the year
                month_key = (start.year, start.month)
                parent = months.get(month_key) or months.setdefault(
                    month_key, year.add(f"{calendar.month_name[start.month]} {start.year}", expand=True))  # type: ignore[attr-defined]
            day = dates.get(event.span.value)
            if day is None:
                # A month-level event sits on its month's node: "May 2015" under "May 2015" says nothing.
                day = parent if event.span.granularity == "month" else parent.add(  # type: ignore[attr-defined]
                    Text(label(replace(event.span, certain=True)), style="bold green"), expand=True)
                dates[event.span.value] = day
                self.date_nodes[event.span.value] = day.id  # type: ignore[attr-defined]
            day.add_leaf(event_label(event), data=event)  # type: ignore[attr-defined]
            count += 1
        return count

    def jump_to(self, value: str) -> bool:
        """Move the cursor to the date whose TIMEX3 value starts with `value`."""
        for date_value, node_id in self.date_nodes.items():
            if date_value.startswith(value):
                node = self.get_node_by_id(node_id)
                self.move_cursor(node)  # select_node would also fold it (auto_expand)
                self.scroll_to_node(node)
                self.focus()
                return True
        return False

    @property
    def event(self) -> Event | None:
        node = self.cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeSelected)
    def open_selected(self, message: Tree.NodeSelected[Event]) -> None:
        if message.node.data is not None:
            self.action_open_source()

    def action_open_source(self) -> None:
        if self.event:
            self.post_message(OpenCitation(self.event.sources[0], self.event.claim))

    def action_copy_event(self) -> None:
        if self.event:
            e = self.event
            self.post_message(CopyText(f"{e.span.iso()} {e.text} {marks(e.sources)}"))
