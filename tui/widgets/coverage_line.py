"""The coverage under the count line: articles per day as Unicode bars, the days the filter
shows marked, so a reader sees where the events shown sit in the coverage's gaps and peaks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widgets import Static

from storyline.summarize.model import Article
from storyline.timeline.output.sparkline import coverage


class CoverageLine(Static):
    """One line of bars as wide as the pane; `mark` lights up the bars of some stretches of days."""

    COMPONENT_CLASSES = {"coverage--marked", "coverage--unmarked"}
    DEFAULT_CSS = """
    CoverageLine > .coverage--marked { color: $accent; text-style: bold; }
    CoverageLine > .coverage--unmarked { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: Sequence[Article] = ()
        self.spans: Sequence[tuple[date, date]] = ()
        self.bars = Text()  # what it shows now
        self.tooltip = "articles published per day (or per few days): the filter's days are lit"

    def show_story(self, articles: Sequence[Article]) -> None:
        self.articles, self.spans = articles, ()
        self.draw()

    def mark(self, spans: Sequence[tuple[date, date]]) -> None:
        """Light the bars of these stretches of days (none: every bar plain)."""
        self.spans = spans
        self.draw()

    def on_resize(self) -> None:
        self.draw()

    def draw(self) -> None:
        found = coverage(self.articles, max(self.content_region.width, 1))
        self.display = found is not None
        if found is None:
            return
        last, lit = len(found.counts) - 1, set[int]()
        for start, end in set(self.spans):  # 18,000 events shown fall on a few hundred stretches of days
            lit.update(range(max(found.bar(start), 0), min(found.bar(end), last) + 1))
        marked, plain = (self.get_component_rich_style(f"coverage--{k}") for k in ("marked", "unmarked"))
        text = Text()
        for i, bar in enumerate(found.text()):
            text.append(bar, style=marked if i in lit or not self.spans else plain)
        self.bars = text
        self.update(text)
