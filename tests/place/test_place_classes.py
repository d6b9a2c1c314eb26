"""One table per kind of place error found on real news, with sentences written for
these tests: landmarks and seats of power, names that are not places, targets that are
places, and same-named places told apart by the article."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.model import Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def code():
    pipeline = Pipeline()

    def run(text: str) -> list[Event]:
        [document] = pipeline.process([text], published=date(2025, 6, 3))
        return document.events

    return run


def _placed(events: list[Event]) -> list[tuple[str | None, str | None]]:
    return [(e.place.country, e.place.admin1_name) for e in events if e.place]


# (sentence, ISO3, admin1 name) of the place every coded event should have
LANDMARKS = [
    ("Trump met Erdogan at the White House on Monday.", "USA", "Washington, D.C."),
    ("Protesters clashed with police in Tahrir Square.", "EGY", "Cairo"),
    ("Putin hosted Xi at the Kremlin on Tuesday.", "RUS", "Moscow"),
    ("Starmer met Zelensky in Downing Street.", "GBR", "England"),
    ("Macron met Modi at the Élysée Palace.", "FRA", "Île-de-France"),
    ("Maduro met Chinese envoys at Miraflores Palace.", "VEN", "Distrito Federal"),
    ("Police arrested dozens of protesters outside the Capitol.", "USA", "Washington, D.C."),
    ("Lula met Milei at the Planalto Palace.", "BRA", "Federal District"),
    ("Police detained activists in Tiananmen Square.", "CHN", "Beijing"),
    ("Police arrested protesters outside the Knesset.", "ISR", "Jerusalem"),
    ("Trump hosted Netanyahu at Mar-a-Lago.", "USA", "Florida"),
    ("Police arrested protesters in Red Square.", "RUS", "Moscow"),
    ("Milei met union leaders at the Casa Rosada.", "ARG", "Buenos Aires F.D."),
]


@pytest.mark.parametrize(("text", "country", "admin1"), LANDMARKS)
def test_a_landmark_is_a_place_of_its_city(code, text, country, admin1):
    events = code(text)
    assert events, "the sentence should be coded"
    assert _placed(events) == [(country, admin1)] * len(events)


# (sentence, words that are not the place)
NOT_PLACES = [
    ("Police arrested dozens of revellers during Diwali.", "Diwali"),
    ("Security forces detained 30 people on Eid.", "Eid"),
    ("China accused NASA of sending a spy probe to Titan.", "Titan"),
    ("Russia accused the United States of militarising Mars.", "Mars"),
    ("Gordon Sondland met Zelensky on Tuesday. Police in Sondland arrested two men.", "Sondland"),
    ("Beijing wants Trump to lift the tariffs, officials said.", "Beijing"),
    ("The Kremlin said Ukraine had attacked civilians.", "Kremlin"),
    ("The White House condemned the attack on civilians.", "White House"),
    ("Moscow's envoy accused Ukraine of attacking civilians.", "Moscow"),
    ("Jordan Peterson criticised the government of Canada.", "Jordan"),
    ("The Washington Post accused police of beating reporters.", "Washington"),
    ("Police raided the offices of Texas Instruments.", "Texas"),
]


@pytest.mark.parametrize(("text", "words"), NOT_PLACES)
def test_a_name_that_is_no_place_is_not_the_events_place(code, text, words):
    events = code(text)
    assert events, "the sentence should be coded"
    for event in events:
        assert event.place is None or words not in event.place.name, event.place


# (sentence, ISO3, place name as written)
TARGETS = [
    ("Russian forces shelled Kharkiv overnight.", "UKR", "Kharkiv"),
    ("Israel struck Tehran on Friday.", "IRN", "Tehran"),
    ("Russian drones attacked Odesa.", "UKR", "Odesa"),
    ("Ukraine attacked Belgorod with drones.", "RUS", "Belgorod"),
    ("The army deployed troops to Manipur.", "IND", "Manipur"),
    ("Pakistan launched air strikes on Kabul.", "AFG", "Kabul"),
    ("Houthi rebels fired missiles at Eilat.", "ISR", "Eilat"),
    ("M23 rebels attacked Goma.", "COD", "Goma"),
    ("Israeli jets bombed Khan Younis.", "PSE", "Khan Younis"),
    ("Saudi jets struck Sanaa.", "YEM", "Sanaa"),
    ("Modi visited Kyiv.", "UKR", "Kyiv"),
    ("Trump flew to Paris for talks with Macron.", "FRA", "Paris"),
    ("Russia attacked Ukraine with missiles.", "UKR", "Ukraine"),
]


@pytest.mark.parametrize(("text", "country", "name"), TARGETS)
def test_a_target_that_is_a_place_is_where_it_happened(code, text, country, name):
    events = [e for e in code(text) if e.place is not None]
    assert events, "the event should be coded and placed"
    assert {(e.place.country, e.place.name) for e in events} == {(country, name)}


# (sentence, ISO3, admin1 name or None)
NAMESAKES = [
    ("Police arrested 40 protesters in Georgia after a rally in Atlanta.", "USA", "Georgia"),
    ("Police arrested 40 protesters in Georgia, near Tbilisi.", "GEO", None),
    ("Spanish police arrested 12 people in Valencia.", "ESP", None),
    ("Venezuelan troops detained 12 people in Valencia.", "VEN", None),
    ("Pakistani police arrested 12 people in Punjab.", "PAK", "Punjab"),
    ("Indian police arrested 12 people in Punjab.", "IND", "Punjab"),
    ("Police arrested protesters in Victoria, near Melbourne.", "AUS", "Victoria"),
    ("Police arrested 10 people in Córdoba, Argentina.", "ARG", None),
    ("Police arrested 20 migrants in Córdoba, Spain.", "ESP", None),
    ("Police in Washington arrested 12 protesters near the White House.", "USA", None),
    ("WASHINGTON - Trump praised Erdogan as a tough negotiator.", "USA", "Washington, D.C."),
]


@pytest.mark.parametrize(("text", "country", "admin1"), NAMESAKES)
def test_the_article_tells_namesakes_apart(code, text, country, admin1):
    events = [e for e in code(text) if e.place is not None]
    assert events, "the event should be coded and placed"
    for event in events:
        assert event.place.country == country, event.place
        if admin1:
            assert event.place.admin1_name == admin1, event.place


def test_the_article_place_in_the_actors_country_comes_first(code):
    text = (
        "Thousands of migrants crossed into Texas last month.\n\n"
        "More than 300 Indians were deported by Mexican immigration authorities, "
        "officials said.\n\n"
        "Texas officials said the border near El Paso was calm. Mexican officials in "
        "Tapachula said the flights went on."
    )
    [deported] = [e for e in code(text) if e.source and e.source.actor.country == "MEX"]
    assert deported.place is not None and deported.place.basis == "article"
    assert (deported.place.name, deported.place.country) == ("Tapachula", "MEX")


def test_an_arrest_by_a_states_police_with_no_place_named_is_in_that_state(code):
    text = "Thousands marched in Caracas on Sunday.\n\nSpanish police arrested the gang's leader."
    [arrest] = [e for e in code(text) if e.type == "COERCE"]
    assert arrest.place is not None and arrest.place.basis == "actor"
    assert (arrest.place.country, arrest.place.feature) == ("ESP", "country")
    assert arrest.place.confidence < 0.5
