"""The timeline as a tree: years → months → dates → events, each event with its citations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Input, Tree
from textual.widgets.tree import NodeID, TreeNode

from storyline.timeline.output.cite import marks, noted
from storyline.timeline.events.build import Event
from storyline.timeline.output.render import calendar_place, label

from storyline.tui.messages import CopyText, follow
from storyline.tui.words import few_marks, short_noted

MAX_TEXT = 160
LAZY_OVER = 1500  # events past which months and dates start folded, their lines made when unfolded


def event_label(event: Event) -> Text:
    """One event line: citations first, at most three and a count (a narrow pane cuts the end of a
    line, never them), a mark when the date is uncertain, then the text; the detail pane below
    shows it whole, with every source."""
    text = Text()
    text.append(few_marks(event.sources), style="bold cyan")
    text.append(" ? " if not event.certain else " ", style="bold yellow")
    whole = short_noted(event.text, event.variants)
    body = whole if len(whole) <= MAX_TEXT else whole[:MAX_TEXT - 1] + "…"
    if event.role == "main":
        text.append(body)  # a Text, so markup in articles stays literal
    else:  # a background or planned clause, quieter than the events of its date
        text.append(f"↳ {body}" + (" (planned)" if event.role == "planned" else ""), style="dim italic")
    return text


class TimelineTree(Tree[Event]):
    """Browse events by date; Enter opens the first citation, c copies the event."""

    BINDINGS = [
        Binding("c", "copy_event", "Copy"),
        Binding("o", "open_source(0)", "Open"),
        Binding("left", "fold", "Fold", show=False),
        Binding("right", "unfold", "Unfold", show=False),
        *[Binding(str(n), f"open_source({n - 1})", f"Source {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Timeline", id=id)
        self.show_root = False
        self.guide_depth = 3
        self.date_nodes: dict[str, NodeID] = {}
        self.events: list[Event] = []  # what the tree shows, in time order
        self.pending: dict[NodeID, list[Event]] = {}  # a folded node's events, added when it unfolds

    def show(self, events: Iterable[Event]) -> int:
        """Rebuild the tree from `events` (already in time order); returns how many are shown.

        Events are grouped as the Markdown timeline groups them (`render.calendar_place`): a
        year, a section (a month, a quarter …), then the date; a level that would repeat the
        one above ("May 2015" under "May 2015", "1994" under "1994") is left out. Past LAZY_OVER
        events the months and dates start folded and their event lines are made when unfolded:
        18,000 lines took seconds to build, and keys waited behind them.
        """
        self.clear()
        self.date_nodes, self.pending = {}, {}
        self.events = list(events)
        lazy = len(self.events) > LAZY_OVER
        nodes: dict[tuple[str, ...], TreeNode[Event]] = {}

        def node(path: tuple[str, ...], parent: TreeNode[Event], style: str) -> TreeNode[Event]:
            if path not in nodes:
                nodes[path] = parent.add(Text(path[-1], style=style), expand=not lazy or len(path) == 1,
                                         allow_expand=True)
            return nodes[path]

        places: dict[tuple[object, ...], TreeNode[Event]] = {}  # one calendar lookup per date, not per event
        for event in self.events:
            place = (event.span.start, event.span.end, event.span.granularity, event.span.value)
            parent = places.get(place)
            if parent is None:
                year, section = calendar_place(event.span)
                parent = node((year,), self.root, "bold")
                if section:
                    parent = node((year, section), parent, "")
                when = label(replace(event.span, certain=True))
                if when not in (year, section):
                    parent = node((year, section or "", when), parent, "bold green")
                places[place] = parent
                self.date_nodes.setdefault(event.span.value, parent.id)
            if lazy and not parent.is_expanded:
                self.pending.setdefault(parent.id, []).append(event)
            else:
                parent.add_leaf(event_label(event), data=event)
        return len(self.events)

    @on(Tree.NodeExpanded)
    def fill(self, message: Tree.NodeExpanded[Event]) -> None:
        """A folded node's event lines, made the first time it unfolds (before its date nodes)."""
        events = self.pending.pop(message.node.id, None)
        first = message.node.children[0] if message.node.children else None
        for event in events or ():
            if first is None:
                message.node.add_leaf(event_label(event), data=event)
            else:  # a year's own events ("in 2015") before its months, as their time order has them
                message.node.add(event_label(event), data=event, before=first, allow_expand=False)

    def jump_to(self, value: str) -> bool:
        """Move the cursor to the date whose TIMEX3 value starts with `value`."""
        for date_value, node_id in self.date_nodes.items():
            if date_value.startswith(value):
                node = self.get_node_by_id(node_id)
                folded = [n for n in (node, *self.above(node)) if not n.is_expanded and n is not self.root]
                for around in folded:  # a folded (lazy) tree: unfold the way there
                    around.expand()
                if folded:  # the unfolded lines exist after the next refresh
                    self.call_after_refresh(self._move_to, node)
                else:
                    self._move_to(node)
                self.focus()
                return True
        return False

    def _move_to(self, node: TreeNode[Event]) -> None:
        self.move_cursor(node)  # select_node would also fold it (auto_expand)
        self.scroll_to_node(node)

    @staticmethod
    def above(node: TreeNode[Event]) -> list[TreeNode[Event]]:
        found = []
        while node.parent is not None:
            node = node.parent
            found.append(node)
        return found

    @property
    def event(self) -> Event | None:
        node = self.cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeSelected)
    def open_selected(self, message: Tree.NodeSelected[Event]) -> None:
        if message.node.data is not None:
            self.action_open_source()

    def action_open_source(self, index: int = 0) -> None:
        """Open the event's `index`-th citation (Enter and o the first, 1–9 the others)."""
        if self.event is not None:
            follow(self, self.event.sources, index, self.event.claim, "event")

    def action_fold(self) -> None:
        """Left: fold the node, or go to its parent when it is folded or a leaf (as file trees do)."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_unfold(self) -> None:
        """Right: unfold the node, or step into its first child when it is open."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_copy_event(self) -> None:
        if self.event:
            e = self.event
            self.post_message(CopyText(f"{e.span.iso()} {noted(e.text, e.variants)} {marks(e.sources)}"))


class FilterInput(Input):
    """The timeline filter: Enter or Down goes into the tree, Escape clears the filter."""

    BINDINGS = [
        Binding("down", "app.focus('timeline')", "Tree", show=False),
        Binding("escape", "clear_filter", "Clear"),
    ]

    def action_clear_filter(self) -> None:
        self.value = ""
