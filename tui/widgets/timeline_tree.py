"""The timeline as a tree: years → months → dates → events, each event with its citations."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from itertools import groupby

from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.widgets import Input, Tree
from textual.widgets.tree import NodeID, TreeNode

from storyline.timeline.output.cite import marks, noted
from storyline.timeline.events.build import Event
from storyline.timeline.output.render import calendar_place, label
from storyline.timeline.timex import TimeSpan

from storyline.tui.messages import CopyText, follow
from storyline.tui.words import few_marks, short_noted

MAX_TEXT = 160
LAZY_OVER = 1500  # events past which the tree is made as it unfolds, LINES at a time
LINES = 250  # in such a tree, the lines a rebuild or an unfold makes: groups open while theirs fit


class Group:
    """A year, section or date of the tree, made into a node only when its parent unfolds: 18,000
    event lines took seconds to build, and keys waited behind them. Mutable on purpose: `node` is
    filled in when the group is first shown."""

    __slots__ = ("label", "style", "items", "size", "node")

    def __init__(self, label: str, style: str = "") -> None:
        self.label, self.style = label, style
        self.items: list[Group | Event] = []  # subgroups and events, in time order
        self.size = 0  # events at any depth below
        self.node: TreeNode[Event] | None = None


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


@lru_cache(maxsize=1 << 16)
def _place(start: date, end: date, granularity: str, value: str) -> tuple[str, str | None, str | None]:
    """A date's year, section and own heading (None where it would repeat the one above)."""
    span = TimeSpan(start, end, granularity, value)
    year, section = calendar_place(span)
    when = label(span)
    return year, section, None if when in (year, section) else when


def _when(event: Event) -> tuple[str, date, date]:
    return event.span.value, event.span.start, event.span.end  # cheaper to compare than a TimeSpan


Calendar = tuple[Group, dict[str, list[Group]]]  # the root group, and each date's chain of groups


def calendar(events: Iterable[Event]) -> Calendar:
    """The events grouped as the Markdown timeline groups them (`render.calendar_place`): a year,
    a section (a month, a quarter …), then the date, leaving out a level that would repeat the one
    above ("May 2015" under "May 2015"). Also each date's chain of groups, year first."""
    root = Group("")
    groups: dict[tuple[str, ...], Group] = {}
    chains: dict[tuple[str, str | None, str | None], list[Group]] = {}
    dates: dict[str, list[Group]] = {}

    def group(path: tuple[str, ...], parent: Group, style: str) -> Group:
        if path not in groups:
            groups[path] = Group(path[-1], style)
            parent.items.append(groups[path])
        return groups[path]

    for _, same in groupby(events, key=_when):  # in time order, a date's events are together
        run = list(same)
        span = run[0].span
        place = _place(span.start, span.end, span.granularity, span.value)
        chain = chains.get(place)
        if chain is None:
            year, section, when = place
            chain = chains[place] = [group((year,), root, "bold")]
            if section:
                chain.append(group((year, section), chain[-1], ""))
            if when:
                chain.append(group((year, section or "", when), chain[-1], "bold green"))
        dates.setdefault(span.value, chain)
        chain[-1].items.extend(run)
        for above in chain:
            above.size += len(run)
    return root, dates


