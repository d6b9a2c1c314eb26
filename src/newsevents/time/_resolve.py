"""Resolving expressions, and choosing the date of an event from its sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsevents.model import EventDate, Granularity
from newsevents.time._absolute import ABSOLUTE, group, parse_full_date
from newsevents.time._calendar import Tense
from newsevents.time._patterns import Found, scan
from newsevents.time._relative import RELATIVE, SEQUELS, Anchor, unanchored_granularity
from newsevents.time._vocab import load_vocabulary

# Most specific first: the order in which `event_date` prefers granularities.
_RANK: dict[Granularity | None, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 4}


def _since(found: Found, start: date, published: date | None) -> EventDate:
    """ "since X": from the start of X up to publication, open-ended without one."""
    end = published if published is not None and published >= start else None
    return EventDate(start, end, "range", found.text, "expression")


def resolve_found(found: Found, published: date | None, tense: Tense) -> EventDate | None:
    """The interval of one matched expression; None when it names no real date."""
    vocab = load_vocabulary()
    since = group(found.match, "since") is not None
    if found.kind in ABSOLUTE:
        span = ABSOLUTE[found.kind](found.match, vocab)
    elif published is None:
        # The words say when relative to a date nobody knows: keep them, date nothing.
        granularity = "range" if since else unanchored_granularity(found)
        return EventDate(None, None, granularity, found.text, "expression-unanchored")
    else:
        span = RELATIVE[found.kind](found.match, Anchor(vocab, published, tense))
    if span is None:
        return None
    start, end, granularity = span
    if since:
        return _since(found, start, published)
    return EventDate(start, end, granularity, found.text, "expression")


def resolve_expression(
    expression: str, published: date | None, *, tense: Tense = "past"
) -> EventDate | None:
    """The interval a date expression denotes, or None when it is not one.

    Relative expressions need `published`; without it the result keeps the words
    and granularity, with no dates and basis "expression-unanchored".
    """
    found = sorted(scan(expression, loose=True), key=lambda f: -len(f.text))
    text = expression.strip()
    if not found or found[0].text != text:
        # A complete date in a form the patterns read only in part, or not at all
        # ("Jan 10th '25", "January the 10th, 2025").
        day = parse_full_date(text)
        if day is not None:
            return EventDate(day, day, "day", text, "expression")
    for candidate in found:
        resolved = resolve_found(candidate, published, tense)
        if resolved is not None:
            return resolved
    return None


@dataclass(frozen=True, slots=True)
class Dated:
    """One date expression of a sentence, where it is (characters) and what it means."""

    start: int
    end: int
    date: EventDate
    relative: bool  # resolved against the anchor date, not written in full


def _counts_from_text(found: Found) -> bool:
    """Whether an expression counts from the date the text set, not from publication:
    "the following year", "two days later", and "two days earlier" (but "ago")."""
    if found.kind == "ago":
        return found.match["dir"].lower() == "earlier"
    return found.kind in SEQUELS


def _sequel(found: Found, last: EventDate, tense: Tense) -> EventDate | None:
    """ "Two days later" from a date as broad as "the following year" is two days later
    than some day of that year: counted from both ends, broader than its unit."""
    if last.start is None or last.end is None:
        return None
    first, final = resolve_found(found, last.start, tense), resolve_found(found, last.end, tense)
    if first is None or final is None or first == final:
        return first
    return EventDate(first.start, final.end, "range", found.text, "expression")


def dated_expressions(
    sentence: str,
    published: date | None,
    *,
    tense: Tense = "past",
    hints: Sequence[str] = (),
    last: EventDate | None = None,
) -> list[Dated]:
    """Every date expression of `sentence` (and of `hints`, the DATE entities the parser
    found in it, where the patterns did not read the same words) with its interval.
    "The following year" and "two days later" count from `last`, the date the text last
    set, when given; from publication otherwise."""
    dated: list[Dated] = []
    spans = []
    for found in scan(sentence):
        start, end = found.match.start(), found.match.end()
        spans.append((start, end))
        if last is not None and _counts_from_text(found):
            resolved = _sequel(found, last, tense)
        else:
            resolved = resolve_found(found, published, tense)
        if resolved is not None:
            dated.append(Dated(start, end, resolved, found.kind not in ABSOLUTE))
    for hint in hints:
        where = sentence.find(hint)
        if where >= 0 and any(s < where + len(hint) and where < e for s, e in spans):
            continue  # the patterns already read these words
        resolved = resolve_expression(hint, published, tense=tense)
        if resolved is not None:
            at = where if where >= 0 else len(sentence)
            absolute = parse_full_date(hint) is not None or not any(
                f.kind not in ABSOLUTE for f in scan(hint, loose=True)
            )
            dated.append(Dated(at, at + len(hint), resolved, not absolute))
    return dated


def most_specific(dated: Sequence[Dated]) -> EventDate | None:
    """The most specific dated expression, the first of equals; else the first undated
    one (words with no anchor to resolve them against); None when there are none."""
    known = [d for d in dated if d.date.start is not None]
    if known:
        return min(known, key=lambda d: (_RANK[d.date.granularity], d.start)).date
    return min(dated, key=lambda d: d.start).date if dated else None


def event_date(
    sentence: str,
    published: date | None,
    *,
    tense: Tense = "past",
    hints: Sequence[str] = (),
) -> EventDate:
    """When the event told in `sentence` happened.

    The most specific date expression in the sentence (or among `hints`, the DATE
    entities the parser found in it) wins, the first of equals; without one, the
    publication day; without that, unknown. Never today's date.
    """
    chosen = most_specific(dated_expressions(sentence, published, tense=tense, hints=hints))
    if chosen is not None:
        return chosen
    return publication_date(published)


def publication_date(published: date | None) -> EventDate:
    """The date of an event the text does not date: its article's day, else unknown."""
    if published is not None:
        return EventDate(published, published, "day", None, "publication")
    return EventDate(None, None, None, None, "unknown")


MAX_SPAN_DAYS = 120  # beyond this, an inferred publication span dates nothing usefully


def event_date_within(
    sentence: str,
    published_span: tuple[date, date],
    *,
    tense: Tense = "past",
    hints: Sequence[str] = (),
) -> EventDate:
    """When the event happened, for an article known only to be published within a
    span: resolved against both ends of the span and widened to cover both, so the
    uncertainty is kept, not hidden. Unknown when the span is too long to mean much."""
    first, last = published_span
    if (last - first).days > MAX_SPAN_DAYS:
        return EventDate(None, None, None, None, "unknown")
    early = event_date(sentence, first, tense=tense, hints=hints)
    late = event_date(sentence, last, tense=tense, hints=hints)
    if early.start is None or late.start is None:
        return EventDate(None, None, None, early.expression, "unknown")
    basis = (
        "publication-span" if early.basis == "publication" else f"{early.basis}+publication-span"
    )
    return EventDate(
        min(early.start, late.start),
        max(early.end or early.start, late.end or late.start),
        "range",
        early.expression,
        basis,
    )
