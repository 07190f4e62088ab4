"""Timelines as Markdown, JSON (the shape other tools read) and plain text."""

from __future__ import annotations

import calendar
import json
from dataclasses import replace
from collections.abc import Sequence
from datetime import date

from storyline.summarize.cite import marks, source_line, source_record

from .build import Event, Timeline
from .timex import TimeSpan

SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
FINE = ("day", "week", "month", "range")  # granularities listed under a month heading; coarser under the year

def label(span: TimeSpan) -> str:
    """A date as a reader says it, at its own granularity: "Sun 27 Mar 2016", "May 2015", "Q4 2015"."""
    g, s = span.granularity, span.start
    if g == "day":
        text = f"{calendar.day_abbr[s.weekday()]} {s.day} {calendar.month_abbr[s.month]} {s.year}"
    elif g == "month":
        text = f"{calendar.month_name[s.month]} {s.year}"
    elif g == "year":
        text = str(s.year)
    elif g == "range":
        text = f"{_short(s)} – {_short(span.end)}"
    elif span.value.endswith("-WE"):
        text = f"weekend of {_short(s)}"
    elif g == "week":
        text = f"week of {_short(s)}"
    elif g == "quarter":
        text = f"Q{span.value[-1]} {s.year}"
    elif g == "half":
        text = f"{'first' if span.value.endswith('1') else 'second'} half of {s.year}"
    elif g == "season":
        text = f"{SEASON_NAMES[span.value[-2:]]} {s.year}"
    elif g == "decade":
        text = f"the {s.year}s"
    else:
        text = span.value
    return text if span.certain else f"{text} (uncertain)"


def _short(d: date) -> str:
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


def used_sources(timeline: Timeline, events: Sequence[Event]) -> list[int]:
    return sorted({i for e in events for i in e.sources})


def markdown(timeline: Timeline, events: Sequence[Event], title: str | None = None) -> str:
    """Headings by year and month, one line per event with its date and citations, then sources."""
    lines = [f"# {title or 'Timeline'}", ""]
    year = month = None
    for e in events:
        s = e.span.start
        if s.year != year:
            year, month = s.year, None
            lines += [*([""] if lines[-1] else []), f"## {year}", ""]
        if e.span.granularity in FINE and s.month != month:
            month = s.month
            lines += [*([""] if lines[-1] else []), f"### {calendar.month_name[month]} {year}", ""]
        elif e.span.granularity not in FINE + ("year",) and month != e.span.value:  # a quarter, a season
            month = e.span.value
            lines += [*([""] if lines[-1] else []), f"### {label(replace(e.span, certain=True))}", ""]
        when = label(e.span) + (" (reported)" if e.fallback else "")
        lines.append(f"- **{when}** — {e.text} {marks(e.sources)}")
    lines += ["", "## Sources", ""]
    lines += [f"{i}. {source_line(timeline.source(i))}" for i in used_sources(timeline, events)]
    return "\n".join(lines) + "\n"


def to_json(timeline: Timeline, events: Sequence[Event]) -> str:
    """`{"sources": [...], "events": [{"date", "end", "granularity", "text", "sources", "certain"}]}`."""
    return json.dumps({
        "sources": [source_record(a) for a in timeline.sources],
        "events": [{"date": e.span.iso(), "end": e.span.iso_end(), "granularity": e.span.granularity,
                    "value": e.span.value, "text": e.text, "sources": list(e.sources), "certain": e.certain,
                    "dated_by": "publication" if e.fallback else e.expression, "score": round(e.score, 4)}
                   for e in events],
    }, ensure_ascii=False, indent=2)


def text(timeline: Timeline, events: Sequence[Event]) -> str:
    """One event per line: date, text, citations."""
    return "".join(f"{e.span.value if e.span.granularity == 'range' else e.span.iso():<10} {e.text} "
                   f"{marks(e.sources)}\n" for e in events)
