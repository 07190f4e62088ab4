"""Calendar words and absolute-date patterns, shared by metadata and the temporal tagger.

Only absolute, fully written dates live here ("Mar 30, 2016, 7:16 am", "2016-03-29 23:34");
relative expressions ("on Tuesday", "last May") are the tagger's business in timeline/.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                       "oct": 10, "nov": 11, "dec": 12}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                         "sat": 5, "sun": 6}
MONTHS = {**{name: i for i, name in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}
WEEKDAYS = {**{name: i for i, name in enumerate(WEEKDAY_NAMES)}, **WEEKDAY_ABBREVIATIONS}
DAY_WORDS = ("yesterday", "today", "tomorrow")

# Full names first so that the alternation prefers "March" over "Mar".
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
CLOCK = r"(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?::[0-5][0-9])?(?:\s*[ap]\.?m\.?)?"

_TIME = rf"(?P<time>{CLOCK})"
_DATE_LINE = re.compile(
    rf"""(?ix)
    (?:{WEEKDAY},?\s+)?
    (?:
        (?P<iy>{YEAR})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9])
      | (?P<m1>{MONTH})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR})
      | (?P<d2>{DAY})\s+(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR})
    )
    (?:[,\sT|]+(?:at\s+)?{_TIME})?
    """
)


_CLOCK_BEFORE = re.compile(rf"(?i)\b({CLOCK})(?:\s*[A-Z]{{2,4}})?\s*[,|]?\s*$")


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("Sept." included), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """0 (Monday) – 6 (Sunday) for a weekday name or abbreviation, else None."""
    return WEEKDAYS.get(word.lower().rstrip("."))


def find_absolute_date(text: str) -> tuple[str, int, int] | None:
    """The first fully written date in `text` as (ISO value, start, end), time kept if given."""
    for match in _DATE_LINE.finditer(text):
        iso = _iso(match)
        if not iso:
            continue
        if "T" not in iso:  # "Updated 2:34 PM ET, Tue March 29, 2016": the time may come first
            before = _CLOCK_BEFORE.search(text[max(0, match.start() - 30):match.start()])
            clock = _clock(before.group(1)) if before else None
            iso = f"{iso}T{clock}" if clock else iso
        return iso, match.start(), match.end()
    return None


def _iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    month: int | None
    if g["iy"]:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["m1"]:
        year, month, day = int(g["y1"]), month_number(g["m1"]), _day(g["d1"])
    else:
        year, month, day = int(g["y2"]), month_number(g["m2"]), _day(g["d2"])
    try:
        value = date(year, month or 0, day).isoformat()
    except ValueError:
        return None
    clock = _clock(g["time"]) if g["time"] else None
    return f"{value}T{clock}" if clock else value


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _clock(text: str) -> str | None:
    """'7:16 am' -> '07:16'; '19:48:38' -> '19:48'."""
    m = re.match(r"(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap])?", text, re.I)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if m.group(3):
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}"


def parse_date(text: str) -> str | None:
    """A date as a container wrote it ("2016-03-29", "Tue, 29 Mar 2016 19:48:38 GMT", "29/03/2016").

    Our own patterns first; dateparser for the rest (`normalise_numeric`).
    """
    text = text.strip()
    found = find_absolute_date(text)
    if found:
        return found[0]
    parsed = _dateparser(text)
    if parsed is None:
        return None
    has_time = bool(parsed.hour or parsed.minute)
    return parsed.isoformat(timespec="minutes")[:16] if has_time else parsed.date().isoformat()


@lru_cache(maxsize=4096)
def normalise_numeric(text: str) -> date | None:
    """The day a found numeric date names ("03/29/2016", "29.03.16"), or None."""
    parsed = _dateparser(text)
    return parsed.date() if parsed else None


def _dateparser(text: str) -> datetime | None:
    """dateparser (imported only here: it is slow to import) with the one set of settings we use.

    Its search for a missing day is disabled, so "March 2016" does not become the 1st;
    a string it cannot read, or reads outside the calendar, is None.
    """
    import dateparser

    try:
        parsed = dateparser.parse(text[:100], languages=["en"], settings={
            "REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["timestamp", "custom-formats", "absolute-time"]})
    except (ValueError, OverflowError):
        return None
    return parsed if isinstance(parsed, datetime) else None
