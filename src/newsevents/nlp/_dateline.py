"""Set a news dateline off from the sentence it opens, so the parser reads that sentence.

"NAIROBI (Reuters) - Kenyan police fired tear gas ..." is parsed as one sentence whose
subject is NAIROBI, and the lead, the sentence that matters most, loses its actor. The
dash (or colon) after a dateline becomes a full stop: "NAIROBI (Reuters) . Kenyan
police ..." is two sentences. The text keeps its length, so every offset still points
into the article as written; the dateline itself stays, as a place the text names.

A dateline is a paragraph's opening place, in capitals ("NEW DELHI", "WASHINGTON") or
followed by a news agency in brackets ("Nairobi (Reuters)"), with an optional date or
region after a comma, then a dash or colon; or, in a lower-cased archive, one to three
words and a colon, as Indian papers write it ("surat: the overall situation ..."). It
is found before capitals are restored, while the case still tells. A false one costs little:
the words before the dash become a sentence of their own.
"""

from __future__ import annotations

import re

_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
_PLACE = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_AFTER_COMMA = r"(?:, [^()\n:–—]{1,40}?)?"
_AGENCY = r"\([^()\n]{2,40}\)"
_DASH = r"(?P<sep>--|[-–—])\s"
_DASH_OR_COLON = r"(?P<sep>--|[-–—:])\s"

_DATELINES = (
    # NAIROBI - / NAIROBI, June 25 (Reuters) - / WASHINGTON — / NEW DELHI:
    re.compile(rf"^\s*{_CAPS_PLACE}{_AFTER_COMMA}(?:\s?{_AGENCY})?\s?{_DASH_OR_COLON}"),
    # Nairobi (Reuters) - / Nairobi, June 25 (AFP) —
    re.compile(rf"^\s*{_PLACE}{_AFTER_COMMA}\s?{_AGENCY}\s?{_DASH}"),
    # surat: / new delhi: in a lower-cased archive (in mixed case "Putin: Russia will
    # respond" is a headline's speaker, and "Trump said: ..." opens a quote)
    re.compile(r"^\s*[a-z]+(?: [a-z]+){0,2}(?P<sep>:)\s+(?=[a-z])"),
)


def set_off_dateline(text: str) -> str:
    """The paragraph with its opening dateline's dash or colon made a full stop (same
    length); a paragraph with no dateline unchanged."""
    for pattern in _DATELINES:
        found = pattern.match(text)
        if found is not None:
            start, end = found.span("sep")
            return text[:start] + "." + " " * (end - start - 1) + text[end:]
    return text
