"""Normalisers of expressions that count from another date: "that year", holidays, "yesterday",
weekdays, "N units ago", durations, sets, "now", clock times."""

from __future__ import annotations

import re

from storyline.summarize.dates import month_number, weekday_number

from storyline.timeline.tagger import resolve
from storyline.timeline import timex
from storyline.timeline.tagger.normalise import (Context, Found, Hit, PARTS_OF_DAY, UNIT_CODES, in_part_of_day,
                                                 mod_code, number_value, part_of_day)


def that_year(m: Hit, c: Context) -> Found | None:
    """"that year": the year of the date named before; "the full year", "earlier in the year", "the
    end of the year": publication's."""
    if "that" in m.group(0).lower():
        return Found("DATE", "XXXX", relative=True, anaphor=("year", 0))
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    span = timex.year(c.dct.year)
    return Found("DATE", span.value, span, mod_code(m["mod"]), relative=True)


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
    part = "night" if m["word"].lower() == "tonight" else part_of_day(m.group(0))
    return in_part_of_day(Found("DATE", span.value, span, relative=True, future=offset > 0), part)


def this_part(m: Hit, c: Context) -> Found | None:
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    return in_part_of_day(Found("DATE", c.dct.isoformat(), timex.day(c.dct), relative=True), part_of_day(m.group(0)))


def last_night(m: Hit, c: Context) -> Found | None:
    """"Last night": the evening before publication (HeidelTime: DCT - 1)."""
    if not c.dct:
        return Found("DATE", "XXXX-XX-XX", relative=True)
    span = resolve.shift(c.dct, "day", -1)
    return in_part_of_day(Found("DATE", span.value, span, relative=True), "night")


def weekday(m: Hit, c: Context) -> Found | None:
    number = weekday_number(m["wd"])
    rel = (m["rel"] or "").lower()
    if number is None:
        return None
    if not c.dct:
        return Found("DATE", f"XXXX-WXX-{number + 1}", relative=True)
    future = rel in ("next", "coming") or (rel not in ("last", "past") and c.future(m.start(), m.end()))
    d = resolve.weekday(c.dct, number, future, strict=rel in ("last", "past", "next"))
    return in_part_of_day(Found("DATE", d.isoformat(), timex.day(d), relative=True, future=future), part_of_day(m.group(0)))


def weekend(m: Hit, c: Context) -> Found | None:
    rel = (m["rel"] or "").lower()
    if not c.dct:
        return Found("DATE", "XXXX-WXX-WE", relative=True)
    future = rel in ("next", "coming") or (rel not in ("last", "past") and c.future(m.start(), m.end()))
    span = resolve.weekend(c.dct, future, strict=rel in ("last", "past", "next"))
    return Found("DATE", span.value, span, relative=True, future=future)


WEEKEND = 5  # date.weekday() of Saturday
_MODAL_BEFORE = re.compile(r"\b(?:will|shall|wo n't|won't|going to|(?:is|are) (?:set |due |expected |scheduled )?to)\s"
                           r"[^,;:.!?]*$", re.I)


def rel_unit(m: Hit, c: Context) -> Found | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if not c.dct:
        return Found("DATE", "XXXX", relative=True)
    amount = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    # "will confess … this week" is a plan of the week; in a weekend paper, of the week ahead (only
    # after a modal of its own clause: "a plan to bail out … failed this week" is past)
    ahead = amount == 0 and _MODAL_BEFORE.search(c.text, c.sentence(m.start())[0], m.start()) is not None \
        and c.future(m.start(), m.end())
    if ahead and unit == "week" and c.dct.weekday() >= WEEKEND:
        amount = 1
    span = resolve.shift(c.dct, unit, amount)
    return Found("DATE", span.value, span, mod_code(m["mod"]), relative=True, future=amount > 0 or ahead)


def anaphoric(m: Hit, c: Context) -> Found | None:
    """"the next day", "the day before", "the following week"; "the next morning" is the next day."""
    amount = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1, "before": -1,
              "earlier": -1, "same": 0}[m["rel"].lower()]
    return Found("DATE", "XXXX", relative=True, anaphor=((m["unit"] or "day").lower(), amount))


_EVENT_AFTER = re.compile(r"\s+(?:[\w“\"'‘])")  # words after "N days before": the event it counts from


def ago(m: Hit, c: Context) -> Found | None:
    n, unit = number_value(m["n"]), m["unit"].lower()
    if unit not in ("day", "week", "month", "quarter", "year", "decade", "fortnight"):
        return None
    if n is None:  # "several years ago": some time back, as TimeML writes it
        return Found("DATE", "PAST_REF", relative=True) if m["dir"].lower() == "ago" else None
    if unit == "fortnight":
        unit, n = "week", n * 2
    if m["dir"].lower() == "later":  # "one year later" counts from the date just named, not from today
        return Found("DATE", "XXXX", relative=True, anaphor=(unit, int(n)))
    if m["dir"].lower() == "before" and _EVENT_AFTER.match(c.text, m.end()):
        # "two days before he died", "a week before the vote" count from that event, not from today: the
        # stretch of time, as TimeML marks it
        return Found("DURATION", duration_value(n, unit))
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
    n = number_value(m["n"] or m["n2"] or "1")
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
