"""Calendar arithmetic against the document creation time (the publication date).

These are the news-tagging rules of HeidelTime and SUTime: in past-tense reporting a bare
weekday is the latest such day on or before publication; a month without a year is the
latest such month up to publication; future tense looks forward instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from storyline.timeline import timex
from storyline.timeline.timex import TimeSpan


def weekday(dct: date, number: int, future: bool, strict: bool = False) -> date:
    """The weekday `number` (0 = Monday) nearest before (or after, if `future`) `dct`.

    `strict` excludes the publication day itself ("last Sunday" on a Sunday is a week ago).
    """
    if future:
        ahead = (number - dct.weekday()) % 7 or (7 if strict else 0)
        return dct + timedelta(days=ahead)
    back = (dct.weekday() - number) % 7
    if back == 0 and strict:
        back = 7
    return dct - timedelta(days=back)


def month_without_year(dct: date, number: int, future: bool, strict: bool = False) -> int:
    """The year of month `number`: the latest up to `dct` (or the next from it, if `future`)."""
    if future:
        return dct.year if number > dct.month or (number == dct.month and not strict) else dct.year + 1
    return dct.year if number < dct.month or (number == dct.month and not strict) else dct.year - 1


def day_without_year(dct: date, month_: int, day_: int, future: bool) -> date | None:
    """The date of "March 24": the latest on or before `dct`, or the next on or after it if `future`."""
    for year_ in ((dct.year, dct.year + 1) if future else (dct.year, dct.year - 1)):
        try:
            candidate = date(year_, month_, day_)
        except ValueError:
            continue
        if (candidate >= dct) if future else (candidate <= dct):
            return candidate
    return None


def looks_ahead(tense: bool | None, days_back: int, days_ahead: int) -> bool:
    """Whether an unmarked "June 24" is the coming one rather than the last.

    A simple past looks back ("In May, ISIS took the city"). Otherwise news names dates near
    publication, so nearness can overrule the future: "will hold … Aug. 7" in an Aug. 18 story is
    the Aug. 7 just gone; with no tense, the nearer way wins if it is less than half as far.
    """
    if tense is False:
        return False
    if tense is True:
        return not (days_ahead > 60 and 3 * days_back < days_ahead)
    return days_back > 60 and 2 * days_ahead < days_back


def day_without_year_nearest(dct: date, month_: int, day_: int, tense: bool | None) -> tuple[date | None, bool]:
    """The date of "June 24" and whether it lies ahead, by tense (True future, False past) and nearness."""
    back = day_without_year(dct, month_, day_, False)
    ahead = day_without_year(dct, month_, day_, True)
    if back is None or ahead is None:
        chosen = back or ahead
        return chosen, chosen is not None and chosen > dct
    if looks_ahead(tense, (dct - back).days, (ahead - dct).days):
        return ahead, ahead > dct
    return back, False


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),  # fourth Thursday of November (US)
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),  # Tuesday after the first Monday
}


def _nth_weekday(year_: int, month_: int, weekday_: int, n: int) -> date:
    first = date(year_, month_, 1)
    return first + timedelta(days=(weekday_ - first.weekday()) % 7 + 7 * (n - 1))


def holiday(dct: date, name: str, tense: bool | None, rel: str = "") -> date:
    """The holiday's date in the year the context points to: "last Christmas", "at Easter" (as for days)."""
    on = HOLIDAYS[name]
    back = on(dct.year) if on(dct.year) <= dct else on(dct.year - 1)
    ahead = on(dct.year) if on(dct.year) >= dct else on(dct.year + 1)
    if rel == "last":
        return back if back < dct else on(dct.year - 1)
    if rel == "next":
        return ahead if ahead > dct else on(dct.year + 1)
    return ahead if looks_ahead(tense, (dct - back).days, (ahead - dct).days) else back


def month_without_year_nearest(dct: date, number: int, tense: bool | None, strict: bool = False) -> tuple[int, bool]:
    """The year of "in June" and whether it lies ahead, by tense or by nearness as for days."""
    back = month_without_year(dct, number, False, strict)
    ahead = month_without_year(dct, number, True, strict)
    months_back = (dct.year - back) * 12 + dct.month - number
    months_ahead = (ahead - dct.year) * 12 + number - dct.month
    if looks_ahead(tense, months_back * 30, months_ahead * 30):
        return ahead, (ahead, number) > (dct.year, dct.month)
    return back, False


def shift(dct: date, unit: str, amount: int) -> TimeSpan:
    """The `unit` (day, week, month, quarter, year, decade) `amount` units away from `dct`'s."""
    if unit == "day":
        return timex.day(dct + timedelta(days=amount))
    if unit == "week":
        monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=amount)
        return timex.week(monday)
    if unit == "month":
        index = dct.year * 12 + dct.month - 1 + amount
        return timex.month(index // 12, index % 12 + 1)
    if unit == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + amount
        return timex.quarter(index // 4, index % 4 + 1)
    if unit == "year":
        return timex.year(dct.year + amount)
    if unit == "decade":
        return timex.decade((dct.year // 10 + amount) * 10)
    raise ValueError(unit)


def season_without_year(dct: date, code: str, future: bool, strict: bool = False) -> TimeSpan:
    """The season `code` (SP, SU, FA, WI) latest up to `dct`, or next from it if `future`."""
    here = timex.season(dct.year, code)
    if code == "WI" and dct.month <= 2:
        here = timex.season(dct.year - 1, code)
    contains = here.start <= dct <= here.end
    if future:
        if here.start > dct or (contains and not strict):
            return here
        return timex.season(int(here.value[:4]) + 1, code)
    if here.start <= dct and not (contains and strict):
        return here
    return timex.season(int(here.value[:4]) - 1, code)


def weekend(dct: date, future: bool, strict: bool = False) -> TimeSpan:
    """The weekend latest up to `dct` (the current one on a Saturday or Sunday), or the next one."""
    saturday = dct - timedelta(days=(dct.weekday() - 5) % 7)
    if future:
        if saturday + timedelta(days=1) < dct or strict:
            saturday += timedelta(days=7)
    elif strict and saturday <= dct <= saturday + timedelta(days=1):
        saturday -= timedelta(days=7)
    return timex.weekend(saturday)
