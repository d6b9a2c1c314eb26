"""The date vocabulary: `data/date_expressions.toml`, checked and read once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from newsevents.errors import ConfigError

_ORIGIN = "date_expressions.toml"
_UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words mapped to what they mean; keys are lower case except month names."""

    months: dict[str, int]  # "Sept" -> 9
    weekdays: dict[str, int]  # "monday" -> 0
    prepositions: tuple[str, ...]
    offsets: dict[str, int]  # "last" -> -1
    sequels: dict[str, int]  # "following" -> 1: from the date the text last set
    parts: dict[str, int]  # "mid" -> 2 (the second third)
    day_words: dict[str, int]  # "yesterday" -> -1
    numbers: dict[str, int]  # "two" -> 2
    vague: tuple[str, ...]
    windows: dict[str, int]  # "week" -> 28 days
    adverbs: dict[str, int]  # "recently" -> 30 days
    temporal_marks: frozenset[str] = frozenset()  # "after": a clause that says when
    measure_marks: dict[str, int] = field(default_factory=dict)  # "after" -> -1
    statement_nouns: frozenset[str] = frozenset()  # "letter": what a statement is made in


def _names(data: dict[str, Any], key: str, size: int, *, lower: bool) -> dict[str, int]:
    """A list of `size` spelling lists ("January" first) as spelling -> 1-based index."""
    groups = data.get(key)
    if not isinstance(groups, list) or len(groups) != size:
        raise ConfigError(f"{_ORIGIN}: `{key}` must be a list of {size} lists of names")
    names: dict[str, int] = {}
    for index, group in enumerate(groups, 1):
        if not isinstance(group, list) or not all(isinstance(n, str) and n for n in group):
            raise ConfigError(f"{_ORIGIN}: `{key}` entry {index} must be a list of names")
        names |= {(n.lower() if lower else n): index for n in group}
    return names


def _table(data: dict[str, Any], key: str) -> dict[str, int]:
    """A table of words (or phrases) to whole numbers, keys lower-cased."""
    table = data.get(key)
    if not isinstance(table, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in table.values()
    ):
        raise ConfigError(f"{_ORIGIN}: [{key}] must map words to whole numbers")
    return {" ".join(word.lower().split()): value for word, value in table.items()}


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    words = data.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ConfigError(f"{_ORIGIN}: `{key}` must be a list of words")
    return tuple(" ".join(w.lower().split()) for w in words)


def parse_vocabulary(text: str) -> Vocabulary:
    """Check a vocabulary file's text and turn it into a `Vocabulary`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_ORIGIN}: {exc}") from exc
    parts = _table(data, "parts")
    if not set(parts.values()) <= {1, 2, 3}:
        raise ConfigError(f"{_ORIGIN}: [parts] values must be 1, 2 or 3 (a third)")
    windows = _table(data, "windows")
    if set(windows) != set(_UNITS):
        raise ConfigError(f"{_ORIGIN}: [windows] must give days for {', '.join(_UNITS)}")
    return Vocabulary(
        months=_names(data, "months", 12, lower=False),
        weekdays={
            name: index - 1 for name, index in _names(data, "weekdays", 7, lower=True).items()
        },
        prepositions=_words(data, "prepositions"),
        offsets=_table(data, "offsets"),
        sequels=_table(data, "sequels"),
        parts=parts,
        day_words=_table(data, "day_words"),
        numbers=_table(data, "numbers"),
        vague=_words(data, "vague"),
        windows=windows,
        adverbs=_table(data, "adverbs"),
        temporal_marks=frozenset(_words(data, "temporal_marks")),
        measure_marks=_table(data, "measure_marks"),
        statement_nouns=frozenset(_words(data, "statement_nouns")),
    )


@cache
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    shipped = resources.files("newsevents") / "data" / "date_expressions.toml"
    return parse_vocabulary(shipped.read_text("utf-8"))
