"""Timelines as Markdown, JSON (the shape other tools read) and plain text."""

from __future__ import annotations

import calendar
from dataclasses import replace
from collections.abc import Iterator, Sequence
from datetime import date

from storyline.timeline.output.cite import also_reported, listed, marks, noted, source_line, source_record, variants_json
from storyline.timeline.output.jsontext import indented, streamed
from storyline.timeline.output.sparkline import dated_note, sparkline
from storyline.summarize.untrusted import markdown_literal

from storyline.timeline.analysis import Analysis
from storyline.summarize.model import Claim
from storyline.summarize.summary.compress import compress
from storyline.timeline.events.build import Event
from storyline.timeline.timex import TimeSpan

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
    elif g == "century":
        number = s.year // 100 + 1
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        text = f"the {number}{suffix} century"
    else:
        text = span.value
    return text if span.certain else f"{text} (uncertain)"


def event_when(event: Event) -> str:
    """An event's date as every format shows it beside its line: "Tue 29 Mar 2016 (reported)" when
    only its report's day dates it."""
    return label(event.span) + (" (reported)" if event.fallback else "")


def _text_qualifiers(event: Event) -> str:
    """" (reported, uncertain)" as Markdown says them beside its dates: a line dated only by its
    report's day, or by an estimated one, is not told as a firm date of the event."""
    said = [word for word, holds in (("reported", event.fallback), ("uncertain", not event.span.certain)) if holds]
    return f" ({', '.join(said)})" if said else ""


def _text_date(span: TimeSpan) -> str:
    """The date column of text output: ISO values, a range as start/end, a decade as "the 1990s"."""
    if span.granularity == "range":
        return span.value
    return label(span) if span.granularity in ("decade", "century") else span.iso()


def _short(d: date) -> str:
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


def calendar_place(span: TimeSpan) -> tuple[str, str | None]:
    """Where a date sits in a calendar view: its year heading and, below it, a section heading.

    Days, weeks, months and ranges sit under their month ("March 2016"); a quarter, half,
    season or decade has a section of its own ("Q4 2015"); a year sits on the year itself.
    The Markdown timeline and the app's tree both group events this way.
    """
    year_heading = str(span.start.year)
    if span.granularity in FINE:
        return year_heading, f"{calendar.month_name[span.start.month]} {span.start.year}"
    if span.granularity == "year":
        return year_heading, None
    return year_heading, label(replace(span, certain=True))


def markdown(analysis: Analysis, events: Sequence[Event]) -> str:
    """Headings by year and section, one line per event with its date and citations, then sources."""
    lines = [f"# {markdown_literal(analysis.title)}", ""]
    if spark := sparkline(analysis.sources):  # the coverage at a glance: gaps and peaks
        note = f" ({told})" if (told := dated_note(analysis.sources)) else ""
        lines += [f"Coverage: `{spark}`{note}", ""]
    year: str | None = None
    section: str | None = None
    for e in events:
        year_heading, section_heading = calendar_place(e.span)
        if year_heading != year:
            year, section = year_heading, None
            lines += [*([""] if lines[-1] else []), f"## {year}", ""]
        if section_heading and section_heading != section:
            section = section_heading
            lines += [*([""] if lines[-1] else []), f"### {section}", ""]
        when = event_when(e)
        if e.role == "main":
            lines.append(f"- **{when}** — {markdown_literal(noted(e.text, e.variants))} {marks(e.sources)}"
                         f"{also_reported(e.also_sources)}")
        else:  # a clause's own date, quieter: "↳ launching a desert offensive — early March 2016"
            lines.append(f"- ↳ *{markdown_literal(e.text)}* — {when}{' (planned)' if e.role == 'planned' else ''} "
                         f"{marks(e.sources)}")
    lines += ["", "## Sources", ""]
    lines += [f"{i}. {markdown_literal(source_line(analysis.article(i)))}" for i in listed(events)]
    return "\n".join(lines) + "\n"


def compressed(events: Sequence[Event], shorter: dict[str, str] | None = None) -> list[Event]:
    """Each event whose line is a whole sentence (role main) with that sentence compressed
    (`shown_line`)."""
    shorter = {} if shorter is None else shorter
    return [replace(e, text=line) if (line := shown_line(e, shorter)) is not e.text else e for e in events]


def shown_line(event: Event, shorter: dict[str, str]) -> str:
    """The event's line compressed if it is a whole sentence (role main); `shorter` holds the lines
    compressed before (`Analysis.shortened`) and is given the new ones (a claim dated several times
    is one text: compressed once)."""
    if event.role != "main":
        return event.text
    return shorter.get(event.text) or shorter.setdefault(event.text, compress(event.text))


def json_document(analysis: Analysis, events: Sequence[Event], compress: bool = False) -> dict[str, object]:
    """`{"sources": [...], "events": [{"date", "end", "granularity", "text", "sources", "certain", …}]}`;
    with `compress`, a compressed event's `text` has its whole `sentence` beside it."""
    return {"sources": [source_record(a) for a in analysis.sources],
            "events": list(_event_records(analysis, events, compress))}


def json_pieces(analysis: Analysis, events: Sequence[Event], compress: bool = False) -> Iterator[str]:
    """`dumps(json_document(…), end="\n")` in pieces, an event's record made as it is written."""
    return streamed({"sources": [source_record(a) for a in analysis.sources],
                     "events": _event_records(analysis, events, compress)}, end="\n")


def _event_records(analysis: Analysis, events: Sequence[Event], compress: bool) -> Iterator[dict[str, object]]:
    shorter = analysis.shortened
    for e in events:
        line = shown_line(e, shorter) if compress else e.text  # the event itself is not copied to show it
        yield ({"date": e.span.iso(), "end": e.span.iso_end(), "granularity": e.span.granularity,
                "value": e.span.value, "text": line} | sentence_json(line, e.text)
               | {"sources": list(e.sources), "certain": e.certain,
                  "dated_by": "publication" if e.fallback else e.expression, "role": e.role,
                  "score": round(e.score, 4), "members": members_json(analysis, e, e.sources),
                  "also_reported_by": list(e.also_sources),
                  "also_members": members_json(analysis, e, e.also_sources)} | variants_json(analysis.claim(e.claim)))


def sentence_json(text: str, whole: str) -> dict[str, object]:
    """`{"sentence": whole}` for a line compressed from the sentence `whole`, else `{}`."""
    return {"sentence": whole} if text != whole else {}


def members_json(analysis: Analysis, item: Event | Claim, sources: Sequence[int]) -> list[dict[str, object]]:
    """Per citation, the sentence of that article that says the line, with its offsets in the
    article's cleaned text: what a reader (or a script) checks the citation against."""
    records: list[dict[str, object]] = []
    told = analysis.members_by_article(item)
    for i in sources:
        member = told.get(i)
        if member is not None:
            records.append({"source": i, "text": member.text, "start": member.start, "end": member.end})
    return records


def text(analysis: Analysis, events: Sequence[Event]) -> str:
    """One event per line: date, text, citations; then the sources the marks point at."""
    lines = [f"{_text_date(e.span):<10}{_text_qualifiers(e)} {noted(e.text, e.variants)} {marks(e.sources)}"
             f"{also_reported(e.also_sources)}" for e in events]
    lines += ["", "Sources:"] + [f"[{i}] {source_line(analysis.article(i))}" for i in listed(events)]
    return "\n".join(lines) + "\n"


def dumps(data: object, end: str = "") -> str:
    """JSON as every command writes it: indented, non-ASCII kept; then `end`."""
    return indented(data, end)
