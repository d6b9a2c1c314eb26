"""Publication dates: from a byline in the article header, or from HTML metadata."""

from __future__ import annotations

import logging
import re
from datetime import date

import dateparser
from htmldate import find_date

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
    try:
        found = find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError) as exc:  # htmldate raises on odd markup
        logger.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    day = date.fromisoformat(found)
    return day if day < date.today() else None
