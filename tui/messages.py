"""Messages that travel up to the app: a citation to follow, text to copy."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenCitation(Message):
    """Show article `article` with the sentence of claim `claim` highlighted."""

    article: int
    claim: int | None = None


@dataclass
class CopyText(Message):
    """Put `text` on the clipboard."""

    text: str
