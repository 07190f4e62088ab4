"""Messages that travel up to the app: a citation to follow, text to copy; and how a key follows one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message
from textual.widget import Widget

from storyline.tui.words import count


@dataclass
class OpenCitation(Message):
    """Show article `article` with the sentence of claim `claim` highlighted."""

    article: int
    claim: int | None = None


def follow(widget: Widget, sources: Sequence[int], index: int, claim: int | None, what: str) -> None:
    """Open the `index`-th of `sources` (keys 1–9), or say how many there are."""
    if index < len(sources):
        widget.post_message(OpenCitation(sources[index], claim))
    else:
        widget.notify(f"This {what} has {count(len(sources), 'source')}: press 1–{len(sources)}.", severity="warning")


@dataclass
class CopyText(Message):
    """Put `text` on the clipboard."""

    text: str
