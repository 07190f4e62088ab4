"""The timeline as Knight Lab's TimelineJS3 JSON, the shape most newsroom timelines are published in.

A date object carries only the parts the event is known to (TimelineJS picks its display format
from the finest part present): a month is `{"year", "month"}`, a year `{"year"}`; a week, range,
quarter, season or decade is its first and last day or month as `start_date` and `end_date`,
with our label as `display_date`. TimelineJS puts `headline` and `text` into the page as HTML,
so every string from an article is escaped here and citations become links to the sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from html import escape

from storyline.summarize.model import Article
from storyline.timeline.analysis import Analysis
from storyline.timeline.events.build import Event
from storyline.timeline.output.cite import figures_note
from storyline.timeline.output.render import event_when, label
from storyline.timeline.timex import TimeSpan

HEADLINE_CHARS = 90  # TimelineJS shows the headline large: a long sentence is cut at a word
GROUPS = {"main": "Events", "background": "Background", "planned": "Planned"}
_MONTHLY = frozenset({"quarter", "half", "season"})
_YEARLY = frozenset({"decade", "century"})


def document(analysis: Analysis, events: Sequence[Event]) -> dict[str, object]:
    """`{"title": slide, "events": [slide, ...]}` as TimelineJS3 reads it."""
    title = {"text": {"headline": escape(analysis.title),
                      "text": f"<p>{escape(analysis.span_label())} · {len(events)} events from "
                              f"{len(analysis.sources)} articles</p>"}}
    return {"title": title, "events": [slide(analysis, e, n) for n, e in enumerate(events, 1)]}


def dumps(doc: dict[str, object]) -> str:
    """The document with one event per line: readable and diffable, and written at the JSON
    encoder's C speed (an indented dump of 10,000 events takes seconds)."""
    events = doc.get("events")
    head = json.dumps({k: v for k, v in doc.items() if k != "events"}, ensure_ascii=False)
    if not isinstance(events, list) or not events:
        return json.dumps(doc, ensure_ascii=False) + "\n"
    lines = ",\n".join(f"  {json.dumps(e, ensure_ascii=False)}" for e in events)
    return f'{head[:-1]}, "events": [\n{lines}\n]}}\n'


def dates(span: TimeSpan) -> dict[str, dict[str, object]]:
    """`start_date` (and `end_date`, and `display_date` when our label says it better) of a span."""
    g = span.granularity
    if g == "day":
        out = {"start_date": _day(span.start)}
    elif g == "month":
        out = {"start_date": {"year": span.start.year, "month": span.start.month}}
    elif g == "year":
        out = {"start_date": {"year": span.start.year}}
    elif g in _MONTHLY:
        out = {"start_date": {"year": span.start.year, "month": span.start.month},
               "end_date": {"year": span.end.year, "month": span.end.month}}
    elif g in _YEARLY:
        out = {"start_date": {"year": span.start.year}, "end_date": {"year": span.end.year}}
    else:  # a week or a range of days
        out = {"start_date": _day(span.start), "end_date": _day(span.end)}
    shown = label(span)
    if g not in ("day", "month", "year") or not span.certain:
        for part in out.values():
            part["display_date"] = shown
    return dict(out)


def _day(d: date) -> dict[str, object]:
    return {"year": d.year, "month": d.month, "day": d.day}


def headline(text: str) -> str:
    """The event's text, cut at a word before HEADLINE_CHARS."""
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0].rstrip(",;:—- ")
    return f"{cut}…"


def slide(analysis: Analysis, event: Event, number: int) -> dict[str, object]:
    """One event: its dates, headline, full text with its cited sources, group and id."""
    when = event_when(event)
    body = [f"<p>{escape(event.text)}</p>"]
    if event.variants:
        body.append(f"<p>Figures differ: {escape(figures_note(event.variants))}</p>")
    cites = ", ".join(_cite(analysis.article(i)) for i in sorted(set(event.sources)))
    body.append(f"<p>{escape(when)}. Sources: {cites}</p>")
    if event.also_sources:  # they tell the event in other words: listed, not cited for these
        also = ", ".join(_cite(analysis.article(i)) for i in event.also_sources)
        body.append(f"<p>Also reported by: {also}</p>")

    return dates(event.span) | {
        "text": {"headline": escape(headline(event.text)), "text": "".join(body)},
        "group": GROUPS.get(event.role, "Events"),
        "unique_id": f"event-{number}-{re.sub(r'[^0-9A-Za-z-]', '-', event.span.value)}",
    }


def _cite(article: Article) -> str:
    """[n] with the source's title, a link when its URL is http(s) (never a javascript: one)."""
    text = f"[{article.id}] {escape(article.title)}"
    if article.url and re.match(r"^https?://", article.url, re.I):
        return f'<a href="{escape(article.url, quote=True)}">{text}</a>'
    return text
