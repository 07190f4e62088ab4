"""Temporal values: a TimeSpan on the calendar and a Timex (an expression found in text)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class TimeSpan:
    """A stretch of calendar time with the granularity it is known to, and its TIMEX3 value."""

    start: date
    end: date
    granularity: str
    value: str  # TIMEX3: 2016-03-27, 2016-03, 2016-W12-WE, 2015-Q4, 2015-SU, 2015, 199
    certain: bool = True

    def iso(self) -> str:
        """The date as JSON gives it: the TIMEX3 value, the start day of a range, and for decades
        and centuries the EDTF form (TIMEX3 "199" is "199X", "19" is "19XX"), which programs read."""
        if self.granularity == "range":
            return self.start.isoformat()
        if self.granularity in ("decade", "century"):
            return self.value.ljust(4, "X")
        return self.value

    def iso_end(self) -> str | None:
        """For a range, its last day; else None."""
        return self.end.isoformat() if self.granularity == "range" else None


@dataclass(frozen=True)
class Timex:
    """A temporal expression: its character span, text, TIMEX3 type and value, and resolution."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    span: TimeSpan | None = None  # the calendar time of a DATE or TIME, when resolved
    mod: str | None = None  # START, MID, END, BEFORE, AFTER (TIMEX3 mod)
    relative: bool = False  # resolved against the publication date
    future: bool = False  # refers to after the publication date
    subordinate: bool = False  # inside a since/after/until clause or a relative clause
    parts: tuple[Timex, ...] = ()  # a range's two ends, as found ("between 1994 and 1997")

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                                  "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        if self.span and self.span.granularity == "range":
            out["range"] = [self.span.start.isoformat(), self.span.end.isoformat()]
        return out


def day(d: date) -> TimeSpan:
    return TimeSpan(d, d, "day", d.isoformat())


def month(year: int, number: int) -> TimeSpan:
    last = calendar.monthrange(year, number)[1]
    return TimeSpan(date(year, number, 1), date(year, number, last), "month", f"{year:04d}-{number:02d}")


def year(number: int) -> TimeSpan:
    return TimeSpan(date(number, 1, 1), date(number, 12, 31), "year", f"{number:04d}")


def quarter(year_: int, number: int) -> TimeSpan:
    first = 3 * (number - 1) + 1
    end = month(year_, first + 2).end
    return TimeSpan(date(year_, first, 1), end, "quarter", f"{year_:04d}-Q{number}")


def half(year_: int, number: int) -> TimeSpan:
    return TimeSpan(date(year_, 1 if number == 1 else 7, 1), date(year_, 6, 30) if number == 1 else date(year_, 12, 31),
                    "half", f"{year_:04d}-H{number}")


def season(year_: int, code: str) -> TimeSpan:
    first, last = SEASONS[code]
    end_year = year_ + 1 if code == "WI" else year_
    return TimeSpan(date(year_, first, 1), month(end_year, last).end, "season", f"{year_:04d}-{code}")


def week(monday: date) -> TimeSpan:
    iso = monday.isocalendar()
    return TimeSpan(monday, monday + timedelta(days=6), "week", f"{iso[0]:04d}-W{iso[1]:02d}")


def weekend(saturday: date) -> TimeSpan:
    iso = saturday.isocalendar()
    return TimeSpan(saturday, saturday + timedelta(days=1), "week", f"{iso[0]:04d}-W{iso[1]:02d}-WE")


def decade(first_year: int) -> TimeSpan:
    return TimeSpan(date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade", f"{first_year // 10:03d}")


def century(first_year: int) -> TimeSpan:
    """The 20th century: 1900-1999, TIMEX3 value "19" (as TimeML and HeidelTime write it)."""
    return TimeSpan(date(max(first_year, 1), 1, 1), date(first_year + 99, 12, 31), "century", f"{first_year // 100:02d}")


def between(a: TimeSpan, b: TimeSpan) -> TimeSpan:
    """The range from the earlier span's start to the later span's end."""
    first, last = (a, b) if a.start <= b.start else (b, a)
    return TimeSpan(first.start, last.end, "range", f"{first.value}/{last.value}", a.certain and b.certain)


def uncertain(span: TimeSpan) -> TimeSpan:
    return TimeSpan(span.start, span.end, span.granularity, span.value, False)
