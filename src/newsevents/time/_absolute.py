"""Expressions that carry their own year: ISO and written dates, month and year.

dateparser reads complete written dates ("Jan. 10th, 2025", "the 10th of January
2025"), under settings where it returns None rather than guessing; the rest is
plain calendar arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from newsevents.model import Granularity
from newsevents.time import _calendar as cal
from newsevents.time._calendar import Interval, Unit
from newsevents.time._vocab import Vocabulary

Span = tuple[date, date, Granularity]

# Only the absolute-time parser, and only with day, month and year all written:
# otherwise dateparser answers "last week", "Monday" or "March" with a date it
# makes up from the current day, which an event date must never be.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_LETTER = re.compile(r"[^\W\d_]")


def group(m: re.Match[str], name: str) -> str | None:
    """A named group's text; None when the pattern lacks it or it did not take part."""
    return m.groupdict().get(name)


def key(words: str) -> str:
    """Words as the vocabulary spells its keys: lower case, single spaces."""
    return " ".join(words.lower().split())


def month_number(m: re.Match[str], vocab: Vocabulary) -> int:
    name = m["mon"].rstrip(".")
    return vocab.months.get(name) or vocab.months[name.title()]  # "SEPT" as "Sept"


def narrow(interval: Interval, unit: Unit, m: re.Match[str], vocab: Vocabulary) -> Interval:
    """The early/mid/late third of an interval when the expression names one."""
    part = group(m, "part")
    return cal.part_of(interval, unit, vocab.parts[key(part)]) if part else interval


def parse_full_date(text: str) -> date | None:
    """A written date with day, month and year; None for anything less or invalid.

    Digits-only forms other than ISO are refused: "01/02/2025" is January in the
    US and February elsewhere, and a wrong day is worse than none.
    """
    if not _LETTER.search(text):
        return None
    import dateparser  # 0.1 s to import: only when a date is written out

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def _day_iso(m: re.Match[str], vocab: Vocabulary) -> Span | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:  # 2025-02-30
        return None
    return day, day, "day"


def _day_written(m: re.Match[str], vocab: Vocabulary) -> Span | None:
    # Hand dateparser the date without its "on" or "since": it reads dates, not phrases.
    start = next((m.end(g) for g in ("prep", "since") if group(m, g)), m.start())
    day = parse_full_date(m.string[start : m.end()])
    return (day, day, "day") if day else None


def _month_year(m: re.Match[str], vocab: Vocabulary) -> Span:
    start, end = narrow(cal.month_of(int(m["y"]), month_number(m, vocab)), "month", m, vocab)
    return start, end, "month"


def _year(m: re.Match[str], vocab: Vocabulary) -> Span:
    start, end = narrow(cal.year_of(int(m["y"])), "year", m, vocab)
    return start, end, "year"


ABSOLUTE: dict[str, Callable[[re.Match[str], Vocabulary], Span | None]] = {
    "day_iso": _day_iso,
    "day_mdy": _day_written,
    "day_dmy": _day_written,
    "month_year": _month_year,
    "year": _year,
}
