"""Where one sentence sits in time: the date its main clause reports, or its article's day.

The first date of the main clause that is neither future, after publication, subordinate nor
inside a quotation dates the sentence, with three exceptions:
- a calendar day later in the same clause outranks a coarser date before it ("In 2009, on 25
  June, he died": the day, not the year; "closed in 2011, the union said on Monday" stays 2011);
- a photo caption's date ("The senator, shown in 2010 at a rally") dates nothing;
- a bare weekday that a past tense resolves to 5 or 6 days before publication ("said Friday
  morning" in a page stamped Thursday) is more likely a page stamped before its text, or in
  another time zone, than news a week old: the date is kept, marked uncertain, for the story to
  decide (`settle_stamps`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from storyline.summarize.clean.shapes import Gated, folded
from storyline.summarize.dates import WEEKDAY_NAMES
from storyline.summarize.model import Article, Sentence

from storyline.timeline import timex
from storyline.timeline.tagger.clauses import clause_around
from storyline.timeline.timex import Timex, TimeSpan

# "shown in 2010", "pictured on Monday", "(AP Photo/…)", "File photo": a picture's date, not news
CAPTION = Gated(re.compile(r"\b(?:shown|pictured|photographed|seen here)\b|\((?:\w+\s+)?(?:Photo|Picture)\b|"
                           r"\b(?:File|Archive) (?:photo|picture|image)\b|\bPhoto(?:graph)?:", re.I),
                ("shown", "seen here", "photo", "picture", "image"))  # searched for every member sentence, twice
_BARE_WEEKDAY = re.compile(r"(?:" + "|".join(d.capitalize() for d in WEEKDAY_NAMES) + r")(?:['’]s)?"
                           r"(?:\s+(?:morning|afternoon|evening|night))?")
STAMP_OFFSET = (5, 6)  # days back at which a past weekday more likely means the page's stamp is early
WEEK = 7


@dataclass(frozen=True)
class Placement:
    """Where one sentence sits in time, and why."""

    span: TimeSpan
    expression: str | None  # None: dated by its article's publication


def expressions_in(sentence: Sentence, found: Sequence[Timex]) -> Iterator[Timex]:
    """The article's expressions (`found`, in text order) that start inside the sentence."""
    first = bisect_left(found, sentence.start, key=lambda t: t.start)
    last = bisect_left(found, sentence.end, lo=first, key=lambda t: t.start)
    return iter(found[first:last])  # by index both ends: islice would walk from the article's start


def place(sentence: Sentence, article: Article, found: Sequence[Timex]) -> Placement | None:
    """The date a sentence reports, or its article's publication date, or None if undated.

    `found` are the article's expressions, tagged once for the whole text so that "the next
    day" can refer to a date an earlier sentence named.
    """
    published = article.published_date
    eligible = [t for t in expressions_in(sentence, found) if _dates_it(t, article)]
    if eligible and not _caption(sentence):  # a caption's date is the picture's (asked only of a dated line)
        t = _finest(eligible)
        assert t.span is not None
        span = t.span
        if (t.relative and article.published_estimated) or stamp_offset(t, article):
            span = timex.uncertain(span)
        return Placement(span, t.text)
    if published is None:
        return None
    span = timex.day(published)
    return Placement(timex.uncertain(span) if article.published_estimated else span, None)


def _caption(sentence: Sentence) -> bool:
    """Whether the sentence is a photo's caption: the picture's date, not the event's."""
    return CAPTION.search(sentence.text, folded(sentence.text)) is not None


def _dates_it(t: Timex, article: Article) -> bool:
    """Whether an expression can date its sentence's main event."""
    published = article.published_date
    if t.type not in ("DATE", "TIME") or not t.span or t.future or t.subordinate:
        return False
    if t.type == "TIME" and t.text[:1].isdigit() and t.value.startswith(str(published)):
        return False  # a clock time alone ("6:30 pm", "00:36") is page furniture as often as a date
    return not (published and t.span.start > published)


def _finest(eligible: Sequence[Timex]) -> Timex:
    """The first expression, unless it is coarser than a day and a day follows it: a sentence that
    names a year and a calendar day ("In 2009 … on 25 June") tells of the day."""
    first = eligible[0]
    assert first.span is not None
    if first.span.granularity in ("day", "range"):
        return first
    # a calendar day ("25 June"), not a weekday, which news uses for its report: "closed in 2011, the
    # union said on Monday" is of 2011
    return next((t for t in eligible[1:] if t.span and t.span.granularity == "day" and any(c.isdigit() for c in t.text)),
                first)


def stamp_offset(t: Timex, article: Article) -> bool:
    """Whether a bare weekday lies 5 or 6 days before its article's stamp (see the module docstring)."""
    published = article.published_date
    if not (t.relative and published and t.span and t.span.granularity == "day"):
        return False
    return bool(_BARE_WEEKDAY.fullmatch(t.text)) and (published - t.span.start).days in STAMP_OFFSET


def secondary(sentence: Sentence, article: Article, found: Sequence[Timex]) -> list[tuple[Timex, str, str]]:
    """(expression, role, clause text) for each date of a subordinate or future clause of the sentence."""
    published = article.published_date
    out: list[tuple[Timex, str, str]] = []
    for t in expressions_in(sentence, found):
        if t.type not in ("DATE", "TIME") or not t.span:
            continue
        ahead = t.future or bool(published and t.span.start > published)
        if not (t.subordinate or ahead):
            continue
        clause = clause_around(article.text, t.start, t.end, (sentence.start, sentence.end))
        if clause is not None:
            out.append((t, "planned" if ahead else "background", clause))
    return [] if out and _caption(sentence) else out  # a caption is asked about only once it dates something


def settle_stamps(dated: dict[str, list[tuple[Sentence, Placement]]]) -> dict[str, list[tuple[Sentence, Placement]]]:
    """A claim's reports dated exactly a week apart disagree with themselves (a page stamped before
    its text): the date more reports give takes the others, certain if those reports are; a tie
    stays apart, each date uncertain."""
    out = dict(dated)
    for value in sorted(dated, key=lambda v: -len(dated[v])):
        if value not in out or len(value) != 10:
            continue
        for other in list(out):
            if other == value or len(other) != 10 or abs(_days_between(value, other)) != WEEK:
                continue
            if len(out[value]) > len(out[other]):
                span = out[value][0][1].span
                out[value] = out[value] + [(m, Placement(span, p.expression)) for m, p in out.pop(other)]
            else:
                out[value] = [(m, Placement(timex.uncertain(p.span), p.expression)) for m, p in out[value]]
                out[other] = [(m, Placement(timex.uncertain(p.span), p.expression)) for m, p in out[other]]
    return out


def _days_between(a: str, b: str) -> int:
    return (date.fromisoformat(a) - date.fromisoformat(b)).days
