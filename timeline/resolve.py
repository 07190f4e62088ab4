"""Calendar arithmetic against the document creation time (the publication date).

These are the news-tagging rules of HeidelTime and SUTime: in past-tense reporting a bare
weekday is the latest such day on or before publication; a month without a year is the
latest such month up to publication; future tense looks forward instead.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import timex
from .timex import TimeSpan


def weekday(dct: date, number: int, future: bool, strict: bool = False) -> date:
    """The weekday `number` (0 = Monday) nearest before (or after, if `future`) `dct`.

    `strict` excludes the publication day itself ("last Sunday" on a Sunday is a week ago).
    """
    if future:
        ahead = (number - dct.weekday()) % 7 or 7
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


def looks_ahead(days_back: int, days_ahead: int) -> bool:
    """Whether an unmarked "June 24" is the coming one: news names dates near publication, so a
    date two months or more back is read forward when its next occurrence is less than half as far."""
    return days_back > 60 and 2 * days_ahead < days_back


def day_without_year_nearest(dct: date, month_: int, day_: int, tense: bool | None) -> tuple[date | None, bool]:
    """The date of "June 24" and whether it lies ahead: as the tense says (True future, False past),
    or, when it says nothing, forward only if that is much nearer."""
    back = day_without_year(dct, month_, day_, False)
    ahead = day_without_year(dct, month_, day_, True)
    if tense or (tense is None and back and ahead and looks_ahead((dct - back).days, (ahead - dct).days)):
        return ahead, ahead is not None and ahead > dct
    return back, False


def month_without_year_nearest(dct: date, number: int, tense: bool | None, strict: bool = False) -> tuple[int, bool]:
    """The year of "in June" and whether it lies ahead, by tense or by nearness as for days."""
    back = month_without_year(dct, number, False, strict)
    ahead = month_without_year(dct, number, True, strict)
    months_back = (dct.year - back) * 12 + dct.month - number
    months_ahead = (ahead - dct.year) * 12 + number - dct.month
    if tense or (tense is None and looks_ahead(months_back * 30, months_ahead * 30)):
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
