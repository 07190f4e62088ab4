"""A source article, cleaned, with the cited sentence highlighted and scrolled into view."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from storyline.timeline.output.cite import source_line
from storyline.summarize.model import Article, Sentence

from storyline.tui.messages import CopyText

HIGHLIGHT = "black on yellow"
FOUND = "black on cyan"


class SourceScreen(Screen[None]):
    """Read one article; Escape goes back, c copies the cited sentence, / finds, n and N step."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("c", "copy_sentence", "Copy"),
        Binding("slash", "find", "Find", key_display="/"),
        Binding("n", "step(1)", "Next"),
        Binding("N", "step(-1)", "Previous", show=False),
    ]

    def __init__(self, article: Article, sentence: Sentence | None = None) -> None:
        super().__init__()
        self.article = article
        self.sentence = sentence
        self.paragraphs = article.text.split("\n\n")
        self.term = ""
        self.stops: list[int] = []  # paragraphs n and N step through: the cited one, then found ones
        self.at = -1

    def compose(self) -> ComposeResult:
        yield Static(Text(f"[{self.article.id}] {source_line(self.article)}"), id="source-meta")
        cited = self.cited_index
        with VerticalScroll(id="source-body"):
            for index in range(len(self.paragraphs)):
                yield Static(self._paragraph(index), classes="paragraph cited" if index == cited else "paragraph")
        yield Input(placeholder="Find in this article (Enter; Escape closes)", id="find")
        yield Footer()

    def _paragraph(self, index: int) -> Text:
        """A paragraph as shown: the cited sentence and any found word highlighted (never markup)."""
        offset = sum(len(p) + 2 for p in self.paragraphs[:index])
        text = Text(self.paragraphs[index])
        if self.sentence is not None and offset <= self.sentence.start < offset + len(self.paragraphs[index]):
            text.stylize(HIGHLIGHT, self.sentence.start - offset, self.sentence.end - offset)
            text.stylize("bold")
        if self.term:
            text.highlight_regex(re.compile(re.escape(self.term), re.I), FOUND)
        return text

    @property
    def cited_index(self) -> int | None:
        """The paragraph holding the cited sentence."""
        if self.sentence is None:
            return None
        offset = 0
        for index, paragraph in enumerate(self.paragraphs):
            if offset <= self.sentence.start < offset + len(paragraph):
                return index
            offset += len(paragraph) + 2
        return None

    def on_mount(self) -> None:
        self.query_one("#find").display = False
        body = self.query_one("#source-body", VerticalScroll)
        body.focus()
        cited = self.cited_index
        if cited is not None:
            self.stops, self.at = [cited], 0
            self.call_after_refresh(body.scroll_to_widget, self._widget(cited), animate=False, top=True)

    def _widget(self, index: int) -> Static:
        return list(self.query(".paragraph").results(Static))[index]

    @property
    def highlighted(self) -> str | None:
        """The highlighted sentence's text, as shown."""
        return self.sentence.text if self.sentence else None

    def action_copy_sentence(self) -> None:
        if self.sentence:
            self.post_message(CopyText(f"{self.sentence.text} [{self.article.id}]"))
        else:
            self.notify("No sentence is highlighted here: open the source from an event or an answer line "
                        "to copy its cited sentence.", severity="warning")

    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    def action_back(self) -> None:
        """Escape: close the find box, else go back to the timeline and chat."""
        find = self.query_one("#find", Input)
        if find.has_focus:
            find.display = False
            self.query_one("#source-body").focus()
        else:
            self.app.pop_screen()

    @on(Input.Submitted, "#find")
    def search(self, message: Input.Submitted) -> None:
        self.term = message.value.strip()
        for index, widget in enumerate(self.query(".paragraph").results(Static)):
            widget.update(self._paragraph(index))
        found = [i for i, p in enumerate(self.paragraphs) if self.term and self.term.lower() in p.lower()]
        cited = self.cited_index
        self.stops = sorted(set(found) | ({cited} if cited is not None else set()))
        self.at = -1
        self.query_one("#find").display = False  # Enter closes the box; n and N step through the finds
        self.query_one("#source-body").focus()
        if self.term and not found:
            self.notify(f"\u201c{self.term}\u201d is not in this article.", severity="warning")
        else:
            if self.term:
                matches = sum(p.lower().count(self.term.lower()) for p in self.paragraphs)
                self.notify(f"\u201c{self.term}\u201d: {matches} found in {len(found)} of {len(self.paragraphs)} "
                            "paragraphs (n / N step through them)", timeout=4)
            self.action_step(1)

    def action_step(self, direction: int) -> None:
        """n / N: the next or previous paragraph with the cited sentence or a found word."""
        if not self.stops:
            self.notify("Nothing to step through: / finds a word.", severity="warning")
            return
        self.at = (self.at + direction) % len(self.stops)
        self.query_one("#source-body", VerticalScroll).scroll_to_widget(self._widget(self.stops[self.at]),
                                                                        animate=False, top=True)
