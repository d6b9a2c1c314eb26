"""Head nouns that stand for someone else: `data/mention_heads.toml`, checked and read
once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path

from newsevents.errors import ConfigError

_ORIGIN = "mention_heads.toml"


@dataclass(frozen=True, slots=True)
class HeadWords:
    """Lemmas, lower case; see the data file for what each list means."""

    quantities: frozenset[str]
    carriers: frozenset[str]
    carrying_verbs: frozenset[str]
    leaders: frozenset[str]
    collectives: frozenset[str]
    held_places: frozenset[str]
    force_units: frozenset[str]
    force_offices: frozenset[str]
    former: frozenset[str]
    people: frozenset[str]
    country_nouns: frozenset[str]
    group_nouns: frozenset[str]
    ages: frozenset[str]
    us_party_letters: frozenset[str]
    us_state_tags: frozenset[str]


def parse_head_words(text: str, origin: str = _ORIGIN) -> HeadWords:
    """The lists of a mention-heads file; an unknown or missing list, or one that is not
    a list of words, is an error naming it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}") from exc
    names = [f.name for f in fields(HeadWords)]
    if unknown := sorted(set(data) - set(names)):
        raise ConfigError(f"{origin}: unknown list(s) {', '.join(unknown)}")
    lists = {}
    for name in names:
        words = data.get(name)
        if not isinstance(words, list) or not words:
            raise ConfigError(f"{origin}: `{name}` must be a non-empty list of words")
        if not all(isinstance(w, str) and w.strip() for w in words):
            raise ConfigError(f"{origin}: `{name}` holds an entry that is not a word")
        lists[name] = frozenset(w.strip().lower() for w in words)
    return HeadWords(**lists)


@cache
def head_words(path: Path | None = None) -> HeadWords:
    """The shipped lists, or those of `path`."""
    if path is not None:
        return parse_head_words(path.read_text("utf-8"), str(path))
    text = (resources.files("newsevents") / "data" / _ORIGIN).read_text("utf-8")
    return parse_head_words(text)
