"""Normalisation: what a found expression means, as a TIMEX3 type and value and a calendar span.

One function per kind of expression (rules.py names which one each pattern calls), each
taking the match (`Hit`) and what resolution needs (`Context`: the text, its publication
date, its sentences) and returning a `Found`, or None when the match is not a date after all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from storyline.summarize.dates import month_number, normalise_numeric, weekday_number

from storyline.timeline.tagger import resolve
from storyline.timeline import timex
from storyline.timeline.tagger.patterns import COUNTED_NOUN, NUMBER_WORDS, ORDINAL_QUARTER, VAGUE_NUMBERS
from storyline.timeline.tagger.tense import tense
from storyline.timeline.timex import TimeSpan

UNIT_CODES = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "W",
              "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
MODS = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID", "middle of": "MID",
        "late": "END", "end of": "END", "earlier": "BEFORE", "later": "AFTER"}
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|his|her|its|their|our|this|that|[A-Za-z]+'s)\s+$", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|by|until|from|of|during|for|before|after|through|to|and|"
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

    def __init__(self, text: str, core: re.Match[str], left: re.Match[str] | None) -> None:
        self.text = text
        self.core = core
        self.groups = {**(left.groupdict() if left else {}), **{k: v for k, v in core.groupdict().items() if v}}
        self._start = core.start() - (len(left.group(0)) if left else 0)

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


# --- one function per kind of expression ------------------------------------------------------

def iso(m: Hit, c: Context) -> Found | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return Found("TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}", timex.day(d))
    return Found("DATE", d.isoformat(), timex.day(d))


def numeric(m: Hit, c: Context) -> Found | None:
    found = normalise_numeric(m.group(0))
    return Found("DATE", found.isoformat(), timex.day(found)) if found else None


def dmy_abbr(m: Hit, c: Context) -> Found | None:
    """"19-Nov-12": a two-digit year is 2000–2049 or 1950–1999 (never 3912, HeidelTime #8)."""
    year_ = int(m["y"])
    if year_ < 100:
        year_ += 2000 if year_ < 50 else 1900
    try:
        d = date(year_, month_number(m["mon"]) or 0, int(m["d"]))
    except ValueError:
        return None
    return Found("DATE", d.isoformat(), timex.day(d))


def md_range(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"])
    d1, d2 = _int(m["d1"]), _int(m["d2"])
    if not month_ or d1 >= d2:
        return None
    if m["y"]:
        first, relative, future = _safe_date(int(m["y"]), month_, d1), False, False
    elif c.dct:
        first, future = resolve.day_without_year_nearest(c.dct, month_, d1, c.ahead(m.start(), m.end()))
        relative = True
    else:
        return Found("DATE", f"XXXX-{month_:02d}-{d1:02d}", relative=True)
    last = _safe_date(first.year, month_, d2) if first else None
    if not first or not last:
        return None
    return Found("DATE", f"{first.isoformat()}/{last.isoformat()}", timex.between(timex.day(first), timex.day(last)),
                 relative=relative, future=future)


def full(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"] or m["mon2"])
    d = _safe_date(int(m["y"] or m["y2"]), month_ or 0, _int(m["d"] or m["d2"]))
    return Found("DATE", d.isoformat(), timex.day(d)) if d else None


def md(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"] or m["mon2"])
    day_ = _int(m["d"] or m["d2"])
    if not month_ or not 1 <= day_ <= 31:
        return None
    if not c.dct:
        return Found("DATE", f"XXXX-{month_:02d}-{day_:02d}", relative=True)
    dct = c.dct
    named_day = weekday_number(m["wd"]) if m["wd"] else None
    if named_day is not None:  # "Monday, Oct. 26": the nearest year in which Oct. 26 is a Monday
        candidates = [_safe_date(y, month_, day_) for y in (dct.year - 1, dct.year, dct.year + 1)]
        matching = [d for d in candidates if d and d.weekday() == named_day]
        if matching:
            best = min(matching, key=lambda d: abs((d - dct).days))
            return Found("DATE", best.isoformat(), timex.day(best), relative=True, future=best > dct)
    d, future = resolve.day_without_year_nearest(c.dct, month_, day_, c.ahead(m.start(), m.end()))
    return Found("DATE", d.isoformat(), timex.day(d), relative=True, future=future) if d else None


def month_year(m: Hit, c: Context) -> Found | None:
    span = timex.month(int(m["y"]), month_number(m["mon"]) or 1)
    return Found("DATE", span.value, span, _mod(m["mod"]))


def month_rel_year(m: Hit, c: Context) -> Found | None:
    """"June last year": June of the year before publication's."""
    if not c.dct:
        return Found("DATE", f"XXXX-{month_number(m['mon']) or 1:02d}", relative=True)
    year = c.dct.year + {"last": -1, "next": 1, "this": 0}[m["rel"]]
    span = timex.month(year, month_number(m["mon"]) or 1)
    return Found("DATE", span.value, span, _mod(m["mod"]), relative=True, future=span.start > c.dct)


def mod_year(m: Hit, c: Context) -> Found | None:
    span = timex.year(int(m["y"]))
    mod = m["mod"].lower()
    if "half" in mod:
        span = timex.half(int(m["y"]), 1 if "first" in mod else 2)
        return Found("DATE", span.value, span)
    return Found("DATE", span.value, span, _mod(mod))


def quarter(m: Hit, c: Context) -> Found | None:
    which = m["which"].lower()
    if m["ly"]:  # "the 1988 second quarter"
        span = timex.quarter(int(m["ly"]), 4 if which in ("last", "final") else ORDINAL_QUARTER[which])
        return Found("DATE", span.value, span)
    if m["ago"]:  # "the year-ago third quarter": the year before the quarter named
        number = 4 if which in ("last", "final") else ORDINAL_QUARTER[which]
        this_q = (c.dct.month - 1) // 3 + 1 if c.dct else 4
        year_ = (c.dct.year if c.dct and number <= this_q else (c.dct.year - 1 if c.dct else 0)) - 1
        if year_ <= 0:
            return Found("DATE", "XXXX-QX", relative=True)
        span = timex.quarter(year_, number)
        return Found("DATE", span.value, span, relative=True)
    rely = m["rely"] or m["lrel"]
    if rely and c.dct:  # "the first quarter of last year", "this year's third quarter"
        year_ = c.dct.year + {"last": -1, "previous": -1, "next": 1}.get(rely, 0)
        span = timex.quarter(year_, 4 if which in ("last", "final") else ORDINAL_QUARTER[which])
        return Found("DATE", span.value, span, relative=True, future=year_ > c.dct.year)
    if m["y"]:
        number = 4 if which in ("last", "final") else ORDINAL_QUARTER[which]
        span = timex.quarter(int(m["y"]), number)
        return Found("DATE", span.value, span)
    if not c.dct:
        return Found("DATE", "XXXX-QX", relative=True)
    if which in ("last", "final"):  # "last quarter": the one before publication's
        span = resolve.shift(c.dct, "quarter", -1)
    else:
        number = ORDINAL_QUARTER[which]
        this_q = (c.dct.month - 1) // 3 + 1
        span = timex.quarter(c.dct.year if number <= this_q else c.dct.year - 1, number)
    return Found("DATE", span.value, span, relative=True)


def quarter_ref(m: Hit, c: Context) -> Found | None:
    """"the quarter", "the year-ago quarter", "last year's period": the quarter last named, or nothing."""
    ref = m["ref"].lower()
    if m.group(0).lower().endswith("period") and ref in ("the", "that", "this", "the current"):
        return None  # "the period" alone is too vague to tag
    years = -1 if m["ago"] or ref.startswith("last year") else 0
    if c.dct and not years and ref.split()[-1] in ("latest", "recent", "just-ended", "current", "this"):
        # the one just reported ("the latest quarter") or under way, whatever quarter was named before
        span = resolve.shift(c.dct, "quarter", 0 if ref.split()[-1] in ("current", "this") else -1)
        return Found("DATE", span.value, span, relative=True)
    return Found("DATE", "", relative=True, of_quarter=years)


def year_ago(m: Hit, c: Context) -> Found | None:
    """"year-earlier" results: the year before publication's, or the year-ago quarter in a quarterly report."""
    if not c.dct:
        return Found("DATE", "XXXX", relative=True, of_quarter=-1)
    span = timex.year(c.dct.year - 1)
    return Found("DATE", span.value, span, relative=True, of_quarter=-1)


def q_code(m: Hit, c: Context) -> Found | None:
    span = timex.quarter(int(m["y"]), int(m["q"]))
    return Found("DATE", span.value, span)


def half(m: Hit, c: Context) -> Found | None:
    """"the first half of 2015"; "of the year": the publication's."""
    if m["y"]:
        year = int(m["y"])
    elif c.dct:
        year = c.dct.year
    else:
        return Found("DATE", "XXXX", relative=True)
    span = timex.half(year, 1 if m["which"].lower() == "first" else 2)
    return Found("DATE", span.value, span)


def season(m: Hit, c: Context) -> Found | None:
    code = SEASON_CODES[m["season"].lower()]
    rel = _PAST_IS_LAST.sub("last", (m["rel"] or "").lower())
    if m["y"]:
        span = timex.season(int(m["y"]), code)
        return Found("DATE", span.value, span, _mod(rel))
    if not rel or (m["season"].lower() == "fall" and rel not in ("last", "this", "next", "the")):
        return None  # a bare "summer" or "fall" is too often not a date
    if not c.dct:
        return Found("DATE", f"XXXX-{code}", relative=True)
    if rel == "this":  # "this summer": the publication year's, whichever way the verb points
        span = resolve.season_without_year(c.dct, code, False) if code == "WI" else timex.season(c.dct.year, code)
        return Found("DATE", span.value, span, relative=True, future=span.start > c.dct)
    future = rel == "next" or (rel not in ("last",) and c.future(m.start(), m.end()))
    span = resolve.season_without_year(c.dct, code, future, strict=rel in ("last", "next"))
    return Found("DATE", span.value, span, _mod(rel), relative=True, future=future)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade(m: Hit, c: Context) -> Found | None:
    """"the 1990s"; "the nineties": the 1990s (the last such decade before 2000, as news means it)."""
    first = int(m["dec"]) * 10 if m["dec"] else 1900 + 10 * _DECADE_WORDS[m["word"].lower()]
    span = timex.decade(first)
    return Found("DATE", span.value, span, _mod(m["mod"]))


def month(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"]) or 1
    rel = _PAST_IS_LAST.sub("last", m["rel"].lower())
    if not c.dct:
        return Found("DATE", f"XXXX-{month_:02d}", relative=True)
    strict = rel in ("last", "next")
    if rel in ("last", "since", "next"):  # the word says which way
        future = rel == "next"
        year_ = resolve.month_without_year(c.dct, month_, future, strict)
    else:
        year_, future = resolve.month_without_year_nearest(c.dct, month_, c.ahead(m.start(), m.end()), strict)
    span = timex.month(year_, month_)
    return Found("DATE", span.value, span, _mod(m["mod"]) or _mod(rel), relative=True, future=future)


def year(m: Hit, c: Context) -> Found | None:
    before = c.text[max(0, m.start() - 25):m.start()]
    if before[-1:] in tuple("$£€.,/'-") or re.search(r"\w\($", before):
        return None  # "$2015", "1,2015", "string(1957)": part of a number or a dump
    if not _PREPOSITION_BEFORE.search(before):
        if COUNTED_NOUN.match(c.text, m.end()) and not _DETERMINER_BEFORE.search(before):
            return None  # "2000 people": a count, not a year ("a 2009 analysis" is a year)
        if re.search(r"\b[A-Z][\w&-]*\s$", before) and not re.search(r"(?:^|[.!?]\s+)\S+\s$", before):
            return None  # "Russell 2000", "Windows 2000": a name, not a year
    span = timex.year(int(m["y"]))
    return Found("DATE", span.value, span)


def spelled_year(m: Hit, c: Context) -> Found | None:
    """"nineteen ninety-six", "the year two thousand" (broadcast transcripts write years out)."""
    words = re.findall(r"[a-z]+", m.group(0).lower())
    if "thousand" in words:
        rest = [w for w in words if w not in ("the", "year", "two", "thousand", "and")]
        number = 2000 + sum(NUMBER_WORDS.get(w, 0) for w in rest)
    else:
        tail = words[words.index("nineteen") + 1:]
        number = 1900 + sum(NUMBER_WORDS.get(w, 0) for w in tail if w not in ("hundred", "and"))
    span = timex.year(number)
    return Found("DATE", span.value, span)


def century(m: Hit, c: Context) -> Found | None:
    """"the 20th century" (value 19), "this century" (the publication's)."""
    if m["rel"]:
        if not c.dct:
            return Found("DATE", "XX", relative=True)
        shift = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1}[m["rel"].lower()]
        first = (c.dct.year // 100 + shift) * 100
        span = timex.century(first)
        return Found("DATE", span.value, span, relative=True, future=shift > 0)
    ordinal = m["ord"].lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else ORDINALS.get(ordinal)
    if not number or not 1 <= number <= 21:
        return None
    span = timex.century((number - 1) * 100)
    return Found("DATE", span.value, span, _mod(m["mod"]))


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21}


def that_year(m: Hit, c: Context) -> Found | None:
    """"that year": the year of the date named before; "the full year", "earlier in the year", "the
    end of the year": publication's."""
    if "that" in m.group(0).lower():
        return Found("DATE", "XXXX", relative=True, anaphor=("year", 0))
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    span = timex.year(c.dct.year)
    return Found("DATE", span.value, span, _mod(m["mod"]), relative=True)


def at_the_time(m: Hit, c: Context) -> Found | None:
    """"at the time": a past moment the text named before; TimeML writes it PAST_REF."""
    return Found("DATE", "PAST_REF", relative=True)


def holiday(m: Hit, c: Context) -> Found | None:
    name = re.sub(r"['’]", "'", re.sub(r"\s+", " ", m["name"].lower()))
    if m["y"]:
        d = resolve.HOLIDAYS[name](int(m["y"]))
        return Found("DATE", d.isoformat(), timex.day(d))
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    rel = (m["rel"] or "").lower()
    d = resolve.holiday(c.dct, name, c.ahead(m.start(), m.end()), rel)
    return Found("DATE", d.isoformat(), timex.day(d), relative=True, future=d > c.dct)


def rel_day(m: Hit, c: Context) -> Found | None:
    offset = {"day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
              "day after tomorrow": 2}[m["word"].lower()]
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    span = resolve.shift(c.dct, "day", offset)
    part = "night" if m["word"].lower() == "tonight" else _part(m.group(0))
    return _in_part(Found("DATE", span.value, span, relative=True, future=offset > 0), part)


def this_part(m: Hit, c: Context) -> Found | None:
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    return _in_part(Found("DATE", c.dct.isoformat(), timex.day(c.dct), relative=True), _part(m.group(0)))


def last_night(m: Hit, c: Context) -> Found | None:
    """"Last night": the evening before publication (HeidelTime: DCT - 1)."""
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    span = resolve.shift(c.dct, "day", -1)
    return _in_part(Found("DATE", span.value, span, relative=True), "night")


def weekday(m: Hit, c: Context) -> Found | None:
    number = weekday_number(m["wd"])
    rel = (m["rel"] or "").lower()
    if number is None:
        return None
    if not c.dct:
        return Found("DATE", f"XXXX-WXX-{number + 1}", relative=True)
    future = rel in ("next", "coming") or (rel not in ("last", "past") and c.future(m.start(), m.end()))
    d = resolve.weekday(c.dct, number, future, strict=rel in ("last", "past", "next"))
    return _in_part(Found("DATE", d.isoformat(), timex.day(d), relative=True, future=future), _part(m.group(0)))


def weekend(m: Hit, c: Context) -> Found | None:
    rel = (m["rel"] or "").lower()
    if not c.dct:
        return Found("DATE", "XXXX-WXX-WE", relative=True)
    future = rel in ("next", "coming") or (rel not in ("last", "past") and c.future(m.start(), m.end()))
    span = resolve.weekend(c.dct, future, strict=rel in ("last", "past", "next"))
    return Found("DATE", span.value, span, relative=True, future=future)


def rel_unit(m: Hit, c: Context) -> Found | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    amount = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    span = resolve.shift(c.dct, unit, amount)
    return Found("DATE", span.value, span, _mod(m["mod"]), relative=True, future=amount > 0)


def anaphoric(m: Hit, c: Context) -> Found | None:
    """"the next day", "the day before", "the following week"; "the next morning" is the next day."""
    amount = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1, "before": -1,
              "earlier": -1, "same": 0}[m["rel"].lower()]
    return Found("DATE", "XXXX", relative=True, anaphor=((m["unit"] or "day").lower(), amount))


def ago(m: Hit, c: Context) -> Found | None:
    n, unit = _number(m["n"]), m["unit"].lower()
    if unit not in ("day", "week", "month", "quarter", "year", "decade", "fortnight"):
        return None
    if n is None:  # "several years ago": some time back, as TimeML writes it
        return Found("DATE", "PAST_REF", relative=True) if m["dir"].lower() == "ago" else None
    if unit == "fortnight":
        unit, n = "week", n * 2
    if m["dir"].lower() == "later":  # "one year later" counts from the date just named, not from today
        return Found("DATE", "XXXX", relative=True, anaphor=(unit, int(n)))
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    span = resolve.shift(c.dct, unit, -int(n))
    a_year_back = unit == "year" and n == 1
    return Found("DATE", span.value, span, relative=True, of_quarter=-1 if a_year_back else None)


# a count or an amount, and perhaps what is counted, just before "a week": a rate ("four flights a week")
_RATE = re.compile(r"(?:\d|\b(?:million|billion|one|two|three|four|five|six|seven|eight|nine|ten|twice|once))"
                   r"\S*\s+(?:[a-z]+\s+)?$")


def duration(m: Hit, c: Context) -> Found | None:
    if re.fullmatch(r"\d{4}", m["n"] or m["n2"]):
        return None  # "the 1988 second quarter": a year, not a count
    n = _number(m["n"] or m["n2"] or "1")
    unit = (m["unit"] or m["unit2"]).lower()
    if (m["n"] or "").lower() in ("a", "an") and _RATE.search(c.text, max(0, m.start() - 20), m.start()):
        return None  # "$1.76 a year", "four flights a week": a rate, not a stretch of time
    if m["half"] and n is not None:  # "a minute and a half"
        n += 0.5
    if not unit or (unit == "quarter" and re.match(r"\s*,?\s*of\b", c.text[m.end():])):
        return None  # "about a quarter of its dealers": a fraction
    bound = _BOUND.match(m.group(0))
    return Found("DURATION", duration_value(n, unit), mod=BOUNDS[bound.group(1).lower()] if bound else None)


# TimeML's mod for a bounded duration ("more than two months": MORE_THAN); "over" is left alone,
# being as often "during" ("rose 5% over two years") as "more than"
BOUNDS = {"more than": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "nearly": "LESS_THAN",
          "almost": "LESS_THAN", "up to": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX"}
_BOUND = re.compile(r"(?i)(more than|at least|less than|nearly|almost|up to|about|around)\s")


_HALVES = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}  # half a unit, in the next unit down


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P5D, PT3H, P20Y for two decades (as TimeBank writes them), P9M for three quarters,
    PT5H30M for 5 1/2 hours."""
    if unit == "fortnight":
        unit, n = "week", None if n is None else n * 2
    if unit == "decade":  # "two decades" P20Y, "for decades" PXY, as TimeBank writes them
        unit, n = "year", None if n is None else n * 10
    if unit == "quarter":  # ISO 8601 has no quarters: "the next three quarters" is P9M
        unit, n = "month", None if n is None else n * 3
    code = UNIT_CODES[unit]
    time = "T" if code.startswith("T") else ""
    if n is None:
        return f"P{time}X{code[-1] if time else code}"
    if n != int(n) and n * 2 == int(n * 2) and unit in _HALVES:
        return f"P{time}{int(n)}{code[-1] if time else code}{_HALVES[unit]}"
    return f"P{time}{n:g}{code[-1] if time else code}"


def vague_duration(m: Hit, c: Context) -> Found | None:
    """"in recent weeks": some weeks (PXW)."""
    return Found("DURATION", duration_value(None, m["unit"].lower()))


def long_units(m: Hit, c: Context) -> Found | None:
    """"a day-long strike" (P1D), "a decades-long feud" (PXY: some decades, in years)."""
    return Found("DURATION", duration_value(None if m["plural"] else 1, m["unit"].lower()))


def year_ended(m: Hit, c: Context) -> Found | None:
    return Found("DURATION", "P1Y")


def recurring(m: Hit, c: Context) -> Found | None:
    """"every Monday", "each July", "Tuesday nights", "daily"."""
    what = (m["what"] or m["wds"] or m["adv"] or m["wd"]).lower()
    number = weekday_number(what)
    if number is not None:
        part = f"T{PARTS_OF_DAY[m['parts'].lower()[:-1]]}" if m["parts"] else ""
        return Found("SET", f"XXXX-WXX-{number + 1}{part}")
    if month_number(what):
        return Found("SET", f"XXXX-{month_number(what):02d}")
    value = {"day": "P1D", "daily": "P1D", "morning": "TMO", "evening": "TEV", "night": "TNI", "nightly": "TNI",
             "week": "P1W", "weekly": "P1W", "month": "P1M", "monthly": "P1M", "year": "P1Y", "yearly": "P1Y",
             "annually": "P1Y", "summer": "XXXX-SU", "winter": "XXXX-WI"}[what]
    return Found("SET", value)


def present(m: Hit, c: Context) -> Found | None:
    if m["present"]:
        return Found("DATE", "PRESENT_REF")
    if not (m["past"] or m["future"]):
        return None
    return Found("DATE", "PAST_REF" if m["past"] else "FUTURE_REF", future=bool(m["future"]))


def clock(m: Hit, c: Context) -> Found | None:
    if m["named"]:
        hour, minute = {"noon": 12, "midday": 12, "midnight": 0}[m["named"].lower()], 0
    elif m["h"]:
        if not 1 <= int(m["h"]) <= 12:
            return None
        hour, minute = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0), int(m["m"] or 0)
    else:
        hour, minute = int(m["h2"]), int(m["m2"])
        if hour > 23:
            return None
    clock = f"T{hour:02d}:{minute:02d}"
    if not c.dct:
        return Found("TIME", f"XXXX-XX-XX{clock}", relative=True)
    return Found("TIME", f"{c.dct.isoformat()}{clock}", timex.day(c.dct), relative=True)


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

_PAST_IS_LAST = re.compile(r"^(?:this )?past$")  # "this past spring" is last spring

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_PART = re.compile(r"\b(morning|afternoon|evening|night)\b", re.I)


def _part(text: str) -> str | None:
    found = _PART.search(text)
    return found.group(1).lower() if found else None


def _in_part(found: Found, part: str | None) -> Found:
    """"Friday afternoon" is a TIME: the day with TIMEX3's part-of-day code (2013-03-22TAF)."""
    if part is None:
        return found
    return replace(found, type="TIME", value=f"{found.value}T{PARTS_OF_DAY[part]}")


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _safe_date(year_: int, month_: int, day_: int) -> date | None:
    try:
        return date(year_, month_, day_)
    except ValueError:
        return None


def _number(text: str) -> float | None:
    """5 for "five" or "5"; None for a vague "several"."""
    text = text.lower().strip()
    for half in (" and a half", " 1/2"):
        if text.endswith(half):
            whole = _number(text[:-len(half)])
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


def _mod(word: str | None) -> str | None:
    return MODS.get((word or "").lower().removeprefix("the "))
