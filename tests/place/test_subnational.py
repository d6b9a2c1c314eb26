"""States and provinces of the USA, India, Nigeria, Mexico and Canada in the forms news
writes them: abbreviations after a city ("Dekalb, Ill.", "Raleigh, NC"), "the state of
X", "X State", possessives, capitals; a city followed by its division is the one there.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.pipeline import Pipeline
from newsevents.place import PlaceResolver, lookup
from newsevents.place._names import fold
from newsevents.place._resolve import abbreviations


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


def _division(resolver: PlaceResolver, name: str) -> tuple[str | None, str | None]:
    place = resolver.resolve(name, 0, len(name), "sentence")
    return place.country, place.admin1_name


@pytest.mark.parametrize(
    ("written", "country", "division"),
    [
        ("Calif.", "USA", "California"),
        ("Ill.", "USA", "Illinois"),
        ("N.Y.", "USA", "New York"),
        ("W.Va.", "USA", "West Virginia"),
        ("NC", "USA", "North Carolina"),
        ("TX", "USA", "Texas"),
        ("B.C.", "CAN", "British Columbia"),
        ("QC", "CAN", "Quebec"),
        ("Ont.", "CAN", "Ontario"),
    ],
)
def test_an_abbreviated_state_or_province_is_that_division(resolver, written, country, division):
    assert _division(resolver, written) == (country, division)


@pytest.mark.parametrize("written", ["IN", "OR", "ME", "OK", "ill", "nc", "Miss."])
def test_a_word_or_another_case_is_no_abbreviation(written):
    assert written not in abbreviations()


def test_every_abbreviation_names_a_division_of_the_gazetteer(resolver):
    for written in abbreviations():
        place = resolver.resolve(written, 0, len(written), "sentence")
        assert place.feature == "admin1", written


@pytest.mark.parametrize(
    ("name", "country", "division"),
    [
        ("Federal Capital Territory", "NGA", "FCT"),
        ("Orissa", "IND", "Odisha"),
        ("Newfoundland", "CAN", "Newfoundland and Labrador"),
        ("the state of Oaxaca", "MEX", "Oaxaca"),
        ("Zamfara State", "NGA", "Zamfara"),
        ("Enugu state", "NGA", "Enugu"),
        ("Oregon's", "USA", "Oregon"),
        ("OHIO", "USA", "Ohio"),
    ],
)
def test_a_division_is_found_in_its_written_forms(resolver, name, country, division):
    found_country, found = _division(resolver, name)
    assert found_country == country
    assert found is not None and fold(found) == fold(division)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "division"),
    [
        # Springfield, Missouri is the bigger one: the written state decides.
        ("Police arrested four protesters in Springfield, Mass., on Sunday.", "Massachusetts"),
        ("Protesters marched in Columbus, Ga., on Saturday.", "Georgia"),
        ("Police detained two men in Portland, Maine, on Friday.", "Maine"),
        ("Police arrested 12 demonstrators in Raleigh, NC on Friday.", "North Carolina"),
        ("Officers arrested a teacher in Dekalb, Ill., on Monday.", "Illinois"),
        ("Police in TEXAS arrested a smuggler on Monday.", "Texas"),
        # a postal code the recogniser takes for a firm still names the state
        ("Police arrested five protesters in Springfield, IL on Friday.", "Illinois"),
        ("Deputies detained two men in Columbus, GA on Friday.", "Georgia"),
    ],
)
def test_a_city_followed_by_its_state_is_the_one_in_that_state(pipeline, text, division):
    [document] = pipeline.process([text], published=date(2025, 6, 3))
    assert document.events, "the sentence should be coded"
    place = document.events[0].place
    assert place is not None and place.country == "USA", place
    assert place.admin1_name == division, place


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country", "division"),
    [
        # the recogniser leaves the name untagged, or tags it as a nationality
        ("Police detained 15 farmers in the Indian state of Punjab on Monday.", "IND", "Punjab"),
        ("Marines killed eight gunmen in Mexico's Michoacan state on Friday.", "MEX", "Michoacán"),
        # "the state of" means the state, not its namesake capital city
        ("Police arrested teachers in the southern state of Oaxaca.", "MEX", "Oaxaca"),
    ],
)
def test_a_name_written_as_a_division_is_that_division(pipeline, text, country, division):
    [document] = pipeline.process([text], published=date(2025, 6, 3))
    assert document.events, "the sentence should be coded"
    place = document.events[0].place
    assert place is not None and place.country == country, place
    assert place.feature == "admin1" and place.admin1_name == division, place


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country", "division"),
    [
        # "Georgia" is a country and "Savannah" a region of Ghana: together, the US state
        ("Police in Georgia detained a suspect after a shooting in Savannah.", "USA", "Georgia"),
        ("Two men were arrested after a brawl in Savannah, Georgia.", "USA", "Georgia"),
        # a far bigger usual reading stays: Paris beside Texas is still in France
        ("The Texas governor flew to Paris for talks with Macron.", "FRA", "Île-de-France"),
    ],
)
def test_names_that_fit_together_are_read_together(pipeline, text, country, division):
    [document] = pipeline.process([text], published=date(2025, 6, 3))
    assert document.events, "the sentence should be coded"
    place = document.events[0].place
    assert place is not None and place.country == country, place
    assert place.admin1_name == division, place


@pytest.mark.parametrize(
    ("name", "country", "division"),
    [
        ("Southern California", "USA", "California"),
        ("upstate New York", "USA", "New York"),  # the state, not the city
        ("northern Kaduna", "NGA", "Kaduna"),
        ("western Odisha", "IND", "Odisha"),
        ("Northern Sonora", "MEX", "Sonora"),
        ("northern Nigeria", "NGA", None),
    ],
)
def test_a_part_of_a_division_or_country_is_placed_in_the_whole(name, country, division):
    [first, *_] = lookup(name)
    assert first.feature in {"admin1", "country"}
    assert (first.country, first.admin1_name) == (country, division)


@pytest.mark.parametrize("name", ["North Carolina", "West Bengal", "East London", "South Sudan"])
def test_a_name_that_begins_with_a_direction_keeps_its_own_reading(name):
    [first, *_] = lookup(name)
    assert fold(first.name) == fold(name)


@pytest.mark.parametrize("name", ["northern Paris", "eastern Xyzzyville"])
def test_a_part_of_a_city_or_of_an_unknown_is_not_guessed(name):
    assert lookup(name) == []


@pytest.mark.parametrize("name", ["Europe", "Asia", "Africa", "the Middle East", "Latin America"])
def test_a_continent_or_world_region_is_a_region_of_no_country(name):
    [first, *_] = lookup(name)
    assert (first.feature, first.country) == ("region", None)
