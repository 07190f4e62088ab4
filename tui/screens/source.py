"""A source article, cleaned, with the cited sentence highlighted and scrolled into view."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from storyline.summarize.cite import source_line
from storyline.summarize.model import Article, Sentence

from ..messages import CopyText

HIGHLIGHT = "black on yellow"


class SourceScreen(Screen[None]):
    """Read one article; Escape goes back, c copies the cited sentence."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("c", "copy_sentence", "Copy sentence"),
    ]

    def __init__(self, article: Article, sentence: Sentence | None = None) -> None:
        super().__init__()
        self.article = article
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        yield Static(Text(f"[{self.article.id}] {source_line(self.article)}"), id="source-meta")
        with VerticalScroll(id="source-body"):
            offset = 0
            for paragraph in self.article.text.split("\n\n"):
                text = Text(paragraph)
                cited = self.sentence is not None and offset <= self.sentence.start < offset + len(paragraph)
                if self.sentence is not None and cited:
                    text.stylize(HIGHLIGHT, self.sentence.start - offset, self.sentence.end - offset)
                yield Static(text, classes="paragraph cited" if cited else "paragraph")
                offset += len(paragraph) + 2
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one("#source-body", VerticalScroll)
        body.focus()
        cited = self.query(".cited")
        if cited:
            self.call_after_refresh(body.scroll_to_widget, cited.first(), animate=False, top=True)

    @property
    def highlighted(self) -> str | None:
        """The highlighted sentence's text, as shown."""
        return self.sentence.text if self.sentence else None

    def action_copy_sentence(self) -> None:
        if self.sentence:
            self.post_message(CopyText(f"{self.sentence.text} [{self.article.id}]"))
