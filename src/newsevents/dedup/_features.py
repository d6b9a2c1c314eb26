"""What a copy keeps: word shingles for near copies; names and numbers, sentence by
sentence, for reworded ("spun") copies, whose synonyms change but whose names and
figures cannot."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_WORD = re.compile(r"[^\W_]+(?:[’'.,-][^\W_]+)*", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[“\"A-Z0-9])")
_SHINGLE = 5
_MAX_ANCHOR_SHARE = 0.5


def fold(text: str) -> str:
    """Lowercase, accent-free, typographic quotes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def exact_key(paragraphs: Sequence[str]) -> str:
    """Text with case, accents, punctuation and spacing normalised away."""
    return " ".join(words(" ".join(paragraphs)))


def shingles(paragraphs: Sequence[str]) -> set[str]:
    tokens = words(" ".join(paragraphs))
    if len(tokens) < _SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)}


def _anchors(sentence: str, first: bool) -> set[str]:
    """Names (capitalised words not opening the sentence) and numbers.

    Long "rare" words were tried too: they add recall on real copies but match across
    unrelated articles that share a topic's vocabulary, so they are left out.
    """
    found: set[str] = set()
    for position, match in enumerate(_WORD.finditer(sentence)):
        token = match.group(0)
        digits = token.replace(",", "").replace(".", "")
        if digits.isdecimal():  # "²" is a digit to isdigit(), not to int()
            found.add(f"#{int(digits)}")
        elif token[:1].isupper() and (position > 0 or not first) and len(token) > 1:
            found.add(fold(token).removesuffix("'s"))
    return found


def sentence_anchors(paragraphs: Sequence[str]) -> list[frozenset[str]]:
    """Anchor sets, one per prose sentence that has at least two anchors.

    Lines that are mostly names and figures (schedules, results, lists of places) are
    left out: independent reports of one announcement share them verbatim.
    """
    result = []
    for paragraph in paragraphs:
        for sentence in _SENTENCE.split(paragraph):
            anchors = _anchors(sentence, first=True)
            if len(anchors) >= 2 and len(anchors) <= _MAX_ANCHOR_SHARE * len(words(sentence)):
                result.append(frozenset(anchors))
    return result


def alignment(shorter: list[frozenset[str]], longer: list[frozenset[str]]) -> float:
    """Share of the first text's anchors found in sentences of the second that carry
    at least half of them: a reworded sentence keeps its names and figures together."""
    if not shorter or not longer:
        return 0.0
    total = sum(len(s) for s in shorter)
    kept = 0
    for sentence in shorter:
        best = max(len(sentence & other) for other in longer)
        if best * 2 >= len(sentence):
            kept += best
    return kept / total
