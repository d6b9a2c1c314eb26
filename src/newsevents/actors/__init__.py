"""The actors stage: resolve a noun phrase to an `Actor` (country + sector code)."""

from newsevents.actors._cache import cache_key as tables_key
from newsevents.actors._dictionary import (
    COUNTRY_SOURCE,
    DEMONYM_SOURCE,
    ActorDictionary,
    load_dictionary,
)
from newsevents.actors._resolve import ActorResolver

__all__ = [
    "COUNTRY_SOURCE",
    "DEMONYM_SOURCE",
    "ActorDictionary",
    "ActorResolver",
    "load_dictionary",
    "tables_key",
]
