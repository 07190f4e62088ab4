"""Where a story's coverage is: its span without outlier dates, a date range filter, the days it shows."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from storyline.timeline.events.build import Event, filter_events
from storyline.timeline.output.sparkline import inner_span

_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def coverage_span(events: Sequence[Event]) -> tuple[date, date] | None:
    """First and last day of the main events, each weighted by its sources, without the 1% of
    citations furthest out on either side: one sentence naming 1100 must not stretch a 2011–2012
    story over nine centuries. A story of under a hundred citations keeps its full span."""
    main = [e for e in events if e.role == "main"] or list(events)
    if not main:
        return None
    starts = sorted(d for e in main for d in [e.span.start] * len(e.sources))
    ends = sorted(d for e in main for d in [e.span.end] * len(e.sources))
    if not starts:
        return min(e.span.start for e in main), max(e.span.end for e in main)
    return inner_span(starts, ends)


def span_label(span: tuple[date, date] | None) -> str:
    return f"{span[0]:%b %Y} – {span[1]:%b %Y}" if span else "no dates"


def prefix_days(prefix: str) -> tuple[date, date] | None:
    """The first and last day a date prefix names: "2015" -> 1 Jan–31 Dec 2015; None if it is none."""
    match = _PREFIX.fullmatch(prefix.strip())
    if match is None:
        return None
    year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
    try:
        if day:
            return date(year, month, day), date(year, month, day)
        if month:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def filter_shown(events: Sequence[Event], query: str, lowered: Sequence[str] | None = None) -> list[Event]:
    """The filter box: a range ("2015-10..2015-12", either end open) keeps every event whose span
    overlaps it, so a quarter or a stretch of days reaching into it is kept; else as filter_events
    (`lowered`: the events' texts lowered once, not at every keystroke)."""
    if ".." not in query:
        return filter_events(events, query, lowered)
    days = range_days(query)
    if days is None:
        return []
    start, end = days
    return [e for e in events if e.span.start <= end and e.span.end >= start]


def range_days(query: str) -> tuple[date, date] | None:
    """The days of a range query ("2015-10..2015-12"; an end left out is open), None if an end is no date."""
    low_text, high_text = (part.strip() for part in query.split("..", 1))
    low, high = prefix_days(low_text) if low_text else None, prefix_days(high_text) if high_text else None
    if (low_text and low is None) or (high_text and high is None):
        return None
    return low[0] if low else date.min, high[1] if high else date.max


def shown_days(query: str, shown: Sequence[Event]) -> list[tuple[date, date]]:
    """The days a filter shows, for the coverage line: a date or range query's own days, else
    the days of the events shown (those dated to a month or finer: a year would light up all)."""
    if ".." in query:  # a range no filter can read shows nothing, and so marks no day apart
        return [days] if (days := range_days(query)) else []
    if days := prefix_days(query):
        return [days]
    return list({(e.span.start, e.span.end) for e in shown if (e.span.end - e.span.start).days <= 31})