class TimelineTree(Tree[Event]):
    """Browse events by date; Enter opens the first citation, c copies the event."""

    BINDINGS = [
        Binding("c", "copy_event", "Copy"),
        Binding("o", "open_source(0)", "Open"),
        Binding("left", "fold", "Fold", show=False),
        Binding("right", "unfold", "Unfold", show=False),
        *[Binding(str(n), f"open_source({n - 1})", f"Source {n}", show=False) for n in range(1, 10)],
    ]

    _batch = False  # adding many nodes: invalidate the tree once, not once per node

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Timeline", id=id)
        self.show_root = False
        self.guide_depth = 3
        self.dates: dict[str, list[Group]] = {}  # each date's chain of groups, in time order
        self.events: list[Event] = []  # what the tree shows, in time order
        self.pending: dict[NodeID, Group] = {}  # folded nodes whose lines are made when they unfold
        self._lazy = False

    @property
    def date_nodes(self) -> dict[str, NodeID]:
        """The dates made into nodes so far (all of them, unless the tree is big), by TIMEX3 value."""
        return {value: chain[-1].node.id for value, chain in self.dates.items() if chain[-1].node is not None}

    def show(self, events: Iterable[Event], grouped: Calendar | None = None) -> int:
        """Rebuild the tree from `events` (already in time order; `grouped`: their calendar, if made
        already, in a thread); returns how many are shown. Past LAZY_OVER events only LINES lines
        are made, years first, then months and dates while they fit (`_fill`); a folded group's
        lines are made when it unfolds."""
        self.clear()
        self.events = list(events)
        self._lazy = len(self.events) > LAZY_OVER
        root, self.dates = grouped or calendar(self.events)
        root.node, self.pending = self.root, {}
        self._fill(root)
        return len(self.events)

    def process_label(self, label: str | Text) -> Text:
        """Tree's own cuts each label at its first line break, by Rich's Text.split: of the UI
        thread's time to make 250 lines, most. Ours are made by `event_label` and `_add_items`."""
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def get_label_width(self, node: TreeNode[Event]) -> int:
        """A line's width without rendering it (Tree's own renders every line of the tree to
        measure it: 250 lines at each rebuild), as Tree's docs invite: the label and its icon."""
        return node.label.cell_len + (len(self.ICON_NODE) if node.allow_expand else 0)  # type: ignore[union-attr]

    def _invalidate(self) -> None:
        if not self._batch:
            super()._invalidate()

    def _fill(self, group: Group) -> None:
        """Make `group`'s lines under its node, then open its subgroups breadth first (years, then
        months, then dates) while their lines fit in LINES; the others stay folded, their lines made
        when they unfold. A small tree opens whole."""
        self._batch = True
        budget = LINES if self._lazy else sys.maxsize
        try:
            queue = deque([group])
            while queue:
                here = queue.popleft()
                if here is not group:
                    if len(here.items) > budget:
                        continue  # folded: its lines are made when it unfolds
                    assert here.node is not None
                    del self.pending[here.node.id]
                    here.node._expanded = True  # as expand() does, less the NodeExpanded message: a
                    here.node._updates += 1  # rebuild opened ~50 groups, each message bubbling up 5 widgets
                budget -= len(here.items)
                queue.extend(self._add_items(here))
        finally:
            self._batch = False
            self._invalidate()
            self._tree_lines  # lined up now, not when idle: its new size then costs no second redraw

    def _add_items(self, group: Group) -> list[Group]:
        """Add `group`'s events and (folded) subgroups under its node; returns the subgroups."""
        assert group.node is not None
        subgroups = []
        for item in group.items:
            if isinstance(item, Event):
                group.node.add_leaf(event_label(item), data=item)
                continue
            text = Text(item.label, style=item.style)
            if self._lazy:  # how many events a folded group holds: where the coverage is
                text.append(f" · {item.size}", style="dim")
            item.node = group.node.add(text, expand=False, allow_expand=True)
            self.pending[item.node.id] = item
            subgroups.append(item)
        return subgroups

    def unfold(self, node: TreeNode[Event]) -> None:
        """Unfold a node, making its lines first if they were never made."""
        group = self.pending.pop(node.id, None)
        if group is not None:
            self._fill(group)
        node.expand()

    def _toggle_node(self, node: TreeNode[Event]) -> None:
        # Enter, a click and space unfold through here: the lines exist before the tree redraws
        if node.allow_expand and not node.is_expanded:
            self.unfold(node)
        else:
            super()._toggle_node(node)

    @on(Tree.NodeExpanded)
    def fill_unfolded(self, message: Tree.NodeExpanded[Event]) -> None:
        """A node unfolded some other way (expand_all): make its lines now."""
        group = self.pending.pop(message.node.id, None)
        if group is not None:
            self._fill(group)

    def jump_to(self, value: str) -> bool:
        """Move the cursor to the date whose TIMEX3 value starts with `value`, unfolding the way there."""
        chain = next((c for v, c in self.dates.items() if v.startswith(value)), None)
        if chain is None:
            return False
        folded = [g.node for g in chain if g.node is not None and not g.node.is_expanded]
        for group in chain:  # each group's node exists once the one above is unfolded
            assert group.node is not None
            if not group.node.is_expanded:
                self.unfold(group.node)
        node = chain[-1].node
        assert node is not None
        if folded:  # the unfolded lines exist after the next refresh
            self.call_after_refresh(self._move_to, node)
        else:
            self._move_to(node)
        self.focus()
        return True

    def _move_to(self, node: TreeNode[Event]) -> None:
        self.move_cursor(node)  # select_node would also fold it (auto_expand)
        self.scroll_to_node(node)

    def on_resize(self) -> None:
        """The detail pane grew over the highlighted line (it shows the event once highlighted, and
        the tree shrinks after): keep that line in view."""
        if self.cursor_node is not None:
            self.call_after_refresh(self.scroll_to_node, self.cursor_node, animate=False)

    @property
    def event(self) -> Event | None:
        node = self.cursor_node
        return node.data if node is not None else None

    async def _on_click(self, event: events.Click) -> None:
        """A click on an event selects it (the detail pane shows it); a click on the selected event,
        like Enter, opens its source. Dates and months fold and unfold at one click, as before."""
        line = event.style.meta.get("line")
        if isinstance(line, int) and line != self.cursor_line and not event.style.meta.get("toggle"):
            node = self.get_node_at_line(line)
            if node is not None and node.data is not None:
                event.prevent_default()  # Tree's own click would open it at once
                self.cursor_line = line

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
            self.unfold(node)
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
