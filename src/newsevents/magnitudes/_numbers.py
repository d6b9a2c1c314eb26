"""Reading a figure as written ("at least 14", "more than 13,000", "dozens", "twenty-five",
"1.5 million", "between 10 and 20") into a value and its bounds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from newsevents.magnitudes._vocab import Vocabulary

_RANGE_WORDS = ("to", "and", "-", "–")


class Figure(NamedTuple):
    """The value counted and the bounds the words give (None when they give none)."""

    value: int
    low: int | None
    high: int | None


def read_figure(words: Sequence[str], vocab: Vocabulary) -> Figure | None:
    """The figure the words state, or None when they are not one figure."""
    words = [w.lower() for w in words if w.strip()]
    phrase = " ".join(words)
    for bound, phrases in (
        ("low", vocab.lower),
        ("high", vocab.upper),
        ("", vocab.approximate),
    ):
        found = next((p for p in phrases if phrase.startswith(p + " ")), None)
        if found is None:
            continue
        rest = read_figure(phrase[len(found) + 1 :].split(), vocab)
        if rest is None:
            return None
        if bound == "low":
            return Figure(rest.value, rest.low or rest.value, rest.high)
        if bound == "high":
            return Figure(rest.value, rest.low, rest.high or rest.value)
        return rest
    for bound, phrases in (("low", vocab.lower_after), ("high", vocab.upper_after)):
        found = next((p for p in phrases if phrase.endswith(" " + p)), None)
        if found is not None:
            rest = read_figure(phrase[: -len(found) - 1].split(), vocab)
            if rest is None or rest.low is not None or rest.high is not None:
                return None
            return (
                Figure(rest.value, rest.value, None)
                if bound == "low"
                else Figure(rest.value, None, rest.value)
            )
    if phrase in vocab.vague:
        low, high = vocab.vague[phrase]
        return Figure(low, low, high) if low != high else Figure(low, None, None)
    return _range(words, vocab) or _exact(words, vocab)


def _range(words: list[str], vocab: Vocabulary) -> Figure | None:
    """A range ("between 10 and 20", "10 to 20"), counted as its lower end."""
    if words and words[0] == "between":
        words = words[1:]
    for i, word in enumerate(words):
        if word in _RANGE_WORDS and 0 < i < len(words) - 1:
            low, high = _number(words[:i], vocab), _number(words[i + 1 :], vocab)
            if low is not None and high is not None and low < high:
                return Figure(low, low, high)
    return None


def _exact(words: list[str], vocab: Vocabulary) -> Figure | None:
    value = _number(words, vocab)
    return Figure(value, None, None) if value is not None else None


def _number(words: Sequence[str], vocab: Vocabulary) -> int | None:
    """Digits ("13,000", "1.5 million") or number words ("two hundred and fifty")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        for part in word.split("-"):  # "twenty-five" may come as one token
            if not part or part == "and":
                continue
            digits = part.replace(",", "")
            if _is_decimal(digits):
                current += float(digits)
            elif part in vocab.units:
                current += vocab.units[part]
            elif part in vocab.scales:
                current = (current or 1) * vocab.scales[part]
                if vocab.scales[part] >= 1000:
                    total, current = total + current, 0.0
            else:
                return None
            seen = True
    value = round(total + current)
    return value if seen and value > 0 else None


def _is_decimal(text: str) -> bool:
    whole, _, fraction = text.partition(".")
    return whole.isdigit() and (not fraction or fraction.isdigit())
