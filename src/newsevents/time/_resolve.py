"""Date expressions in a sentence, resolved against the publication date.

Relative expressions ("last week", "earlier this month", "in March") are resolved
here with calendar arithmetic, because their meaning depends on tense and on the
week/month boundaries that dateparser does not model; absolute dates ("January 10,
2025", "10 January 2025") go through dateparser with strict settings, so that an
unparseable string yields nothing rather than today's date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

import dateparser

from newsevents.model import EventDate, Granularity

Tense = Literal["past", "present", "future"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS |= {"sept": 9}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR = r"(?:19|20)\d\d"
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 4}

# Each pattern names the resolver that turns its match into an interval.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>" + _YEAR + r")-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    (
        "mdy",
        r"\b(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>" + _YEAR + r")\b",
    ),
    ("dmy", r"\b(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH + r")\s+(?P<y>" + _YEAR + r")\b"),
    (
        "month_year",
        r"\b(?:in\s+|early\s+|mid-?|late\s+)?(?P<mon>" + _MONTH + r")\s+(?P<y>" + _YEAR + r")\b",
    ),
    ("since_month", r"\bsince\s+(?P<part>early\s+|mid-?|late\s+)?(?P<mon>" + _MONTH + r")\b"),
    (
        "month_day",
        r"\b(?:on\s+)?(?P<mon>"
        + _MONTH
        + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)",
    ),
    (
        "in_month",
        r"\b(?:(?:in|early|late|since|by|until)\s+|mid-?\s*)(?:early\s+|mid-?|late\s+)?(?P<mon>"
        + _MONTH
        + r")\b(?!\s+\d)",
    ),
    ("year", r"\b(?:in|since|during|by|until|of)\s+(?P<y>" + _YEAR + r")\b"),
    ("weekday", r"\b(?P<rel>last|this|next|on)\s+(?P<wd>" + _WEEKDAY + r")\b"),
    ("earlier", r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b"),
    ("relative", r"\b(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year)\b"),
    ("recent", r"\b(?:in\s+)?recent\s+(?P<unit>days|weeks|months)\b"),
    ("recently", r"\brecently\b"),
    ("days_ago", r"\b(?:days|a\s+few\s+days)\s+(?:earlier|ago|before)\b"),
    ("nday", r"\b(?P<word>yesterday|today|tomorrow)\b"),
]
_COMPILED = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in _PATTERNS]


def find_date_expressions(sentence: str) -> list[tuple[str, int, int]]:
    """Date expressions in a sentence with character spans, left to right, no overlaps."""
    found: list[tuple[str, int, int]] = []
    for _, regex in _COMPILED:
        for match in regex.finditer(sentence):
            start, end = match.span()
            if not any(s < end and start < e for _, s, e in found):
                found.append((match.group(0), start, end))
    return sorted(found, key=lambda f: f[1])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int, expression: str) -> EventDate:
    return EventDate(
        date(year, month, 1), _month_end(year, month), "month", expression, "expression"
    )


def _span(start: date, end: date, granularity: Granularity, expression: str) -> EventDate:
    return EventDate(start, end, granularity, expression, "expression")


def _anchored(name: str, m: re.Match[str], pub: date, tense: Tense, text: str) -> EventDate | None:
    """Resolvers for expressions that need the publication date."""
    forward = tense == "future"
    if name == "since_month":
        month = _MONTHS[m["mon"].lower().rstrip(".")]
        year = pub.year if month <= pub.month else pub.year - 1
        return _span(date(year, month, 1), pub, "range", text)
    if name in {"in_month", "month_day"}:
        month = _MONTHS[m["mon"].lower().rstrip(".")]
        year = pub.year + (month < pub.month) if forward else pub.year - (month > pub.month)
        if name == "month_day":
            day_of_month = min(int(m["d"]), calendar.monthrange(year, month)[1])
            exact = date(year, month, day_of_month)
            return _span(exact, exact, "day", text)
        return _month(year, month, text)
    if name == "weekday":
        target = _WEEKDAYS[m["wd"].lower()]
        if m["rel"].lower() == "next" or (forward and m["rel"].lower() != "last"):
            delta = (target - pub.weekday()) % 7 or 7
        else:
            delta = -((pub.weekday() - target) % 7 or (7 if m["rel"].lower() == "last" else 0))
        day = pub + timedelta(days=delta)
        return _span(day, day, "day", text)
    if name in {"relative", "earlier"}:
        return _relative_unit(m, pub, text, name == "earlier")
    if name == "recent":
        days = {"days": 7, "weeks": 28, "months": 90}[m["unit"].lower()]
        return _span(pub - timedelta(days=days), pub, "range", text)
    if name == "recently":
        return _span(pub - timedelta(days=30), pub, "range", text)
    if name == "days_ago":
        return _span(pub - timedelta(days=7), pub, "range", text)
    if name == "nday":
        day = pub + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m["word"].lower()])
        return _span(day, day, "day", text)
    return None


def _relative_unit(m: re.Match[str], pub: date, text: str, earlier: bool) -> EventDate:
    unit = m["unit"].lower()
    rel = "this" if earlier else m["rel"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        end = monday + timedelta(days=6)
        return _span(monday, min(end, pub) if step == 0 else end, "week", text)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        year, month = divmod(index, 12)
        result = _month(year, month + 1, text)
        if step == 0:
            result.end = pub
        return result
    year = pub.year + step
    end = date(year, 12, 31) if step else pub
    return _span(date(year, 1, 1), end, "year", text)


def _absolute(name: str, m: re.Match[str], text: str) -> EventDate | None:
    """Resolvers for expressions that carry their own year."""
    if name == "iso":
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return _span(day, day, "day", text)
    if name in {"mdy", "dmy"}:
        parsed = dateparser.parse(
            f"{m['d']} {m['mon']} {m['y']}",
            languages=["en"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        return _span(parsed.date(), parsed.date(), "day", text) if parsed else None
    if name == "month_year":
        return _month(int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")], text)
    if name == "year":
        year = int(m["y"])
        return _span(date(year, 1, 1), date(year, 12, 31), "year", text)
    return None


def resolve_expression(
    expression: str, published: date | None, *, tense: Tense = "past"
) -> EventDate | None:
    """The interval an expression denotes; None when it is not a date expression."""
    for name, regex in _COMPILED:
        match = regex.search(expression)
        if match is None:
            continue
        text = match.group(0)
        absolute = _absolute(name, match, text)
        if absolute is not None:
            return absolute
        if name in {"iso", "mdy", "dmy", "month_year", "year"}:
            continue
        if published is None:
            return EventDate(None, None, None, text, "expression-unanchored")
        return _anchored(name, match, published, tense, text)
    return None


def event_date(
    sentence: str,
    published: date | None,
    *,
    tense: Tense = "past",
    hints: Sequence[str] = (),
) -> EventDate:
    """The date of an event in `sentence`: its most specific date expression, else the
    publication day, else unknown. Never today's date."""
    candidates = [text for text, _, _ in find_date_expressions(sentence)]
    candidates += [hint for hint in hints if hint not in candidates]
    resolved = [r for r in (resolve_expression(c, published, tense=tense) for c in candidates) if r]
    anchored = [r for r in resolved if r.start is not None]
    if anchored:
        return min(anchored, key=lambda r: _RANK.get(r.granularity or "range", 5))
    if resolved:
        return resolved[0]
    if published is not None:
        return EventDate(published, published, "day", None, "publication")
    return EventDate(None, None, None, None, "unknown")
