"""First-level divisions written as news writes them, in more than twenty countries:
each resolves to its country and its GeoNames division, with the division's centroid."""

from __future__ import annotations

import pytest

from newsevents.place import PlaceResolver

# (name as written, ISO3, GeoNames admin1 name)
DIVISIONS = [
    ("California", "USA", "California"),
    ("Texas", "USA", "Texas"),
    ("New York State", "USA", "New York"),
    ("Washington State", "USA", "Washington"),
    ("Maricopa County", "USA", "Arizona"),
    ("Gujarat", "IND", "Gujarat"),
    ("Uttar Pradesh", "IND", "Uttar Pradesh"),
    ("Manipur", "IND", "Manipur"),
    ("Indian-administered Kashmir", "IND", "Jammu and Kashmir"),
    ("Zamfara", "NGA", "Zamfara"),
    ("Lagos State", "NGA", "Lagos"),
    ("Borno", "NGA", "Borno"),
    ("Rivers State", "NGA", "Rivers"),
    ("Niger State", "NGA", "Niger"),
    ("Sinaloa", "MEX", "Sinaloa"),
    ("Michoacán", "MEX", "Michoacán"),
    ("Michoacan", "MEX", "Michoacán"),
    ("Guerrero state", "MEX", "Guerrero"),
    ("Ontario", "CAN", "Ontario"),
    ("British Columbia", "CAN", "British Columbia"),
    ("Alberta", "CAN", "Alberta"),
    ("Zulia", "VEN", "Zulia"),
    ("the state of Zulia", "VEN", "Zulia"),
    ("Táchira", "VEN", "Táchira"),
    ("North Kivu", "COD", "Nord Kivu"),
    ("South Kivu", "COD", "South Kivu"),
    ("Ituri", "COD", "Ituri"),
    ("Queensland", "AUS", "Queensland"),
    ("New South Wales", "AUS", "New South Wales"),
    ("Victoria", "AUS", "Victoria"),
    ("Xinjiang", "CHN", "Xinjiang"),
    ("Tibet", "CHN", "Tibet"),
    ("Guangdong", "CHN", "Guangdong"),
    ("Bavaria", "DEU", "Bavaria"),
    ("Saxony", "DEU", "Saxony"),
    ("Balochistan", "PAK", "Balochistan"),
    ("Khyber Pakhtunkhwa", "PAK", "Khyber Pakhtunkhwa"),
    ("Sindh", "PAK", "Sindh"),
    ("Kharkiv Oblast", "UKR", "Kharkiv"),
    ("the Donetsk region", "UKR", "Donetsk"),
    ("Zaporizhzhia Oblast", "UKR", "Zaporizhzhia"),
    ("Crimea", "UKR", "Crimea"),
    ("Belgorod Oblast", "RUS", "Belgorod Oblast"),
    ("Kursk region", "RUS", "Kursk Oblast"),
    ("Chechnya", "RUS", "Chechnya"),
    ("Dagestan", "RUS", "Dagestan"),
    ("Catalonia", "ESP", "Catalonia"),
    ("Andalusia", "ESP", "Andalusia"),
    ("Idlib province", "SYR", "Idlib"),
    ("Deir ez-Zor", "SYR", "Deir ez-Zor"),
    ("Nineveh", "IRQ", "Nineveh"),
    ("Anbar province", "IRQ", "Al Anbar"),
    ("Tigray", "ETH", "Tigray"),
    ("Amhara", "ETH", "Amhara"),
    ("Oromia", "ETH", "Oromiya"),
    ("North Darfur", "SDN", "Northern Darfur"),
    ("Gezira", "SDN", "Al Jazīrah"),
    ("Rakhine", "MMR", "Rakhine"),
    ("Shan State", "MMR", "Shan"),
    ("Helmand", "AFG", "Helmand"),
    ("Scotland", "GBR", "Scotland"),
    ("Northern Ireland", "GBR", "Northern Ireland"),
    ("Brittany", "FRA", "Brittany"),
    ("Corsica", "FRA", "Corsica"),
    ("Rio Grande do Sul", "BRA", "Rio Grande do Sul"),
    ("Antioquia", "COL", "Antioquia"),
    ("Okinawa", "JPN", "Okinawa"),
    ("Hokkaido", "JPN", "Hokkaido"),
    ("the West Bank", "PSE", "West Bank"),
    ("Gaza Strip", "PSE", "Gaza Strip"),
    ("Hodeidah", "YEM", "Al Hudaydah"),
]


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


def test_the_table_spans_twenty_countries():
    assert len({country for _, country, _ in DIVISIONS}) >= 20


@pytest.mark.parametrize(("name", "country", "admin1"), DIVISIONS)
def test_a_division_resolves_to_its_country_and_admin1(resolver, name, country, admin1):
    place = resolver.resolve(name, 0, len(name), "sentence", set())
    assert (place.country, place.admin1_name) == (country, admin1), place
    assert place.admin1 and place.lat is not None and place.lon is not None
    assert place.name == name  # kept as written


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Gujarat", 22.5, 71.5),
        ("Zulia", 10.0, -72.0),
        ("Bavaria", 48.9, 11.4),
        ("Texas", 31.0, -98.0),
    ],
)
def test_a_division_without_a_city_sits_at_its_centroid(resolver, name, lat, lon):
    place = resolver.resolve(name, 0, len(name), "sentence", set())
    assert place.feature == "admin1"
    assert abs(place.lat - lat) < 2.0 and abs(place.lon - lon) < 2.0, place


def test_a_city_keeps_its_division(resolver):
    place = resolver.resolve("Ahmedabad", 0, 9, "sentence", set())
    assert (place.country, place.admin1_name, place.feature) == ("IND", "Gujarat", "city")
