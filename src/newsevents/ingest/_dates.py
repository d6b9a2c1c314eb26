"""Publication dates: from a byline in the article header, or from HTML metadata; for
an article with neither, the span its wording allows."""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from newsevents.errors import ConfigError

logger = logging.getLogger(__name__)

_HEADER_LINES = 8  # a byline sits in the first lines, never deep in the body
_MAX_BYLINE_CHARS = 120
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FULL_DATE = re.compile(
    r"\b(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+" + _MONTH + r",?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)\b"
)
# Photo captions and credits also carry full dates; a byline does not read like one.
_CAPTION = re.compile(r"\b(?:File|Photo|Image|Reuters|AP|AFP|Getty)\b.*$|\bin\s+[A-Z][a-z]+,")


def find_byline_date(text: str) -> date | None:
    """The date of a byline among the article's first short lines, if there is one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_HEADER_LINES]
    for line in lines:
        if len(line) > _MAX_BYLINE_CHARS or _CAPTION.search(line):
            continue
        match = _FULL_DATE.search(line)
        if match is None:
            continue
        import dateparser  # 0.1 s to import: only when a line holds a full date

        parsed = dateparser.parse(
            match.group(0),
            languages=["en"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if parsed is not None and parsed.date() <= date.today():
            return parsed.date()
    return None


def find_html_date(html: str) -> date | None:
    """The publication date in an HTML page's metadata (htmldate), never a guess of today."""
    from htmldate import find_date

    try:
        found = find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError) as exc:  # htmldate raises on odd markup
        logger.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    day = date.fromisoformat(found)
    return day if day < date.today() else None


@dataclass(frozen=True, slots=True)
class _Clue:
    pattern: re.Pattern[str]
    spans: tuple[tuple[date, date | None], ...]
    note: str


@cache
def _clues() -> list[_Clue]:
    text = (resources.files("newsevents") / "data" / "dating_clues.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    grouped: dict[str, tuple[list[tuple[date, date | None]], str]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        try:
            span = (date.fromisoformat(row["start"]), _optional_day(row["end"]))
            spans, _ = grouped.setdefault(row["pattern"], ([], row["note"]))
            spans.append(span)
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"dating_clues.tsv: bad row {row}: {exc}") from None
    return [
        _Clue(re.compile(rf"\b(?:{pattern})", re.IGNORECASE), tuple(spans), note)
        for pattern, (spans, note) in grouped.items()
    ]


def _optional_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def infer_published_range(text: str) -> tuple[date, date | None, str] | None:
    """When an article has no date, the span its wording allows (start, end or None
    when open, and the clues it rests on), from `data/dating_clues.tsv`; None when no
    clue applies. A span ending before a year the article names is ruled out; of the
    spans left, the latest wins. Never "today": with no clue, the date stays unknown."""
    years = [int(y) for y in _YEAR.findall(text)]
    floor = date(max(years), 1, 1) if years else None
    allowed: list[tuple[date, date | None]] | None = None
    notes = []
    for clue in _clues():
        if not clue.pattern.search(text):
            continue
        spans = [s for s in clue.spans if floor is None or s[1] is None or s[1] > floor]
        narrowed = spans if allowed is None else _intersect(allowed, spans)
        if narrowed:  # a clue that contradicts the others is a misreading: skip it
            allowed = narrowed
            notes.append(clue.note)
    if not allowed:
        return None
    start, end = max(allowed, key=lambda span: span[0])
    more = " (the latest of several spans)" if len(allowed) > 1 else ""
    return start, end, "inferred: " + "; ".join(notes) + more


def _intersect(
    left: list[tuple[date, date | None]], right: list[tuple[date, date | None]]
) -> list[tuple[date, date | None]]:
    both = []
    for a_start, a_end in left:
        for b_start, b_end in right:
            start = max(a_start, b_start)
            ends = [e for e in (a_end, b_end) if e is not None]
            end = min(ends) if ends else None
            if end is None or start < end:
                both.append((start, end))
    return both
