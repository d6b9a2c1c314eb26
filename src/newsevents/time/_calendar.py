"""Calendar arithmetic on inclusive date intervals; weeks start on Monday (ISO 8601)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Interval = tuple[date, date]
Unit = Literal["day", "week", "month", "year"]
Tense = Literal["past", "present", "future"]


def month_of(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_of(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def unit_of(day: date, unit: Unit) -> Interval:
    """The day, ISO week, month or year that contains `day`."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return month_of(day.year, day.month)
    if unit == "year":
        return year_of(day.year)
    return day, day


def shift(day: date, unit: Unit, count: int) -> date:
    """`day` moved by `count` units; the 31st of a shorter month becomes its last day."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def part_of(interval: Interval, unit: Unit, third: int) -> Interval:
    """The first, second or third third of a unit: "early", "mid", "late".

    A year is cut at whole months (January-April, May-August, September-December),
    anything shorter at days (a month at the 10th and the 20th).
    """
    start, end = interval
    if unit == "year":
        first = month_of(start.year, 4 * third - 3)[0]
        return first, month_of(start.year, 4 * third)[1]
    days = (end - start).days + 1
    return (
        start + timedelta(days=days * (third - 1) // 3),
        start + timedelta(days=days * third // 3 - 1),
    )


def clip(interval: Interval, published: date, tense: Tense) -> Interval:
    """A past event cannot end after publication, nor a future one start before it."""
    start, end = interval
    if tense == "past" and start <= published < end:
        return start, published
    if tense == "future" and start < published <= end:
        return published, end
    return interval


def weekday_near(published: date, target: int, offset: int | None, tense: Tense) -> date:
    """The weekday `target` (0 = Monday) that an expression means.

    "last Sunday" (offset -1) is the latest one strictly before publication, "next"
    (+1) the first strictly after, "this" (0) the one in the publication's week. A
    bare "on Monday" looks back to the latest one on or before publication, or
    forward to the first one after it when the event is in the future.
    """
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if offset is None:
        if tense != "future":
            return published - timedelta(days=back)
        offset = 1
    if offset < 0:
        return published - timedelta(days=(back or 7) + 7 * (-offset - 1))
    if offset > 0:
        return published + timedelta(days=(ahead or 7) + 7 * (offset - 1))
    return unit_of(published, "week")[0] + timedelta(days=target)


def weekend_near(published: date, offset: int | None, tense: Tense) -> Interval:
    """Saturday and Sunday of the weekend meant: a week's (offset) or the nearest one."""
    monday = unit_of(published, "week")[0]
    if offset is None:
        # On a Saturday or Sunday "the weekend" is this one, whatever the tense.
        offset = 0 if published.weekday() >= 5 or tense == "future" else -1
    saturday = monday + timedelta(weeks=offset, days=5)
    return saturday, saturday + timedelta(days=1)
