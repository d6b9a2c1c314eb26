"""Set a news dateline off from the sentence it opens, so the parser reads that sentence.

"NAIROBI (Reuters) - Kenyan police fired tear gas ..." is parsed as one sentence whose
subject is NAIROBI, and the lead, the sentence that matters most, loses its actor; the
model also takes "NAIROBI" for an organisation and "Reuters" for an actor, so bare
"police" became British. The dateline becomes a sentence of its own that names only its
place: "Nairobi.            Kenyan police ...". The text keeps its length, so every
offset still points into the article as written.

A dateline is a paragraph's opening place, in capitals ("NEW DELHI", "WASHINGTON") or
followed by a news agency in brackets ("Nairobi (Reuters)"), with an optional date or
region after a comma, then a dash or colon; or, in a lower-cased archive, one to three
words and a colon, as Indian papers write it ("surat: the overall situation ..."). It
is found before capitals are restored, while the case still tells. A false one costs
little: the words before the dash become a sentence of their own.
"""

from __future__ import annotations

import re

MIN_CAPS_LETTERS = 4
_CAPS_PLACE = r"(?P<caps>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
_PLACE = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
_AFTER_COMMA = r"(?:, [^()\n:–—]{1,40}?)?"
_AGENCY = r"(?P<agency>\([^()\n]{2,40}\))"
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
    """The paragraph with its opening dateline set off (same length); a paragraph with
    no dateline unchanged."""
    for pattern in _DATELINES:
        found = pattern.match(text)
        caps = found.groupdict().get("caps") if found else None
        if caps is not None and sum(c.isalpha() for c in caps) < MIN_CAPS_LETTERS:
            continue  # "UN - the council met", "US - China talks": initials, no place
        if found is not None:
            return _set_off(text, found)
    return text


def _set_off(text: str, found: re.Match[str]) -> str:
    """The dateline ended with a full stop right after its place (and date), the rest
    up to the sentence blanked: the news agency is no actor in the story ("Reuters"
    would make a Kenyan story British), and the model reads "Nairobi." as a place where
    it reads "NAIROBI (Reuters)" as an organisation. A place in capitals is written as a
    name ("NAIROBI" -> "Nairobi")."""
    groups = found.groupdict()
    cut = found.start("agency") if groups.get("agency") else found.start("sep")
    stop = len(text[:cut].rstrip())
    end = found.end("sep")
    head = text[:stop]
    if groups.get("caps"):
        start, caps_end = found.span("caps")
        head = (
            head[:start]
            + " ".join(_as_name(w) for w in text[start:caps_end].split(" "))
            + head[caps_end:]
        )
    stop_mark = " " if head.endswith(".") else "."  # "SANTA FE, N.M. (AP) —"
    return head + stop_mark + " " * (end - stop - 1) + text[end:]


def _as_name(word: str) -> str:
    """A word in capitals as a name's: "NAIROBI" -> "Nairobi"; "D.C." stays."""
    return word if "." in word else word[:1] + word[1:].lower()
