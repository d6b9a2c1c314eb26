"""The magnitude vocabulary: `data/magnitudes.toml`, checked and read once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsevents.errors import ConfigError
from newsevents.model import MAGNITUDE_KINDS

_ORIGIN = "magnitudes.toml"
_CUES = ("verbs", "intransitive", "nouns", "totals", "results", "gatherings")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Cue lemmas by role and kind, and the words figures are written with."""

    verbs: dict[str, str]  # lemma -> kind: the people are the object or passive subject
    intransitive: dict[str, str]  # lemma -> kind: the people are the subject
    nouns: dict[str, str]  # lemma -> kind: the number modifies the noun
    totals: dict[str, str]  # "death toll" -> kind: the number is what the total is
    results: dict[str, str]  # "to death" -> kind: any verb governing it ("stabbed to death")
    gatherings: dict[str, str]  # "march" -> kind: the people are its verb's subject
    types: dict[str, tuple[str, ...]]  # kind -> the event types it measures, preferred first
    organisations: frozenset[str]  # nouns whose numbers are not of people
    not_results: frozenset[str]  # verbs whose "to death" is no death ("sentence")
    singular_kinds: frozenset[str]
    pronouns: frozenset[str]  # one person: "he was arrested"
    persons: frozenset[str]  # singular nouns of one person
    lower: tuple[str, ...]  # bound phrases, longest first
    upper: tuple[str, ...]
    lower_after: tuple[str, ...]  # "or more"
    upper_after: tuple[str, ...]  # "or fewer"
    approximate: tuple[str, ...]
    vague: dict[str, tuple[int, int]]  # "dozens" -> (24, 99)
    units: dict[str, int]  # "five" -> 5
    scales: dict[str, int]  # "thousand" -> 1000


def _words(data: dict[str, Any], key: str, where: str) -> list[str]:
    words = data.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ConfigError(f"{_ORIGIN}: `{where}.{key}` must be a list of words")
    return [w.lower() for w in words]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w.split()), w)))


def _numbers(data: dict[str, Any], key: str) -> dict[str, int]:
    table = data.get("numbers", {}).get(key)
    if not isinstance(table, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in table.values()
    ):
        raise ConfigError(f"{_ORIGIN}: `numbers.{key}` must map words to positive numbers")
    return {k.lower(): v for k, v in table.items()}


def parse_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """A Vocabulary from the TOML's tables; ConfigError naming what is wrong."""
    cues: dict[str, dict[str, str]] = {role: {} for role in _CUES}
    kinds = data.get("kinds", {})
    if not isinstance(kinds, dict) or set(kinds) - set(MAGNITUDE_KINDS):
        raise ConfigError(f"{_ORIGIN}: `kinds` holds only {', '.join(MAGNITUDE_KINDS)}")
    for kind, table in kinds.items():
        for role in _CUES:
            cues[role] |= {word: str(kind) for word in _words(table, role, f"kinds.{kind}")}
    vague: dict[str, tuple[int, int]] = {}
    for phrase, pair in data.get("vague", {}).items():
        if not (isinstance(pair, list) and len(pair) == 2 and 0 < pair[0] <= pair[1]):
            raise ConfigError(f"{_ORIGIN}: `vague.{phrase}` must be [low, high]")
        vague[phrase.lower()] = (pair[0], pair[1])
    singular, bounds = data.get("singular", {}), data.get("bounds", {})
    types = data.get("types", {})
    if not isinstance(types, dict) or set(types) != set(MAGNITUDE_KINDS):
        raise ConfigError(f"{_ORIGIN}: `types` lists event types for each kind")
    return Vocabulary(
        **cues,
        types={k: tuple(w.upper() for w in _words(types, k, "types")) for k in types},
        organisations=frozenset(_words(data.get("organisations", {}), "nouns", "organisations")),
        not_results=frozenset(_words(data.get("not_results", {}), "verbs", "not_results")),
        pronouns=frozenset(_words(singular, "pronouns", "singular")),
        singular_kinds=frozenset(_words(singular, "kinds", "singular")),
        persons=frozenset(_words(singular, "persons", "singular")),
        lower=_longest_first(_words(bounds, "lower", "bounds")),
        upper=_longest_first(_words(bounds, "upper", "bounds")),
        approximate=_longest_first(_words(bounds, "approximate", "bounds")),
        lower_after=_longest_first(_words(bounds, "lower_after", "bounds")),
        upper_after=_longest_first(_words(bounds, "upper_after", "bounds")),
        vague=vague,
        units=_numbers(data, "units"),
        scales=_numbers(data, "scales"),
    )


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    text = (resources.files("newsevents") / "data" / _ORIGIN).read_text("utf-8")
    try:
        return parse_vocabulary(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_ORIGIN}: {exc}") from None
