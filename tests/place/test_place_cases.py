"""Place names resolved offline, written from real-world knowledge: the country, and
coordinates within a degree of the real ones."""

from __future__ import annotations

import pytest

from newsevents.place import PlaceResolver

# (name as written, ISO3, latitude, longitude)
CITIES = [
    ("Kharkiv", "UKR", 50.0, 36.2),
    ("Mariupol", "UKR", 47.1, 37.5),
    ("Caracas", "VEN", 10.5, -66.9),
    ("Maracaibo", "VEN", 10.6, -71.6),
    ("Bogotá", "COL", 4.6, -74.1),
    ("Bogota", "COL", 4.6, -74.1),
    ("Cúcuta", "COL", 7.9, -72.5),
    ("Havana", "CUB", 23.1, -82.4),
    ("San Salvador", "SLV", 13.7, -89.2),
    ("Culiacán", "MEX", 24.8, -107.4),
    ("Ciudad Juárez", "MEX", 31.7, -106.4),
    ("Gaza City", "PSE", 31.5, 34.5),
    ("Khan Younis", "PSE", 31.3, 34.3),
    ("Tel Aviv", "ISR", 32.1, 34.8),
    ("Isfahan", "IRN", 32.7, 51.7),
    ("Esfahan", "IRN", 32.7, 51.7),
    ("Mosul", "IRQ", 36.3, 43.1),
    ("Aleppo", "SYR", 36.2, 37.2),
    ("Sanaa", "YEM", 15.4, 44.2),
    ("Khartoum", "SDN", 15.6, 32.5),
    ("El Fasher", "SDN", 13.6, 25.3),
    ("Goma", "COD", -1.7, 29.2),
    ("Mogadishu", "SOM", 2.0, 45.3),
    ("Maiduguri", "NGA", 11.8, 13.2),
    ("Kandahar", "AFG", 31.6, 65.7),
    ("Peshawar", "PAK", 34.0, 71.6),
    ("Srinagar", "IND", 34.1, 74.8),
    ("Yangon", "MMR", 16.8, 96.2),
    ("Rangoon", "MMR", 16.8, 96.2),
    ("Pyongyang", "PRK", 39.0, 125.8),
    ("Vladivostok", "RUS", 43.1, 131.9),
    ("Belgorod", "RUS", 50.6, 36.6),
    ("Sevastopol", "UKR", 44.6, 33.5),
    ("Brussels", "BEL", 50.8, 4.4),
    ("Minsk", "BLR", 53.9, 27.6),
    ("Tbilisi", "GEO", 41.7, 44.8),
    ("Port-au-Prince", "HTI", 18.5, -72.3),
]


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


@pytest.mark.parametrize(("name", "country", "lat", "lon"), CITIES)
def test_a_city_resolves_to_its_country_and_coordinates(resolver, name, country, lat, lon):
    place = resolver.resolve(name, 0, len(name), "sentence", set())
    assert place.country == country, place
    assert place.lat is not None and abs(place.lat - lat) < 1.0
    assert place.lon is not None and abs(place.lon - lon) < 1.0
    assert place.geonames_id and place.name == name  # kept as written


@pytest.mark.parametrize(
    ("name", "actor_country", "country"),
    [
        ("Valencia", "VEN", "VEN"),
        ("Valencia", "ESP", "ESP"),
        ("Santiago", "CHL", "CHL"),
        ("San Fernando", "TTO", "TTO"),
        ("Córdoba", "ARG", "ARG"),
        ("Córdoba", "ESP", "ESP"),
    ],
)
def test_the_actors_country_picks_among_namesakes(resolver, name, actor_country, country):
    place = resolver.resolve(name, 0, len(name), "sentence", {actor_country})
    assert place.country == country
