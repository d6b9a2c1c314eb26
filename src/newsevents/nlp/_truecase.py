"""Capitals back in text that lost them: the parser and entity recogniser need them.

A paragraph with almost no capitals ("the source lower-cased the text") or only
capitals gets sentence starts, "I", and the names the actor dictionary and the
gazetteer know, spelt as they spell them. The text keeps its length, so every
character offset still points at the same words (settings: `data/truecase.toml`).

The name list walks the whole gazetteer (seconds); it is kept on disk beside the
gazetteer's and the actor dictionary's caches, named by a key over what it is built
from, so each process and Spark worker reads it instead.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.language import Language

from newsevents._cachefile import cache_dir, read_cache, write_cache

_WORD = re.compile(r"[a-z][a-z'’.&-]*[a-z.]|[a-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][\"'”’)\]]*\s+)[\"'“‘(\[]*([a-z])")
_MAX_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class Settings:
    max_capital_share: float
    min_capital_share_all_caps: float
    min_letters: int
    min_population: int
    min_population_if_word: int
    keep_lower: frozenset[str]
    always: frozenset[str]
    before_number: frozenset[str]


@cache
def settings() -> Settings:
    text = (resources.files("newsevents") / "data" / "truecase.toml").read_text("utf-8")
    data = tomllib.loads(text)
    for key in ("keep_lower", "always", "before_number"):
        data[key] = frozenset(data.get(key, []))
    return Settings(**data)


def case_of(text: str) -> str:
    """ "lower", "upper" or "mixed": whether a paragraph lost its capitals."""
    config = settings()
    letters = sum(c.isalpha() for c in text)
    if letters < config.min_letters:
        return "mixed"
    share = sum(c.isupper() for c in text) / letters
    if share <= config.max_capital_share:
        return "lower"
    return "upper" if share >= config.min_capital_share_all_caps else "mixed"


def truecase(text: str, nlp: Language) -> str:
    """The paragraph with the capitals it lost restored; other text comes back as is."""
    case = case_of(text)
    if case == "mixed":
        return text
    chars = list(text.lower() if case == "upper" and len(text.lower()) == len(text) else text)
    names = _names(nlp)
    words = list(_WORD.finditer("".join(chars)))
    position = 0
    while position < len(words):
        for size in range(min(_MAX_NAME_WORDS, len(words) - position), 0, -1):
            first, last = words[position], words[position + size - 1]
            phrase = "".join(chars[first.start() : last.end()]).rstrip(".")
            cased = names.get(phrase)
            if cased is not None and len(cased) == len(phrase):
                chars[first.start() : first.start() + len(cased)] = cased
                position += size - 1
                break
        position += 1
    lowered = "".join(chars)
    config = settings()
    for match in _WORD.finditer(lowered):
        word = match.group().rstrip(".")
        if word in config.always or (
            word in config.before_number and re.match(r"\s+\d", lowered[match.end() :])
        ):
            chars[match.start()] = chars[match.start()].upper()
    for match in _SENTENCE_START.finditer(lowered):
        chars[match.start(1)] = chars[match.start(1)].upper()
    for match in re.finditer(r"(?<![\w'’])i(?=[\s'’,.;:!?])", lowered):
        chars[match.start()] = "I"
    return "".join(chars)


@cache
def _english_words(nlp: Language) -> frozenset[str]:
    """The lemmatizer's word lists (WordNet): what a name must not also be, alone."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(word for key in table for word in table[key])


def _names_cache_path(nlp: Language) -> Path:
    """The name list's cache file, keyed by the actor and gazetteer caches' keys (which
    cover their data and code), our settings and code, and the model's word lists."""
    from newsevents.actors._cache import cache_key as actors_key
    from newsevents.place._cache import cache_key as places_key

    digest = hashlib.sha256(f"{actors_key()}|{places_key()}|".encode())
    digest.update(f"{nlp.meta.get('name')}={nlp.meta.get('version')}|".encode())
    digest.update((resources.files("newsevents") / "data" / "truecase.toml").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return cache_dir() / f"truecase-{digest.hexdigest()[:20]}.marshal"


@cache
def _names(nlp: Language) -> dict[str, str]:
    """Lower-case name -> its spelling, from the disk cache or built."""
    path = _names_cache_path(nlp)
    names = read_cache(path, dict, "truecase")
    if names is None:
        names = _build_names(nlp)
        write_cache(path, names, "truecase")
    return names


def _build_names(nlp: Language) -> dict[str, str]:
    """Lower-case name -> its spelling, from the actor dictionary and the gazetteer."""
    from newsevents.actors import COUNTRY_SOURCE, DEMONYM_SOURCE, load_dictionary
    from newsevents.place import gazetteer

    config = settings()
    words = _english_words(nlp)
    names: dict[str, str] = {}
    for entry in gazetteer().values():
        place = entry[0]
        population = place.population if place.feature == "city" else 1 << 40
        lower = place.name.lower()
        needed = config.min_population_if_word if lower in words else config.min_population
        if population >= needed and lower not in config.keep_lower and place.name.isascii():
            names.setdefault(lower, place.name)
    dictionary = load_dictionary()
    for surface, country in dictionary.countries.items():
        lower = surface.lower()
        common = lower in words and country.kind not in {COUNTRY_SOURCE, DEMONYM_SOURCE}
        if not common and lower not in config.keep_lower and surface != lower:
            names[lower] = surface
    for surface in dictionary.named:
        lower = surface.lower()
        if surface != lower and (" " in surface or lower not in words):
            names[lower] = surface
    return names
