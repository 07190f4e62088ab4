"""The timeline as a tree: years → months → dates → events, each event with its citations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import NodeID, TreeNode

from storyline.summarize.cite import marks
from storyline.timeline.build import Event
from storyline.timeline.render import calendar_place, label

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
        self.date_nodes: dict[str, NodeID] = {}
        self.events: list[Event] = []  # what the tree shows, in time order

    def show(self, events: Iterable[Event]) -> int:
        """Rebuild the tree from `events` (already in time order); returns how many are shown.

        Events are grouped as the Markdown timeline groups them (`render.calendar_place`): a
        year, a section (a month, a quarter …), then the date; a level that would repeat the
        one above ("May 2015" under "May 2015", "1994" under "1994") is left out.
        """
        self.clear()
        self.date_nodes = {}
        self.events = list(events)
        nodes: dict[tuple[str, ...], TreeNode[Event]] = {}

        def node(path: tuple[str, ...], parent: TreeNode[Event], style: str) -> TreeNode[Event]:
            if path not in nodes:
                nodes[path] = parent.add(Text(path[-1], style=style), expand=True)
            return nodes[path]

        count = 0
        for event in self.events:
            year, section = calendar_place(event.span)
            parent = node((year,), self.root, "bold")
            if section:
                parent = node((year, section), parent, "")
            when = label(replace(event.span, certain=True))
            if when not in (year, section):
                parent = node((year, section or "", when), parent, "bold green")
            self.date_nodes.setdefault(event.span.value, parent.id)
            parent.add_leaf(event_label(event), data=event)
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
