"""Normalisation: what a found expression means, as a TIMEX3 type and value and a calendar span.

Here: what a normaliser takes (`Hit`: the match; `Context`: the text, its publication date, its
sentences), what it returns (`Found`), the helpers they share, and the anaphors resolved after
the scan. The normalisers themselves, one per kind of expression, are in absolute.py (calendar
dates) and relative.py (expressions counted from another date); rules.py says which each pattern calls.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date


from storyline.timeline.tagger import resolve
from storyline.timeline import timex
from storyline.timeline.tagger.patterns import NUMBER_WORDS, VAGUE_NUMBERS
from storyline.timeline.tagger.tense import tense
from storyline.timeline.timex import TimeSpan

UNIT_CODES = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "W",
              "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
MODS = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID", "middle of": "MID",
        "late": "END", "end of": "END", "earlier": "BEFORE", "later": "AFTER"}
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|his|her|its|their|our|this|that|[A-Za-z]+'s)\s+$", re.I)
PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|by|until|from|of|during|for|before|after|through|to|and|"
                                 r"between|year|early|late|mid|around|about|circa|c\.)\s+$", re.I)


@dataclass(frozen=True)
class Context:
    """What resolution needs: the text, its publication date (if known) and its sentences."""

    text: str
    dct: date | None
    sentences: Sequence[tuple[int, int]] = ()  # the splitter's spans, in order

    def sentence(self, position: int) -> tuple[int, int]:
        """The span of the sentence holding `position` (the whole text if none does)."""
        i = bisect_right(self.sentences, (position, len(self.text) + 1)) - 1
        if i >= 0 and self.sentences[i][0] <= position < self.sentences[i][1]:
            return self.sentences[i]
        return (self.sentences[i][1] if i >= 0 else 0), (self.sentences[i + 1][0] if i + 1 < len(
            self.sentences) else len(self.text))

    def ahead(self, start: int, end: int) -> bool | None:
        """True: the clause around [start, end) speaks of the future; False: the past; None: it does not say."""
        return tense(self.text, start, end, self.sentence(start))

    def future(self, start: int, end: int) -> bool:
        return self.ahead(start, end) is True


@dataclass(frozen=True)
class Found:
    type: str
    value: str
    span: TimeSpan | None = None
    mod: str | None = None
    relative: bool = False
    future: bool = False
    anaphor: tuple[str, int] | None = None  # (unit, amount) from the date named before: "the next day"
    # In a story that reports quarters, the quarter last named this many years away ("a year ago" = the
    # year-ago quarter). Without one, the value stands; an empty value means the expression lapses.
    of_quarter: int | None = None


class Hit:
    """A core match with its left context ("last" + "May"): groups of both, span of both."""

    def __init__(self, text: str, core: re.Match[str], left: tuple[int, Mapping[str, str | None]] | None) -> None:
        """`left`: the left context's length and its named groups."""
        self.text = text
        self.core = core
        self.groups = {**(left[1] if left else {}), **{k: v for k, v in core.groupdict().items() if v}}
        self._start = core.start() - (left[0] if left else 0)

    def __getitem__(self, name: str) -> str:
        """A named group's text; "" when the group did not take part."""
        return self.groups.get(name) or ""

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self.core.end()

    def group(self, index: int = 0) -> str:
        return self.text[self._start:self.core.end()]


Handler = Callable[[Hit, Context], Found | None]


_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653}


def resolve_anaphor(found: Found, named: TimeSpan | None, published: date | None) -> Found:
    """"The next day" after "on March 3": a day after the last date `named`, else after publication.
    Counted from a coarser date ("two days later" after "in 1977") it is left unresolved."""
    unit, amount = found.anaphor or ("day", 0)
    reference = named.start if named else published
    coarse = named is not None and (named.end - named.start).days + 1 > _UNIT_DAYS.get(unit, 1)
    if reference is None or coarse:
        return Found("DATE", "XXXX-XX-XX" if unit == "day" else "XXXX", relative=True)
    span = resolve.shift(reference, unit, amount)
    return Found("DATE", span.value, span, relative=True, future=bool(published and span.start > published))


def resolve_quarter(found: Found, named: TimeSpan | None) -> Found | None:
    """A year-ago or "the quarter" expression against the quarter last named (None: it lapses)."""
    if named is None or found.of_quarter is None:
        return found if found.value else None
    span = timex.quarter(named.start.year + found.of_quarter, (named.start.month - 1) // 3 + 1)
    return replace(found, value=span.value, span=span)


# --- helpers ---------------------------------------------------------------------------------

PAST_IS_LAST = re.compile(r"^(?:this )?past$")  # "this past spring" is last spring

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_PART = re.compile(r"\b(morning|afternoon|evening|night)\b", re.I)


def part_of_day(text: str) -> str | None:
    found = _PART.search(text)
    return found.group(1).lower() if found else None


def in_part_of_day(found: Found, part: str | None) -> Found:
    """"Friday afternoon" is a TIME: the day with TIMEX3's part-of-day code (2013-03-22TAF)."""
    if part is None:
        return found
    return replace(found, type="TIME", value=f"{found.value}T{PARTS_OF_DAY[part]}")


def as_int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def safe_date(year_: int, month_: int, day_: int) -> date | None:
    try:
        return date(year_, month_, day_)
    except ValueError:
        return None


def number_value(text: str) -> float | None:
    """5 for "five" or "5"; None for a vague "several"."""
    text = text.lower().strip()
    for half in (" and a half", " 1/2"):
        if text.endswith(half):
            whole = number_value(text[:-len(half)])
            return None if whole is None else whole + 0.5
    if text in VAGUE_NUMBERS:
        return None
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in NUMBER_WORDS and unit in NUMBER_WORDS:  # "twenty four"
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[unit])
    try:
        return float(re.sub(r"[ ,]", "", text))
    except ValueError:
        return None


def mod_code(word: str | None) -> str | None:
    return MODS.get((word or "").lower().removeprefix("the "))
