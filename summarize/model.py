"""The data Storyline passes around: articles, sentences and claims (frozen, typed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def day_of(published: str | None) -> date | None:
    """The day of an ISO 8601 publication stamp ("2016-03-29T19:48" -> 2016-03-29), None if undated."""
    return date.fromisoformat(published[:10]) if published else None


@dataclass(frozen=True)
class RawDocument:
    """One input before cleaning: decoded text plus any metadata its container gave."""

    origin: str  # a path, "path:LINE" for JSON Lines, or "<stdin>"
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # as the container wrote it; parsed during cleaning
    url: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article. `id` is 1-based and stable: it is the citation everywhere."""

    id: int
    origin: str
    title: str
    outlet: str | None
    published: str | None  # ISO 8601: "2016-03-29" or "2016-03-29T19:48"
    text: str  # cleaned text, paragraphs separated by a blank line
    published_estimated: bool = False
    url: str | None = None

    @property
    def published_date(self) -> date | None:
        """The publication day, or None for an undated article."""
        return day_of(self.published)


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article, with its character span in the article's cleaned text."""

    article: int
    index: int
    text: str
    start: int
    end: int

    @property
    def in_lead(self) -> bool:
        """Whether the sentence is in its article's lead (news tells its event first)."""
        return self.index < LEAD_SENTENCES


LEAD_SENTENCES = 2  # an article's lead: the sentences that carry its event


@dataclass(frozen=True)
class Variant:
    """One figure a claim is reported with, and the articles that report it so."""

    text: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Claim:
    """Near-duplicate sentences told once: their best text, every member, every source."""

    id: int
    text: str
    members: tuple[Sentence, ...]
    score: float = 0.0
    sources: tuple[int, ...] = field(default=())
    # Reports that agree but for a number ("killing 60" / "killing 65"): each wording and its
    # sources; `text` then shows the span of figures and who gives which.
    variants: tuple[Variant, ...] = ()

    def __post_init__(self) -> None:
        if not self.sources:
            object.__setattr__(self, "sources", tuple(sorted({m.article for m in self.members})))

    @property
    def first(self) -> Sentence:
        """The member that appears first in the story (lowest article, then index)."""
        return min(self.members, key=lambda s: (s.article, s.index))
