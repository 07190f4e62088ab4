"""Messages that travel up to the app: a citation to follow, text to copy; and how a key follows one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget

from storyline.tui.words import count

if TYPE_CHECKING:
    from storyline.timeline.analysis import Analysis


@dataclass
class OpenCitation(Message):
    """Show article `article` with the sentence of claim `claim` highlighted, from `analysis` (the
    story an answer was asked of; None: the story on screen)."""

    article: int
    claim: int | None = None
    analysis: Analysis | None = None


def follow(widget: Widget, sources: Sequence[int], index: int, claim: int | None, what: str,
           analysis: Analysis | None = None) -> None:
    """Open the `index`-th of `sources` (keys 1–9), or say how many there are."""
    if index < len(sources):
        widget.post_message(OpenCitation(sources[index], claim, analysis))
    else:
        widget.notify(f"This {what} has {count(len(sources), 'source')}: press 1–{len(sources)}.", severity="warning")


@dataclass
class CopyText(Message):
    """Put `text` on the clipboard."""

    text: str
