"""Expressions that need the publication date to mean a date: "last week", "in March".

Tense decides the direction of the ambiguous ones: a bare "in March" or "on Monday"
is the latest one for a past (or reported present) event and the next one for a
future event, and "this week" never reaches past publication for a past event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from newsevents.model import Granularity
from newsevents.time import _calendar as cal
from newsevents.time._absolute import Span, group, key, month_number, narrow
from newsevents.time._calendar import Tense, Unit
from newsevents.time._patterns import Found
from newsevents.time._vocab import Vocabulary

# How precise an expression is, known without resolving it: what an unanchored
# expression (no publication date) still says.
_GRANULARITY: dict[str, Granularity] = {
    "month": "month",
    "month_day": "day",
    "day_month": "day",
    "weekday": "day",
    "day_word": "day",
}


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a relative expression is resolved against."""

    vocab: Vocabulary
    published: date
    tense: Tense


def _unit(m: re.Match[str]) -> Unit:
    return cast(Unit, m["unit"].lower())


def _count(m: re.Match[str], vocab: Vocabulary) -> int | None:
    """The number written before a unit ("two", "3"); None when none is written."""
    n = group(m, "n")
    if n is None:
        return None
    return int(n) if n.isdecimal() else vocab.numbers[key(n)]


def _month(m: re.Match[str], a: Anchor) -> Span:
    month, pub = month_number(m, a.vocab), a.published
    ahead = a.tense == "future"
    year = pub.year + (month < pub.month) if ahead else pub.year - (month > pub.month)
    interval = narrow(cal.month_of(year, month), "month", m, a.vocab)
    return (*cal.clip(interval, pub, a.tense), "month")


def _month_day(m: re.Match[str], a: Anchor) -> Span | None:
    month, day, pub = month_number(m, a.vocab), int(m["d"]), a.published
    step = 1 if a.tense == "future" else -1
    for years in range(5):  # a 29 February can be four years away
        try:
            candidate = date(pub.year + step * years, month, day)
        except ValueError:
            continue
        if (candidate >= pub) if step > 0 else (candidate <= pub):
            return candidate, candidate, "day"
    return None  # no such day: "February 30"


def _weekday(m: re.Match[str], a: Anchor) -> Span:
    rel = group(m, "rel")
    offset = a.vocab.offsets[key(rel)] if rel else None
    day = cal.weekday_near(a.published, a.vocab.weekdays[m["wd"].lower()], offset, a.tense)
    return day, day, "day"


def _relative(m: re.Match[str], a: Anchor) -> Span:
    """ "last week", "this month", "earlier this year", "late last year", "next weekend"."""
    unit, offset, pub = m["unit"].lower(), a.vocab.offsets[key(m["rel"])], a.published
    if unit == "weekend":
        return (*cal.clip(cal.weekend_near(pub, offset, a.tense), pub, a.tense), "range")
    unit = cast(Unit, unit)
    interval = cal.unit_of(cal.shift(pub, unit, offset), unit)
    split = group(m, "split")
    if split and offset == 0:
        # "earlier this month" ends at publication, "later this month" starts there.
        start, end = interval
        interval = (start, pub) if split.lower() == "earlier" else (pub, end)
    elif split:
        interval = cal.part_of(interval, unit, 1 if split.lower() == "earlier" else 3)
    else:
        # Only "this ..." can straddle publication; clipping leaves the others alone.
        interval = cal.clip(narrow(interval, unit, m, a.vocab), pub, a.tense)
    return (*interval, unit)


def _weekend(m: re.Match[str], a: Anchor) -> Span:
    interval = cal.weekend_near(a.published, None, a.tense)
    return (*cal.clip(interval, a.published, a.tense), "range")


def _window(m: re.Match[str], a: Anchor) -> Span:
    """ "the past two weeks", "the next few days", "the last year": up to or from publication."""
    unit, pub, n = _unit(m), a.published, _count(m, a.vocab)
    forward = m["dir"].lower() in {"next", "coming"}
    if n is None and (group(m, "vague") or group(m, "plural")):
        days = timedelta(days=a.vocab.windows[unit])
        far = pub + days if forward else pub - days
    else:
        far = cal.shift(pub, unit, (n or 1) * (1 if forward else -1))
    return (pub, far, "range") if forward else (far, pub, "range")


def _recent(m: re.Match[str], a: Anchor) -> Span:
    pub = a.published
    return pub - timedelta(days=a.vocab.windows[_unit(m)]), pub, "range"


def _ago(m: re.Match[str], a: Anchor) -> Span:
    """ "three days ago" is that day; "days earlier", "a few weeks ago" a window back."""
    unit, pub, n = _unit(m), a.published, _count(m, a.vocab)
    if n is not None and m["dir"].lower() == "ago":
        return (*cal.unit_of(cal.shift(pub, unit, -n), unit), unit)
    if n is None:
        return pub - timedelta(days=a.vocab.windows[unit]), pub, "range"
    return cal.shift(pub, unit, -n), pub, "range"


def _step(day: date, unit: Unit, count: int) -> Span:
    """The day, week, month or year `count` of them from `day`."""
    if unit == "day":
        moved = day + timedelta(days=count)
        return moved, moved, "day"
    return (*cal.unit_of(cal.shift(day, unit, count), unit), unit)


def _sequel(m: re.Match[str], a: Anchor) -> Span:
    """ "the following year", "the previous day": counted from the anchor."""
    return _step(a.published, _unit(m), a.vocab.sequels[key(m["seq"])])


def _sequel_mark(m: re.Match[str], a: Anchor) -> Span:
    """ "the day after", "the week before", closing a clause: one unit from the anchor."""
    return _step(a.published, _unit(m), 1 if m["mark"].lower() == "after" else -1)


def _later(m: re.Match[str], a: Anchor) -> Span:
    """ "two days later" is that day after the anchor; "days later" a window after it."""
    unit, n = _unit(m), _count(m, a.vocab)
    if n is None:
        return a.published, a.published + timedelta(days=a.vocab.windows[unit]), "range"
    return _step(a.published, unit, n)


# Kinds counted from the date the text last set, when the caller knows one.
SEQUELS = frozenset({"sequel", "sequel_mark", "later"})


def _day_word(m: re.Match[str], a: Anchor) -> Span:
    day = a.published + timedelta(days=a.vocab.day_words[key(m["word"])])
    return day, day, "day"


def _adverb(m: re.Match[str], a: Anchor) -> Span:
    return a.published - timedelta(days=a.vocab.adverbs[key(m["adverb"])]), a.published, "range"


RELATIVE: dict[str, Callable[[re.Match[str], Anchor], Span | None]] = {
    "month": _month,
    "month_day": _month_day,
    "day_month": _month_day,
    "weekday": _weekday,
    "relative": _relative,
    "weekend": _weekend,
    "window": _window,
    "recent": _recent,
    "ago": _ago,
    "day_word": _day_word,
    "adverb": _adverb,
    "sequel": _sequel,
    "sequel_mark": _sequel_mark,
    "later": _later,
}


def unanchored_granularity(found: Found) -> Granularity:
    """The granularity an expression would resolve to, for when it cannot be resolved."""
    m = found.match
    if found.kind == "relative" and m["unit"].lower() != "weekend":
        return _unit(m)
    if found.kind == "ago" and group(m, "n") and m["dir"].lower() == "ago":
        return _unit(m)
    if found.kind in {"sequel", "sequel_mark"} or (found.kind == "later" and group(m, "n")):
        return _unit(m)
    return _GRANULARITY.get(found.kind, "range")
