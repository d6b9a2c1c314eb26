"""Place accuracy on matched events: the country, and the first-level division where the
gold names one, by its name in any common spelling or its GeoNames code."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from newsevents.evaluate import load_gold, score
from newsevents.model import Actor, ActorMention, Document, Event, Place

_POLICE = ActorMention("police", 0, 1, Actor("police", None, "COP"))


def _score(tmp_path, location: dict, event: Event) -> dict:
    path = tmp_path / "gold.jsonl"
    item = {"id": "1", "text": "x", "events": [{"type": "COERCE", "location": location}]}
    path.write_text(json.dumps(item), "utf-8")
    document = Document(id="d", raw="x", events=[event])
    return score(load_gold(path), [document]).as_dict()


AHMEDABAD = Place("Ahmedabad", 0, 9, "sentence", 0.9, "IND", "09", 23.0, 72.6, 1279233, "city",
                  "Gujarat")  # fmt: skip
MUNICH = Place("Munich", 0, 6, "sentence", 0.9, "DEU", "02", 48.1, 11.6, 2867714, "city",
               "Bavaria")  # fmt: skip


@pytest.mark.parametrize(
    ("location", "place", "country", "admin1"),
    [
        ({"name": "Ahmedabad", "country": "IND", "admin1": "Gujarat"}, AHMEDABAD, 1.0, 1.0),
        ({"name": "Munich", "country": "DEU", "admin1": "Bayern"}, MUNICH, 1.0, 1.0),
        ({"name": "Munich", "country": "DEU", "admin1": "02"}, MUNICH, 1.0, 1.0),
        ({"name": "Munich", "country": "DEU", "admin1": "Saxony"}, MUNICH, 1.0, 0.0),
        ({"name": "Munich", "country": "AUT", "admin1": "Bavaria"}, MUNICH, 0.0, 0.0),
        ({"name": "Ahmedabad", "country": "IND"}, AHMEDABAD, 1.0, None),
        ({"name": "Ahmedabad", "country": "IND", "admin1": "Gujarat"}, None, 0.0, 0.0),
        (
            {"country": "IND", "admin1": "Gujarat"},
            replace(AHMEDABAD, admin1=None, admin1_name=None),
            1.0,
            0.0,
        ),
    ],
)
def test_place_accuracy_at_country_and_admin1(
    tmp_path, location, place, country, admin1, make_event
):
    result = _score(tmp_path, location, make_event("COERCE", _POLICE, place=place))
    assert result["place_country_accuracy"] == country
    assert result["place_admin1_accuracy"] == admin1
    assert result["places_scored"] == 1


def test_events_without_a_gold_location_are_not_scored_for_place(tmp_path, make_event):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "x", "events": [{"type": "COERCE"}]}))
    document = Document(id="d", raw="x", events=[make_event("COERCE", _POLICE, place=AHMEDABAD)])
    result = score(load_gold(path), [document]).as_dict()
    assert result["place_country_accuracy"] is None and result["places_scored"] == 0
