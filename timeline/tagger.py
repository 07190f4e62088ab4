"""Find temporal expressions in text and resolve them against a publication date.

Expressions are found with explicit patterns (timeline/patterns.py), as HeidelTime and
SUTime do; dateparser is used only to normalise a found numeric date ("03/29/2016"),
never to find one. Each expression gets a TIMEX3 type and value and, for dates, the
calendar span it denotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from storyline.summarize.dates import month_number, weekday_number

from . import resolve, timex
from .patterns import (COMPILED, COUNTED_NOUN, DIGIT_RUN, DIGITS, FUTURE_CUES, LEFT, NUMBER_WORDS, ORDER,
                       ORDINAL_QUARTER, PAST_CUES, RANGE_JOIN, RANGE_LEAD, RELATIVE_START, RULES, RULES_STARTING,
                       START_WORDS, SUBORDINATORS, VAGUE_NUMBERS, YEAR_DIGITS, WORD)
from .timex import TimeSpan, Timex

UNIT_CODES = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "W",
              "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
MODS = {"early": "START", "beginning of": "START", "start of": "START", "mid": "MID", "middle of": "MID",
        "late": "END", "end of": "END", "earlier": "BEFORE", "later": "AFTER"}
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|by|until|from|of|during|for|before|after|through|to|and|"
                                 r"between|year|early|late|mid|around|about|circa|c\.)\s+$", re.I)


@dataclass(frozen=True)
class Context:
    """What resolution needs: the text, the publication date, and whether it is known."""

    text: str
    dct: date | None

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around [start, end) speaks of the future (will, aiming to, …)."""
        before = re.split(r"[.;!?]|,\s", self.text[max(0, start - 60):start])[-1]
        after = re.split(r"[.;!?,]", self.text[end:end + 30])[0]
        return bool(FUTURE_CUES.search(before) or re.match(r"\s*(?:will|would|is to|are to)\b", after))

    def past(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) is told in the past tense (took, was, seized …)."""
        sentence_start = _sentence_start(self.text, start)
        stop = [i for i in (self.text.find(". ", end), self.text.find("\n", end)) if i >= 0]
        return bool(PAST_CUES.search(self.text, sentence_start, min(stop) if stop else len(self.text)))

    def ahead(self, start: int, end: int) -> bool | None:
        """True: future tense; False: past tense; None: the tense does not say."""
        if self.future(start, end):
            return True
        return False if self.past(start, end) else None


@dataclass(frozen=True)
class Found:
    type: str
    value: str
    span: TimeSpan | None = None
    mod: str | None = None
    relative: bool = False
    future: bool = False
    anaphor: tuple[str, int] | None = None  # (unit, amount) from the date named before: "the next day"


class Hit:
    """A core match with its left context ("last" + "May"): groups of both, span of both."""

    def __init__(self, text: str, core: re.Match[str], left: re.Match[str] | None) -> None:
        self.text = text
        self.core = core
        self.groups = {**(left.groupdict() if left else {}), **{k: v for k, v in core.groupdict().items() if v}}
        self._start = core.start() - (len(left.group(0)) if left else 0)

    def __getitem__(self, name: str) -> str | None:
        return self.groups.get(name)

    def groupdict(self) -> dict[str, str | None]:
        return self.groups

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self.core.end()

    def group(self, index: int = 0) -> str:
        return self.text[self._start:self.core.end()]


Handler = Callable[[Hit, Context], Found | None]
PRIORITY = {name: i for i, name in enumerate(ORDER)}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def tag(text: str, published: date | None = None) -> list[Timex]:
    """Temporal expressions in `text`, resolved against `published` (unresolved ones keep X values)."""
    context = Context(text, published)
    lowered = text.translate(_ASCII_LOWER)  # same length, so offsets hold
    candidates = []
    for name, position in _starts(lowered):  # try each rule only where a word it can start with stands
        _, _, left_required, on_lower = RULES[name]
        scan = lowered if on_lower else text
        core = COMPILED[name].match(scan, position)
        hit = _hit(text, scan, name, core, left_required) if core else None
        if hit is not None:
            candidates.append((hit.start(), hit.start() - hit.end(), PRIORITY[name], name, hit))
    chosen: list[Timex] = []
    taken_until = -1
    for start, _, _, name, hit in sorted(candidates, key=lambda c: c[:3]):
        if start < taken_until:
            continue
        found = HANDLERS[name](hit, context)
        if found is not None and found.anaphor:
            found = _resolve_anaphor(found, chosen, published)
        if found is None:
            continue
        s, e = _trim(hit)
        chosen.append(Timex(s, e, text[s:e], found.type, found.value, found.span, found.mod, found.relative,
                            found.future))
        taken_until = hit.end()
    return [_mark_subordinate(t, text) for t in _attach_times(_join_ranges(chosen, text), text)]


def _starts(lowered: str) -> Iterator[tuple[str, int]]:
    """(rule, position) for every word of the text that some rule can start with.

    The distinct words are collected in C (findall, set), and each start word is then
    located with str.find: far cheaper than a Python loop over every word.
    """
    for word in set(WORD.findall(lowered)) & START_WORDS:
        rules = RULES_STARTING[word]
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if (not at or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                for name in rules:
                    yield name, at
            at = lowered.find(word, end)
    for number in DIGIT_RUN.finditer(lowered):
        size = number.end() - number.start()
        for name in RULES_STARTING[DIGITS] if size <= 2 else RULES_STARTING[YEAR_DIGITS] if size == 4 else ():
            yield name, number.start()


def _hit(text: str, scan: str, name: str, core: re.Match[str], left_required: bool) -> Hit | None:
    """The core match with its left context, or None if it starts inside a word or lacks a required context."""
    start = core.start()
    if core.end() == start or (start and scan[start - 1].isalnum()):
        return None
    left = LEFT[name].search(scan, max(0, start - 60), start) if name in LEFT else None
    if left is not None and (not left.group(0) or (left.start() and scan[left.start() - 1].isalnum())):
        left = None
    if left_required and left is None:
        return None
    return Hit(text, core, left)


def _trim(match: Hit) -> tuple[int, int]:
    """The expression without a leading "on"/"at"/"in" that patterns include for context."""
    text = match.group(0)
    lead = re.match(r"(?i)(?:on|at|in|since|until|by|from|through|during|of|before|after)\s+(?=\S)", text)
    return match.start() + (lead.end() if lead else 0), match.end()


# --- handlers: one per pattern --------------------------------------------------------------

def _iso(m: Hit, c: Context) -> Found | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return Found("TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}", timex.day(d))
    return Found("DATE", d.isoformat(), timex.day(d))


def _numeric(m: Hit, c: Context) -> Found | None:
    import dateparser  # normalising a found string only; slow to import, so only here

    parsed = dateparser.parse(m.group(0), languages=["en"], settings={"PARSERS": ["absolute-time"],
                                                                      "REQUIRE_PARTS": ["day", "month", "year"]})
    return Found("DATE", parsed.date().isoformat(), timex.day(parsed.date())) if parsed else None


def _dmy_abbr(m: Hit, c: Context) -> Found | None:
    """"19-Nov-12": a two-digit year is 2000–2049 or 1950–1999 (never 3912, HeidelTime #8)."""
    year_ = int(m["y"])
    if year_ < 100:
        year_ += 2000 if year_ < 50 else 1900
    try:
        d = date(year_, month_number(m["mon"]) or 0, int(m["d"]))
    except ValueError:
        return None
    return Found("DATE", d.isoformat(), timex.day(d))


def _md_range(m: Hit, c: Context) -> Found | None:
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


def _full(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"] or m["mon2"])
    d = _safe_date(int(m["y"] or m["y2"]), month_ or 0, _int(m["d"] or m["d2"]))
    return Found("DATE", d.isoformat(), timex.day(d)) if d else None


def _md(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"] or m["mon2"])
    day_ = _int(m["d"] or m["d2"])
    if not month_ or not 1 <= day_ <= 31:
        return None
    if not c.dct:
        return Found("DATE", f"XXXX-{month_:02d}-{day_:02d}", relative=True)
    d, future = resolve.day_without_year_nearest(c.dct, month_, day_, c.ahead(m.start(), m.end()))
    return Found("DATE", d.isoformat(), timex.day(d), relative=True, future=future) if d else None


def _month_year(m: Hit, c: Context) -> Found | None:
    span = timex.month(int(m["y"]), month_number(m["mon"]) or 1)
    return Found("DATE", span.value, span, _mod(m["mod"]))


def _mod_year(m: Hit, c: Context) -> Found | None:
    span = timex.year(int(m["y"]))
    mod = m["mod"].lower()
    if "half" in mod:
        span = timex.half(int(m["y"]), 1 if "first" in mod else 2)
        return Found("DATE", span.value, span)
    return Found("DATE", span.value, span, _mod(mod))


def _quarter(m: Hit, c: Context) -> Found | None:
    which = m["which"].lower()
    if m["rely"] and c.dct:  # "the first quarter of last year"
        year_ = c.dct.year + {"last": -1, "previous": -1, "next": 1}.get(m["rely"], 0)
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


def _q_code(m: Hit, c: Context) -> Found | None:
    span = timex.quarter(int(m["y"]), int(m["q"]))
    return Found("DATE", span.value, span)


def _half(m: Hit, c: Context) -> Found | None:
    span = timex.half(int(m["y"]), 1 if m["which"].lower() == "first" else 2)
    return Found("DATE", span.value, span)


def _season(m: Hit, c: Context) -> Found | None:
    code = SEASON_CODES[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        span = timex.season(int(m["y"]), code)
        return Found("DATE", span.value, span, _mod(rel))
    if not rel or (m["season"].lower() == "fall" and rel not in ("last", "this", "next", "the")):
        return None  # a bare "summer" or "fall" is too often not a date
    if not c.dct:
        return Found("DATE", f"XXXX-{code}", relative=True)
    future = rel == "next" or (rel not in ("last",) and c.future(m.start(), m.end()))
    span = resolve.season_without_year(c.dct, code, future, strict=rel in ("last", "next"))
    return Found("DATE", span.value, span, _mod(rel), relative=True, future=future)


def _decade(m: Hit, c: Context) -> Found | None:
    span = timex.decade(int(m["dec"]) * 10)
    return Found("DATE", span.value, span, _mod(m["mod"]))


def _month(m: Hit, c: Context) -> Found | None:
    month_ = month_number(m["mon"]) or 1
    rel = m["rel"].lower()
    if not c.dct:
        return Found("DATE", f"XXXX-{month_:02d}", relative=True)
    strict = rel in ("last", "next")
    if rel in ("last", "since", "next"):  # the word says which way
        future = rel == "next"
        year_ = resolve.month_without_year(c.dct, month_, future, strict)
    else:
        year_, future = resolve.month_without_year_nearest(c.dct, month_, c.ahead(m.start(), m.end()), strict)
    span = timex.month(year_, month_)
    return Found("DATE", span.value, span, _mod(rel), relative=True, future=future)


def _year(m: Hit, c: Context) -> Found | None:
    before = c.text[max(0, m.start() - 25):m.start()]
    if before[-1:] in tuple("$£€.,/'-") or re.search(r"\w\($", before):
        return None  # "$2015", "1,2015", "string(1957)": part of a number or a dump
    if not _PREPOSITION_BEFORE.search(before):
        if COUNTED_NOUN.match(c.text, m.end()):
            return None  # "2000 people": a count, not a year
        if re.search(r"\b[A-Z][\w&-]*\s$", before) and not re.search(r"(?:^|[.!?]\s+)\S+\s$", before):
            return None  # "Russell 2000", "Windows 2000": a name, not a year
    span = timex.year(int(m["y"]))
    return Found("DATE", span.value, span)


def _rel_day(m: Hit, c: Context) -> Found | None:
    offset = {"day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
              "day after tomorrow": 2}[m["word"].lower()]
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    span = resolve.shift(c.dct, "day", offset)
    return Found("DATE", span.value, span, relative=True, future=offset > 0)


def _this_part(m: Hit, c: Context) -> Found | None:
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    return Found("DATE", c.dct.isoformat(), timex.day(c.dct), relative=True)


def _last_night(m: Hit, c: Context) -> Found | None:
    """"Last night": the evening before publication (HeidelTime: DCT - 1)."""
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    span = resolve.shift(c.dct, "day", -1)
    return Found("DATE", span.value, span, relative=True)


def _weekday(m: Hit, c: Context) -> Found | None:
    number = weekday_number(m["wd"])
    rel = (m["rel"] or "").lower()
    if number is None:
        return None
    if not c.dct:
        return Found("DATE", f"XXXX-WXX-{number + 1}", relative=True)
    future = rel in ("next", "coming") or (rel not in ("last", "past") and c.future(m.start(), m.end()))
    d = resolve.weekday(c.dct, number, future, strict=rel in ("last", "past"))
    return Found("DATE", d.isoformat(), timex.day(d), relative=True, future=future)


def _weekend(m: Hit, c: Context) -> Found | None:
    rel = (m["rel"] or "").lower()
    if not c.dct:
        return Found("DATE", "XXXX-WXX-WE", relative=True)
    future = rel in ("next", "coming") or (rel not in ("last", "past") and c.future(m.start(), m.end()))
    span = resolve.weekend(c.dct, future, strict=rel in ("last", "past", "next"))
    return Found("DATE", span.value, span, relative=True, future=future)


def _rel_unit(m: Hit, c: Context) -> Found | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    amount = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    span = resolve.shift(c.dct, unit, amount)
    return Found("DATE", span.value, span, _mod(m["mod"]), relative=True, future=amount > 0)


def _anaphoric(m: Hit, c: Context) -> Found | None:
    amount = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[m["rel"].lower()]
    return Found("DATE", "XXXX", relative=True, anaphor=(m["unit"].lower(), amount))


def _resolve_anaphor(found: Found, before: list[Timex], published: date | None) -> Found:
    """"The next day" after "on March 3": a day after the last date named, else after publication."""
    unit, amount = found.anaphor or ("day", 0)
    reference = next((t.span.start for t in reversed(before) if t.span and t.type in ("DATE", "TIME")
                      and t.span.granularity != "range"), published)
    if reference is None:
        return Found("DATE", "XXXX-XX-XX" if unit == "day" else "XXXX", relative=True)
    span = resolve.shift(reference, unit, amount)
    return Found("DATE", span.value, span, relative=True, future=bool(published and span.start > published))


def _ago(m: Hit, c: Context) -> Found | None:
    n, unit = _number(m["n"]), m["unit"].lower()
    if n is None or unit not in ("day", "week", "month", "quarter", "year", "decade", "fortnight"):
        return None
    if unit == "fortnight":
        unit, n = "week", n * 2
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    direction = 1 if m["dir"].lower() == "later" else -1
    span = resolve.shift(c.dct, unit, direction * int(n))
    return Found("DATE", span.value, span, relative=True, future=direction > 0)


def _duration(m: Hit, c: Context) -> Found | None:
    n = _number(m.groupdict().get("n") or m.groupdict().get("n2") or "1")
    unit = (m.groupdict().get("unit") or m.groupdict().get("unit2") or "").lower()
    if not unit or (unit == "quarter" and re.match(r"\s*,?\s*of\b", c.text[m.end():])):
        return None  # "about a quarter of its dealers": a fraction
    code = UNIT_CODES[unit]
    amount = "X" if n is None else (f"{n * 2:g}" if unit == "fortnight" else f"{n:g}")
    value = f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"
    return Found("DURATION", value)


def _set(m: Hit, c: Context) -> Found | None:
    what = (m["what"] or m["wds"] or m["adv"] or "").lower()
    if weekday_number(what) is not None:
        return Found("SET", f"XXXX-WXX-{weekday_number(what) + 1}")
    value = {"day": "P1D", "daily": "P1D", "morning": "TMO", "evening": "TEV", "night": "TNI", "nightly": "TNI",
             "week": "P1W", "weekly": "P1W", "month": "P1M", "monthly": "P1M", "year": "P1Y", "yearly": "P1Y",
             "annually": "P1Y", "summer": "XXXX-SU", "winter": "XXXX-WI"}[what]
    return Found("SET", value)


def _present(m: Hit, c: Context) -> Found | None:
    if m["present"]:
        return Found("DATE", "PRESENT_REF")
    if not (m["past"] or m["future"]):
        return None
    return Found("DATE", "PAST_REF" if m["past"] else "FUTURE_REF", future=bool(m["future"]))


def _time(m: Hit, c: Context) -> Found | None:
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


HANDLERS: dict[str, Handler] = {
    "iso": _iso, "numeric": _numeric, "dmy_abbr": _dmy_abbr, "md_range": _md_range, "full": _full,
    "full_dm": _full, "md": _md, "dm": _md,
    "month_year": _month_year, "mod_year": _mod_year, "quarter": _quarter, "q_code": _q_code, "half": _half,
    "season": _season, "decade": _decade, "month": _month, "year": _year, "rel_day": _rel_day,
    "this_part": _this_part, "last_night": _last_night, "weekday": _weekday, "weekend": _weekend, "rel_unit": _rel_unit, "ago": _ago,
    "duration_rel": _duration, "duration_past_unit": _duration, "duration": _duration, "duration_adj": _duration,
    "duration_hyphen": _duration, "anaphoric": _anaphoric,
    "set": _set, "set_plural": _set, "present": _present, "present_phrase": _present,
    "past_future_phrase": _present, "time_ampm": _time, "time_24": _time, "time_named": _time,
}


# --- helpers ---------------------------------------------------------------------------------

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
    if text in VAGUE_NUMBERS:
        return None
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    try:
        return float(re.sub(r"[ ,]", "", text))
    except ValueError:
        return None


def _mod(word: str | None) -> str | None:
    return MODS.get((word or "").lower().removeprefix("the "))


def _join_ranges(found: list[Timex], text: str) -> list[Timex]:
    """"between Wednesday and last Sunday", "from May to July 2015": one DATE range."""
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if (prev and prev.type == t.type == "DATE" and prev.span and t.span
                and RANGE_JOIN.match(text[prev.end:t.start])
                and (RANGE_LEAD.search(text[max(0, prev.start - 12):prev.start])
                     or text[prev.end:t.start].strip() in "-–—")):
            lead = RANGE_LEAD.search(text[max(0, prev.start - 12):prev.start])
            start = prev.start - (len(lead.group(0)) if lead else 0)
            span = timex.between(prev.span, t.span)
            out[-1] = Timex(start, t.end, text[start:t.end], "DATE", span.value, span, None,
                            prev.relative or t.relative, prev.future and t.future)
            continue
        out.append(t)
    return out


def _attach_times(found: list[Timex], text: str) -> list[Timex]:
    """A time beside a day ("at 7:16 am on Monday", "Monday at noon") is on that day, not on publication."""
    out = list(found)
    for i, t in enumerate(out):
        if t.type != "TIME":
            continue
        for j in (i - 1, i + 1):
            other = out[j] if 0 <= j < len(out) else None
            if other is None or other.type != "DATE" or not other.span or other.span.granularity != "day":
                continue
            gap = text[min(t.end, other.end):max(t.start, other.start)]
            if re.fullmatch(r"\s*(?:,|on|at|,\s*on)?\s*", gap, re.I):
                clock = t.value[t.value.index("T"):]
                out[i] = replace(t, value=other.span.value + clock, span=other.span, relative=other.relative,
                                 future=other.future)
                break
    return out


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, roughly: after the last ". " or line break."""
    return max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1


def _mark_subordinate(t: Timex, text: str) -> Timex:
    """Flag an expression inside a since/after/until clause or a relative clause.

    Such a date belongs to the clause's event, not the sentence's main event ("ISIS, which
    seized the town in August 2015, lost it on Sunday": Sunday is the main event's date).
    """
    sentence_start = _sentence_start(text, t.start)
    segment = re.split(r",\s|;\s|\s[–—]\s", text[sentence_start:t.start])[-1]
    if RELATIVE_START.match(segment) or SUBORDINATORS.search(segment):
        return replace(t, subordinate=True)
    return t
