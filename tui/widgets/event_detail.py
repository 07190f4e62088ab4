"""The highlighted event in full, under the tree (as lazygit previews): text, how it was dated, sources."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from storyline.timeline.output.cite import also_reported, marks, noted, source_line
from storyline.timeline.analysis import Analysis
from storyline.timeline.events.build import Event
from storyline.timeline.output.render import label

from storyline.tui.words import count


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
    """The detail pane's text for one event (a Text: what articles say is never read as markup)."""
    text = Text()
    text.append(label(event.span), style="bold green")
    text.append(f" — {how_dated(event, analysis)}\n", style="dim")
    text.append(noted(event.text, event.variants))
    text.append(f" {marks(event.sources)}", style="bold cyan")
    text.append(f"{also_reported(event.also_sources)}\n", style="dim")
    if event.role != "main":
        text.append(f"A {event.role} clause of: ", style="dim")
        text.append(f"{analysis.claim(event.claim).text}\n", style="dim italic")
    text.append(f"{count(len(event.sources), 'source')} (1–9 opens one):\n", style="dim")
    for i in event.sources:
        text.append(f"[{i}] ", style="bold cyan")
        text.append(f"{source_line(analysis.article(i))}\n")
    if event.also_sources:
        text.append("Also reported, in other words, by:\n", style="dim")
        for i in event.also_sources:
            text.append(f"[{i}] {source_line(analysis.article(i))}\n", style="dim")
    return text


class EventDetail(Static):
    """Shows the event the tree's cursor is on."""

    def show(self, event: Event | None, analysis: Analysis | None) -> None:
        self.update(describe(event, analysis) if event and analysis else
                    Text("Move through the timeline to see an event in full here.", style="dim"))
