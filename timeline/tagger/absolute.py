"""Normalisers of calendar expressions: dates, months, quarters, halves, seasons, years, decades,
centuries (each takes a Hit and its Context and returns a Found, or None: not a date after all)."""

from __future__ import annotations

import re
from datetime import date

from storyline.summarize.dates import month_number, normalise_numeric, weekday_number

from storyline.timeline.tagger import resolve
from storyline.timeline import timex
from storyline.timeline.tagger.patterns import COUNTED_NOUN, NUMBER_WORDS, ORDINAL_QUARTER
from storyline.timeline.tagger.normalise import (Context, DETERMINER_BEFORE, Found, Hit, PAST_IS_LAST,
                                                 PREPOSITION_BEFORE, SEASON_CODES, as_int, mod_code, safe_date)


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
    d1, d2 = as_int(m["d1"]), as_int(m["d2"])
    if not month_ or d1 >= d2:
        return None
    if m["y"]:
        first, relative, future = safe_date(int(m["y"]), month_, d1), False, False
    elif c.dct:
        first, future = resolve.day_without_year_nearest(c.dct, month_, d1, c.ahead(m.start(), m.end()))
        relative = True
    else:
        return Found("DATE", f"XXXX-{month_:02d}-{d1:02d}", relative=True)
    last = safe_date(first.year, month_, d2) if first else None
    if not first or not last:
        return None
    return Found("DATE", f"{first.isoformat()}/{last.isoformat()}", timex.between(timex.day(first), timex.day(last)),
                 relative=relative, future=future)


def full(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"] or m["mon2"])
    d = safe_date(int(m["y"] or m["y2"]), month_ or 0, as_int(m["d"] or m["d2"]))
    return Found("DATE", d.isoformat(), timex.day(d)) if d else None


def md(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"] or m["mon2"])
    day_ = as_int(m["d"] or m["d2"])
    if not month_ or not 1 <= day_ <= 31:
        return None
    if not c.dct:
        return Found("DATE", f"XXXX-{month_:02d}-{day_:02d}", relative=True)
    dct = c.dct
    named_day = weekday_number(m["wd"]) if m["wd"] else None
    if named_day is not None:  # "Monday, Oct. 26": the nearest year in which Oct. 26 is a Monday
        candidates = [safe_date(y, month_, day_) for y in (dct.year - 1, dct.year, dct.year + 1)]
        matching = [d for d in candidates if d and d.weekday() == named_day]
        if matching:
            best = min(matching, key=lambda d: abs((d - dct).days))
            return Found("DATE", best.isoformat(), timex.day(best), relative=True, future=best > dct)
    d, future = resolve.day_without_year_nearest(c.dct, month_, day_, c.ahead(m.start(), m.end()))
    return Found("DATE", d.isoformat(), timex.day(d), relative=True, future=future) if d else None


def month_year(m: Hit, c: Context) -> Found | None:
    span = timex.month(int(m["y"]), month_number(m["mon"]) or 1)
    return Found("DATE", span.value, span, mod_code(m["mod"]))


def month_rel_year(m: Hit, c: Context) -> Found | None:
    """"June last year": June of the year before publication's."""
    if not c.dct:
        return Found("DATE", f"XXXX-{month_number(m['mon']) or 1:02d}", relative=True)
    year = c.dct.year + {"last": -1, "next": 1, "this": 0}[m["rel"]]
    span = timex.month(year, month_number(m["mon"]) or 1)
    return Found("DATE", span.value, span, mod_code(m["mod"]), relative=True, future=span.start > c.dct)


def mod_year(m: Hit, c: Context) -> Found | None:
    span = timex.year(int(m["y"]))
    mod = m["mod"].lower()
    if "half" in mod:
        span = timex.half(int(m["y"]), 1 if "first" in mod else 2)
        return Found("DATE", span.value, span)
    return Found("DATE", span.value, span, mod_code(mod))


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
    rel = PAST_IS_LAST.sub("last", (m["rel"] or "").lower())
    if m["y"]:
        span = timex.season(int(m["y"]), code)
        return Found("DATE", span.value, span, mod_code(rel))
    if not rel or (m["season"].lower() == "fall" and rel not in ("last", "this", "next", "the")):
        return None  # a bare "summer" or "fall" is too often not a date
    if not c.dct:
        return Found("DATE", f"XXXX-{code}", relative=True)
    if rel == "this":  # "this summer": the publication year's, whichever way the verb points
        span = resolve.season_without_year(c.dct, code, False) if code == "WI" else timex.season(c.dct.year, code)
        return Found("DATE", span.value, span, relative=True, future=span.start > c.dct)
    future = rel == "next" or (rel not in ("last",) and c.future(m.start(), m.end()))
    span = resolve.season_without_year(c.dct, code, future, strict=rel in ("last", "next"))
    return Found("DATE", span.value, span, mod_code(rel), relative=True, future=future)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade(m: Hit, c: Context) -> Found | None:
    """"the 1990s"; "the nineties": the 1990s (the last such decade before 2000, as news means it)."""
    first = int(m["dec"]) * 10 if m["dec"] else 1900 + 10 * _DECADE_WORDS[m["word"].lower()]
    span = timex.decade(first)
    return Found("DATE", span.value, span, mod_code(m["mod"]))


def month(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"]) or 1
    rel = PAST_IS_LAST.sub("last", m["rel"].lower())
    if not c.dct:
        return Found("DATE", f"XXXX-{month_:02d}", relative=True)
    strict = rel in ("last", "next")
    if rel in ("last", "since", "next"):  # the word says which way
        future = rel == "next"
        year_ = resolve.month_without_year(c.dct, month_, future, strict)
    else:
        year_, future = resolve.month_without_year_nearest(c.dct, month_, c.ahead(m.start(), m.end()), strict)
    span = timex.month(year_, month_)
    return Found("DATE", span.value, span, mod_code(m["mod"]) or mod_code(rel), relative=True, future=future)


def year(m: Hit, c: Context) -> Found | None:
    before = c.text[max(0, m.start() - 25):m.start()]
    if before[-1:] in tuple("$£€.,/'-") or re.search(r"\w\($", before):
        return None  # "$2015", "1,2015", "string(1957)": part of a number or a dump
    if not PREPOSITION_BEFORE.search(before):
        if COUNTED_NOUN.match(c.text, m.end()) and not DETERMINER_BEFORE.search(before):
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
    return Found("DATE", span.value, span, mod_code(m["mod"]))


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21}
