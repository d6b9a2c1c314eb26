"""Regular expressions for date expressions, built once from the vocabulary.

Each pattern has a kind that names its resolver. A sentence is scanned with all of
them and the leftmost-longest matches win, so "in 2025-01-10" is one ISO date and
not the year 2025, whatever order the patterns are listed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsevents.time._vocab import Vocabulary, load_vocabulary

# A bare month or year is a date only with a preposition or a part before it:
# "May" alone is a verb as often as a month, "2000" a count as often as a year.
_NEEDS_CONTEXT = frozenset({"month", "year"})
_UNIT = r"(?P<unit>day|week|month|year)"


@dataclass(frozen=True, slots=True)
class Found:
    """One date expression in a text: which pattern matched it, and how."""

    kind: str
    match: re.Match[str]

    @property
    def text(self) -> str:
        return self.match.group(0)


def _alt(words: Iterable[str]) -> str:
    """An alternation of words or phrases, longest first, any spacing inside phrases."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _sources(v: Vocabulary) -> dict[str, str]:
    """The pattern of each kind, as regular-expression source."""
    prefix = rf"(?:(?P<since>since)\s+|(?P<prep>{_alt(v.prepositions)})\s+)?"
    part = rf"(?:(?P<part>{_alt(v.parts)})(?:\s*-\s*|\s+))?"
    # Month names keep their case even though the rest ignores it (see the data file);
    # headlines write them in capitals.
    months = [*v.months, *(name.upper() for name in v.months)]
    # The dot of "Jan. 10" or "Sept. 2024", but not a full stop after "since January."
    mon = rf"(?P<mon>(?-i:{_alt(months)}))\b(?:\.(?=\s*\d))?"
    lead = rf"(?:(?:{_alt(v.weekdays)}),?\s+)?"  # "Monday, September 22": the date decides
    day = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    year = r"(?P<y>(?:19|20)\d\d)\b(?![.,]\d|-\d)"
    count = rf"(?:(?P<n>\d{{1,3}}|{_alt(v.numbers)})\s+|(?P<vague>{_alt(v.vague)})\s+)"
    no_year = r"(?!,?\s*(?:19|20)\d\d)"
    return {
        "day_iso": (
            rf"{prefix}\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
        ),
        "day_mdy": rf"{prefix}{lead}{mon}\s+{day},?\s+{year}",
        "day_dmy": rf"{prefix}{lead}\b(?:the\s+)?{day}\s+(?:of\s+)?{mon},?\s+{year}",
        "month_day": rf"{prefix}{lead}{mon}\s+{day}{no_year}",
        "day_month": rf"{prefix}{lead}\b(?:the\s+)?{day}\s+(?:of\s+)?{mon}{no_year}",
        "month_year": rf"{prefix}{part}{mon},?\s+{year}",
        "month": rf"{prefix}{part}{mon}(?!\s*\d)",
        "year": rf"{prefix}{part}\b{year}",
        # counted from the date the text last set, not from publication
        "sequel": rf"\bthe\s+(?P<seq>{_alt(v.sequels)})\s+{_UNIT}\b",
        "sequel_mark": rf"\bthe\s+{_UNIT}\s+(?P<mark>before|after)\b(?=\s*(?:[,.;:)]|$))",
        "later": rf"\b{count}?{_UNIT}(?P<plural>s)?\s+later\b",
        "weekday": rf"{prefix}(?:(?P<rel>{_alt(v.offsets)})\s+)?\b(?P<wd>{_alt(v.weekdays)})\b",
        "relative": (
            rf"{prefix}(?:(?P<part>{_alt(v.parts)})\s+|(?P<split>earlier|later)\s+)?"
            rf"(?<!\bthe\s)\b(?P<rel>{_alt(v.offsets)})\s+(?P<unit>week|weekend|month|year)\b"
        ),
        "weekend": r"(?:(?:over|during|at)\s+)?\bthe\s+weekend\b",
        "window": (
            r"(?:(?:in|over|during|for|within|throughout)\s+)?\bthe\s+"
            rf"(?P<dir>past|last|next|coming)\s+{count}?{_UNIT}(?P<plural>s)?\b"
        ),
        "recent": rf"(?:(?:in|over|during)\s+)?\b(?:the\s+)?recent\s+{_UNIT}s\b",
        "ago": rf"\b{count}?{_UNIT}(?P<plural>s)?\s+(?P<dir>ago|earlier)\b",
        "day_word": rf"{prefix}\b(?P<word>{_alt(v.day_words)})\b",
        "adverb": rf"\b(?P<adverb>{_alt(v.adverbs)})\b",
    }


def _cores(v: Vocabulary) -> dict[str, str]:
    """What each pattern cannot match without: a cheap test that skips the full pattern,
    whose optional prefixes make it slow to try at every position of a sentence."""
    months = [*v.months, *(name.upper() for name in v.months)]
    numeric = r"\d"
    return {
        "day_iso": numeric,
        "day_mdy": numeric,
        "day_dmy": numeric,
        "month_day": numeric,
        "day_month": numeric,
        "month_year": numeric,
        "year": numeric,
        "month": rf"(?-i:{_alt(months)})",
        "sequel": _alt(v.sequels),
        "sequel_mark": r"before|after",
        "later": r"later",
        "weekday": _alt(v.weekdays),
        "relative": _alt(v.offsets),
        "weekend": r"weekend",
        "window": r"past|last|next|coming",
        "recent": r"recent",
        "ago": r"ago|earlier",
        "day_word": _alt(v.day_words),
        "adverb": _alt(v.adverbs),
    }


@cache
def compiled() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """The patterns of the shipped vocabulary and their cores, compiled once per process."""
    vocabulary = load_vocabulary()
    cores = _cores(vocabulary)
    return tuple(
        (kind, re.compile(source, re.IGNORECASE), re.compile(cores[kind], re.IGNORECASE))
        for kind, source in _sources(vocabulary).items()
    )


def _acceptable(found: Found, whole: bool) -> bool:
    """Whether a match is a date here; `whole` when it is all the text there is."""
    m = found.match
    if found.kind in _NEEDS_CONTEXT:
        return whole or bool(m["since"] or m["prep"] or m["part"])
    if found.kind in {"ago", "later"}:
        return bool(m["n"] or m["vague"] or m["plural"])  # "days ago", not "day ago"
    return True


def scan(text: str, *, loose: bool = False) -> list[Found]:
    """Date expressions in `text`, left to right, none overlapping.

    `loose` also accepts a bare month or year when it is the whole text: a caller
    who hands over "March" or "2025" already knows it is a date.
    """
    stripped = text.strip(" \t\n.,;:()")
    candidates = []
    for order, (kind, pattern, core) in enumerate(compiled()):
        if not core.search(text):
            continue
        for match in pattern.finditer(text):
            found = Found(kind, match)
            whole = loose and found.text.strip(" .") == stripped
            if match.end() > match.start() and _acceptable(found, whole):
                candidates.append((match.start(), match.start() - match.end(), order, found))
    chosen: list[Found] = []
    taken_until = -1
    for start, _, _, found in sorted(candidates, key=lambda c: c[:3]):
        if start >= taken_until:
            chosen.append(found)
            taken_until = found.match.end()
    return chosen


def find_date_expressions(sentence: str) -> list[tuple[str, int, int]]:
    """The date and time expressions in a sentence as (text, start, end), left to right."""
    return [(f.text, f.match.start(), f.match.end()) for f in scan(sentence)]
