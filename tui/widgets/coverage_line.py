"""The coverage under the count line: articles per day as Unicode bars, the days the filter
shows marked, so a reader sees where the events shown sit in the coverage's gaps and peaks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widgets import Static

from storyline.summarize.model import Article
from storyline.timeline.output.sparkline import Coverage, coverage


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
        self._made: tuple[Sequence[Article], int, Coverage | None] = ((), 0, None)  # for which articles, width
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

    def counted(self) -> Coverage | None:
        """The articles per bar, counted again only for other articles or another width (every
        filter marks the bars again: counting 700 articles' days each time took 15 ms of the UI's)."""
        width = max(self.content_region.width, 1)
        if self._made[0] is not self.articles or self._made[1] != width:
            self._made = (self.articles, width, coverage(self.articles, width))
        return self._made[2]

    def draw(self) -> None:
        found = self.counted()
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
        self.update(text, layout=False)  # one line, as wide as the pane
