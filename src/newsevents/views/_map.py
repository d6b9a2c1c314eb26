"""Counts for the map: happenings per country of their place and per place.

A country's count groups the rows of one filter by `place_country`, and its link is
that filter narrowed to `place=ISO3`; a place's count groups by country and name, and
its link adds `place_name`. So a shaded country and a circle open exactly the
happenings they count. Happenings without a place are counted apart (`unplaced`).
"""

from __future__ import annotations

import time
import weakref
from typing import Any

from newsevents.store import EventFilter, Store

# A place's division is only its label, read from every mention: kept this long per
# store so a busy map does not scan the mentions on every request (counts are fresh).
LABELS_TTL = 60.0
_labels: weakref.WeakKeyDictionary[Store, tuple[float, dict[tuple[str, str], str]]] = (
    weakref.WeakKeyDictionary()
)


def map_counts(store: Store, where: EventFilter) -> dict[str, Any]:
    """Happenings per country and per place (name, admin1, lat/lon), each with the
    query parameters of its rows, and how many have no country to be drawn in."""
    # The name first: grouped by the country first, SQLite walks the country index and
    # reads every row through it, twice as slow as a plain scan at 100k happenings.
    groups = store.happening_groups(
        "place_name", "place_country", "place_lat", "place_lon", where=where
    )
    countries: dict[str, int] = {}
    places: dict[tuple[str, str], dict[str, Any]] = {}
    unplaced = 0
    for name, country, lat, lon, count, _ in groups:
        if not country:
            unplaced += count
            continue
        countries[country] = countries.get(country, 0) + count
        if name and lat is not None and lon is not None:
            _add_place(places, (country, name), (lat, lon), count)
    admin1 = _admin1_names(store) if places else {}
    return {
        "countries": [
            {"country": c, "events": n, "params": where.narrowed(place=c).to_params()}
            for c, n in sorted(countries.items(), key=lambda item: (-item[1], item[0]))
        ],
        "places": [
            _place_row(where, key, entry, admin1.get(key))
            for key, entry in sorted(places.items(), key=lambda i: (-i[1]["events"], i[0]))
        ],
        "unplaced": unplaced,
    }


def _admin1_names(store: Store) -> dict[tuple[str, str], str]:
    """The store's (country, place name) -> division, read at most once a minute."""
    now = time.monotonic()
    kept = _labels.get(store)
    if kept is None or now - kept[0] > LABELS_TTL:
        kept = _labels[store] = (now, store.admin1_names())
    return kept[1]


def _add_place(
    places: dict[tuple[str, str], dict[str, Any]],
    key: tuple[str, str],
    point: tuple[float, float],
    count: int,
) -> None:
    """Count a group under its (country, name); a name placed at two points is drawn
    at the point most of its happenings have."""
    entry = places.setdefault(key, {"events": 0, "point": point, "at_point": 0})
    entry["events"] += count
    if count > entry["at_point"]:
        entry["point"], entry["at_point"] = point, count


def _place_row(
    where: EventFilter, key: tuple[str, str], entry: dict[str, Any], admin1: str | None
) -> dict[str, Any]:
    country, name = key
    lat, lon = entry["point"]
    return {
        "name": name,
        "country": country,
        "admin1": admin1,
        "lat": round(lat, 4),
        "lon": round(lon, 4),
        "events": entry["events"],
        "params": where.narrowed(place=country, place_name=name).to_params(),
    }
