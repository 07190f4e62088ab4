"""A story's coverage as one line of Unicode bars: articles published per day, or per several days
when they spread wider than the line. The app, `storyline stories` and the Markdown header show it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storyline.summarize.model import Article

BARS = "▁▂▃▄▅▆▇█"  # a day with no article is a space: gaps show as gaps
LOW, HIGH = 0.01, 0.99  # the shares of days left out on each side: one stray date must not flatten the rest


@dataclass(frozen=True)
class Coverage:
    """Articles per bar from `first` on, each bar `days` days wide."""

    first: date
    last: date
    days: int
    counts: tuple[int, ...]

    def bar(self, day: date) -> int:
        """The bar a day falls in (it may lie outside the line: below 0 or past the end)."""
        return (day - self.first).days // self.days

    def text(self) -> str:
        """The bars, one character each, a space for none."""
        top = max(self.counts, default=0) or 1
        return "".join(BARS[min(7, math.ceil(8 * c / top) - 1)] if c else " " for c in self.counts)

    def caption(self) -> str:
        per = "a day" if self.days == 1 else f"per {self.days} days"
        return f"{self.first:%-d %b %Y} – {self.last:%-d %b %Y}, articles {per}"


def coverage(articles: Sequence[Article], width: int = 60) -> Coverage | None:
    """The coverage of `articles` in at most `width` bars, between the 1st and 99th percentile of
    their publication days (estimated ones included); None when fewer than two days are known."""
    days = sorted(d for d in (a.published_date for a in articles) if d is not None)
    if len(days) < 2 or width < 1:
        return None
    first, final = inner_span(days, days)
    per = max(1, math.ceil(((final - first).days + 1) / width))
    counts = Counter((d - first).days // per for d in days if first <= d <= final)
    return Coverage(first, final, per, tuple(counts.get(i, 0) for i in range((final - first).days // per + 1)))


def inner_span(starts: Sequence[date], ends: Sequence[date]) -> tuple[date, date]:
    """Where coverage is, from sorted first and last days (one of each per article or citation):
    without the LOW and HIGH shares furthest out, so one stray date does not stretch the span."""
    last = len(starts) - 1
    return starts[int(LOW * last)], ends[math.ceil(HIGH * last)]


def dated_note(articles: Sequence[Article]) -> str:
    """What a coverage chart counts beyond the known dates: "1 estimated date counted, 2 undated not shown"."""
    estimated = sum(1 for a in articles if a.published_date and a.published_estimated)
    undated = sum(1 for a in articles if not a.published_date)
    return ", ".join(part for part in (f"{estimated} estimated date{'s' * (estimated != 1)} counted" if estimated else "",
                                       f"{undated} undated not shown" if undated else "") if part)


def sparkline(articles: Sequence[Article], width: int = 60) -> str:
    """`▁▃█ ▂ 2 May 2015 – 30 Mar 2016, articles per 6 days`, or "" when there is nothing to draw."""
    found = coverage(articles, width)
    return f"{found.text()} {found.caption()}" if found else ""
