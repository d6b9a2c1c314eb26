"""Event places: the sentence's own place first, the article's otherwise, resolved
offline through GeoNames; names that do not resolve are kept as written."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.export._formats import gdelt_row
from newsevents.model import Event
from newsevents.pipeline import Pipeline
from newsevents.place import PlaceResolver, fips_code, gazetteer
from newsevents.store import event_record

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def code():
    pipeline = Pipeline()

    def run(text: str) -> list[Event]:
        [document] = pipeline.process([text], published=date(2025, 6, 3))
        return document.events

    return run


def test_a_city_in_the_sentence_is_the_events_place(code):
    [event] = [e for e in code("Russian drones struck an apartment block in Lutsk on Monday.")]
    place = event.place
    assert place is not None and place.basis == "sentence"
    assert (place.name, place.country, place.feature) == ("Lutsk", "UKR", "city")
    assert 50 < place.lat < 51 and 25 < place.lon < 26 and place.geonames_id
    assert place.confidence >= 0.8


def test_an_actor_named_by_its_capital_is_not_the_place(code):
    events = code("Caracas rejected the accusation made by Washington in Bogota.")
    assert events
    for event in events:
        assert event.place is None or event.place.name == "Bogota"


def test_without_a_place_in_the_sentence_the_article_gives_one(code):
    text = (
        "Thousands marched in Nairobi on Tuesday.\n\n"
        "Police arrested dozens of protesters, witnesses said."
    )
    arrest = [e for e in code(text) if e.type == "COERCE"]
    assert arrest, "the arrest should be coded"
    place = arrest[0].place
    assert place is not None and place.basis == "article" and place.country == "KEN"
    assert place.confidence < 0.8


def test_the_actors_country_settles_an_ambiguous_name():
    resolver = PlaceResolver()
    countries = {e.country for e in gazetteer()["valencia"]}
    assert {"ESP", "VEN"} <= countries  # one name, cities in several countries
    alone = resolver.resolve("Valencia", 0, 8, "sentence", set())
    assert alone.confidence < 0.8  # the most populous, but a guess
    for country in ("ESP", "VEN"):
        chosen = resolver.resolve("Valencia", 0, 8, "sentence", {country})
        assert chosen.country == country and chosen.confidence >= 0.8


def test_an_unknown_name_is_kept_as_written():
    place = PlaceResolver().resolve("Xyzzyville", 5, 15, "sentence", {"USA"})
    assert (place.name, place.country, place.geonames_id) == ("Xyzzyville", None, None)
    assert place.confidence <= 0.3


def test_places_reach_the_row_and_gdelt_geography(code):
    [event] = code("Russian drones struck an apartment block in Lutsk on Monday.")
    row = event_record(event) | {"event_id": event.id, "url": None, "origin": "x"}
    assert row["place_country"] == "UKR" and row["place_geonames_id"] == event.place.geonames_id
    fields = dict(zip(_gdelt_columns(), gdelt_row(row), strict=True))
    assert fields["ActionGeo_Type"] == "4" and fields["ActionGeo_CountryCode"] == "UP"
    assert fields["ActionGeo_FeatureID"] == str(event.place.geonames_id)


def test_the_gazetteer_is_offline_and_complete_enough():
    places = gazetteer()
    assert {"caracas", "kyiv", "nairobi", "venezuela"} <= places.keys()
    assert fips_code("VEN") == "VE" and fips_code(None) == ""


def _gdelt_columns():
    from newsevents.export import GDELT_COLUMNS

    return GDELT_COLUMNS


def test_a_division_reaches_the_row_and_gdelt_adm1(code):
    [event] = code("Gunmen killed 20 villagers in Zamfara State on Sunday.")
    assert (event.place.country, event.place.admin1, event.place.admin1_name) == (
        "NGA",
        "57",
        "Zamfara",
    )
    row = event_record(event) | {"event_id": event.id, "url": None, "origin": "x"}
    assert row["place_admin1_name"] == "Zamfara"
    fields = dict(zip(_gdelt_columns(), gdelt_row(row), strict=True))
    assert fields["ActionGeo_Type"] == "5" and fields["ActionGeo_ADM1Code"] == "NI57"


def test_a_us_landmark_is_a_us_city_in_gdelt(code):
    [event] = code("Trump met Erdogan at the White House on Monday.")
    row = event_record(event) | {"event_id": event.id, "url": None, "origin": "x"}
    fields = dict(zip(_gdelt_columns(), gdelt_row(row), strict=True))
    assert fields["ActionGeo_Type"] == "3" and fields["ActionGeo_ADM1Code"] == "USDC"
    assert fields["ActionGeo_CountryCode"] == "US"


def test_the_division_name_is_stored(tmp_path, code):
    from newsevents.model import Document
    from newsevents.store import Store

    text = "Police arrested 30 protesters in the state of Zulia."
    events = code(text)
    assert events
    document = Document(id=events[0].doc_id, raw=text, paragraphs=[text], events=events)
    with Store.open(str(tmp_path / "p.db")) as store:
        store.write_batch([document], coder_version="t")
        [row] = store.query_events(limit=None)
    assert (row["place_country"], row["place_admin1_name"]) == ("VEN", "Zulia")
