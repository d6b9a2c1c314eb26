"""Dates measured from another act: "a day after the Taliban swapped hostages", "two
weeks before the vote". The act of the clause is that far from the act it hangs on,
whatever day that one is (the story's day, a date of its own)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import cast

from newsevents.model import EventDate
from newsevents.time import _calendar as cal
from newsevents.time._absolute import key
from newsevents.time._calendar import Unit
from newsevents.time._vocab import load_vocabulary

_MEASURE = re.compile(
    r"(?:(?P<n>\d{1,3}|[^\W\d_]+)\s+)?(?P<unit>hour|day|week|month|year)s?", re.IGNORECASE
)
_HOURS_A_DAY = 24


def measured_date(measure: str, mark: str, anchor: EventDate) -> EventDate | None:
    """The date of an act `measure` ("a day", "18 years", "hours") `mark` ("after",
    "before") an act dated `anchor`; None when the words are no measure ("days", "a few
    weeks": too vague to count) or the anchor has no date."""
    vocab = load_vocabulary()
    direction = vocab.measure_marks.get(key(mark))
    m = _MEASURE.fullmatch(key(measure))
    if direction is None or m is None or anchor.start is None or anchor.end is None:
        return None
    words, unit = m["n"], m["unit"].lower()
    count = (int(words) if words.isdecimal() else vocab.numbers.get(words)) if words else None
    if unit == "hour":  # "hours after": the same day, unless they add up to days
        unit, count = "day", (count or 0) // _HOURS_A_DAY
    if count is None:
        return None
    expression = f"{measure} {mark}"
    if unit == "day":
        step = timedelta(days=direction * count)
        return EventDate(
            anchor.start + step, anchor.end + step, anchor.granularity, expression, "expression"
        )
    unit = cast(Unit, unit)
    start = cal.unit_of(cal.shift(anchor.start, unit, direction * count), unit)[0]
    end = cal.unit_of(cal.shift(anchor.end, unit, direction * count), unit)[1]
    granularity = unit if anchor.granularity == "day" else "range"
    return EventDate(start, end, granularity, expression, "expression")
