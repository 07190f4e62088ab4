"""The highlighted event in full, under the tree (as lazygit previews): sources, text, how it was dated."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from storyline.timeline.output.cite import also_reported, marks, noted, source_line
from storyline.timeline.analysis import Analysis
from storyline.timeline.events.build import Event
from storyline.timeline.output.render import label

from storyline.tui.words import count, few_marks


def how_dated(event: Event, analysis: Analysis) -> str:
    """How the event's date was found, in words."""
    if event.fallback:
        why = "the sentence names no date: its article's publication day stands in"
    else:
        why = f"dated by \u201c{event.expression}\u201d in the text"
    if not event.certain:
        undated = [i for i in event.sources if analysis.article(i).published_estimated]
        why += (f"; uncertain: {marks(undated)} has no date of its own, so it was estimated from the other "
                "articles" if undated else "; uncertain")
    return why


def describe(event: Event, analysis: Analysis) -> Text:
    """The detail pane's text for one event (a Text: what articles say is never read as markup).
    Its date, citations and first source come first: at 80×24 the pane has room for six lines."""
    text = Text()
    first, *others = event.sources
    text.append(label(event.span), style="bold green")
    text.append(f" {few_marks(event.sources)}\n", style="bold cyan")
    text.append(f"[{first}] ", style="bold cyan")
    text.append(f"{source_line(analysis.article(first))}\n", style="dim")
    text.append(noted(event.text, event.variants))
    text.append(f"{also_reported(event.also_sources)}\n", style="dim")
    if event.role != "main":
        text.append(f"A {event.role} clause of: ", style="dim")
        text.append(f"{analysis.claim(event.claim).text}\n", style="dim italic")
    how = how_dated(event, analysis)
    text.append(f"{how[:1].upper()}{how[1:]}.\n", style="dim")
    text.append(f"{count(len(event.sources), 'source')} (1–9 opens one): {marks(event.sources)}\n", style="dim")
    for i in others:
        text.append(f"[{i}] ", style="bold cyan")
        text.append(f"{source_line(analysis.article(i))}\n")
    if event.also_sources:
        text.append("Also reported, in other words, by:\n", style="dim")
        for i in event.also_sources:
            text.append(f"[{i}] {source_line(analysis.article(i))}\n", style="dim")
    return text


class EventDetail(VerticalScroll, can_focus=True):
    """Shows the event the tree's cursor is on; Tab reaches it, and ↑/↓ and Page keys scroll it."""

    BINDINGS = [
        Binding("up", "scroll_lines(-1)", "Scroll", show=False),
        Binding("down", "scroll_lines(1)", "Scroll", show=False),
        Binding("pageup", "scroll_lines(-5)", show=False),
        Binding("pagedown", "scroll_lines(5)", show=False),
    ]
    EMPTY = Text("Move through the timeline to see an event in full here.", style="dim")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = self.EMPTY

    def compose(self) -> ComposeResult:
        yield Static(self.text, id="detail-text")

    def show(self, event: Event | None, analysis: Analysis | None) -> None:
        self.text = describe(event, analysis) if event and analysis else self.EMPTY
        self.query_one("#detail-text", Static).update(self.text)
        self.scroll_home(animate=False)

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_relative(y=lines, animate=False)
