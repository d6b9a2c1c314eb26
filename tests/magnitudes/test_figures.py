"""Figures read through the parse: only numbers that quantify the people a cue word is
about count, and each goes to the event of its own clause. Sentences written for these
tests, not taken from any gold."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.magnitudes import figures_in
from newsevents.model import Event
from newsevents.pipeline import Pipeline

pytestmark = pytest.mark.slow


def _figures(nlp, text: str) -> dict[str, tuple[int, int | None, int | None, str]]:
    found = [f for sentence in nlp(text).sents for f in figures_in(sentence)]
    return {f.kind: (f.figure.value, f.figure.low, f.figure.high, f.words.text) for f in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each kind
        ("Gunmen killed seven farmers near the border.", {"killed": (7, None, None, "seven")}),
        ("Nine pilgrims died when the bridge collapsed.", {"killed": (9, None, None, "Nine")}),
        ("The blast wounded 23 shoppers.", {"injured": (23, None, None, "23")}),
        ("Troops detained 45 students at the campus.", {"arrested": (45, None, None, "45")}),
        (
            "About 3,400 families fled the floodwaters.",
            {"displaced": (3400, None, None, "About 3,400")},
        ),
        (
            "Ninety-two migrants were deported to Haiti.",
            {"displaced": (92, None, None, "Ninety-two")},
        ),
        (
            "Some 8,000 nurses marched through the capital.",
            {"crowd": (8000, None, None, "Some 8,000")},
        ),
        # bounds, ranges and vague quantities
        (
            "At least 31 miners were killed in the collapse.",
            {"killed": (31, 31, None, "At least 31")},
        ),
        (
            "More than 13,000 villagers were displaced by the dam.",
            {"displaced": (13000, 13000, None, "More than 13,000")},
        ),
        ("Dozens were injured in the stampede.", {"injured": (24, 24, 99, "Dozens")}),
        ("Police arrested hundreds of fans.", {"arrested": (200, 200, 999, "hundreds")}),
        ("Up to 60 sailors may have died.", {"killed": (60, None, 60, "Up to 60")}),
        ("Between 12 and 15 guards died.", {"killed": (12, 12, 15, "Between 12 and 15")}),
        # totals and nouns
        ("The death toll from the landslide rose to 48.", {"killed": (48, None, None, "48")}),
        ("The raid left four dead.", {"killed": (4, None, None, "four")}),
        ("Two climbers froze to death.", {"killed": (2, None, None, "Two")}),
        ("A crowd of 2,000 gathered at dawn.", {"crowd": (2000, None, None, "2,000")}),
        # one person
        (
            "A 61-year-old teacher was killed in the shelling.",
            {"killed": (1, None, None, "A 61-year-old teacher")},
        ),
        ("The editor was arrested at her home.", {"arrested": (1, None, None, "The editor")}),
        # conjoined groups are summed
        (
            "The ambush killed three soldiers and two police officers.",
            {"killed": (5, None, None, "three soldiers and two")},
        ),
    ],
)
def test_figures_of_each_kind(nlp, text, expected):
    assert _figures(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police killed protesters on 14 March 2024.",  # a date
        "The 35-year-old activist criticised the ministry.",  # an age, no cue
        "Officers executed a search warrant at 12 Elm Street.",  # a thing, not a person
        "The government paid $40 million to the 300 families.",  # money
        "Turnout fell by 12 percent as protesters stayed home.",  # a percentage
        "Protesters demanded the return of Article 370 at the G20 summit.",  # names
        "The law died in committee after 90 days.",  # no person
        "The company hired 400 workers in 2019.",  # no cue
        "A court sentenced three activists to death.",  # a sentence, not a killing
    ],
)
def test_numbers_that_are_no_magnitude(nlp, text):
    assert _figures(nlp, text) == {}


@pytest.fixture(scope="module")
def code():
    pipeline = Pipeline()

    def run(text: str) -> list[Event]:
        [document] = pipeline.process([text], published=date(2025, 6, 3))
        return document.events

    return run


def _by_type(events: list[Event]) -> dict[str, dict[str, int]]:
    return {e.type: {k: m.value for k, m in e.magnitudes.items()} for e in events}


def test_each_event_takes_the_figure_of_its_own_clause(code):
    events = code("Soldiers killed four villagers and detained 35 men in Kaduna on Friday.")
    assert _by_type(events) == {"ASSAULT": {"killed": 4}, "COERCE": {"arrested": 35}}


def test_a_figure_keeps_its_words_and_span(code):
    text = "Riot police arrested at least 70 demonstrators in Minsk."
    [event] = code(text)
    figure = event.magnitudes["arrested"]
    assert (figure.value, figure.low, figure.high) == (70, 70, None)
    assert text[figure.start : figure.end] == figure.text == "at least 70"


def test_an_accusation_does_not_take_the_killings_toll(code):
    events = code("The opposition accused the army of killing 30 civilians in Tigray.")
    assert all("killed" not in e.magnitudes for e in events if e.type == "ACCUSE")


def test_equally_near_events_leave_the_toll_to_the_type_listed_first(code):
    events = code("Police opened fire to disperse the crowd on Monday, killing two men.")
    killed = {e.type for e in events if "killed" in e.magnitudes}
    assert killed == {"ASSAULT"}


def test_numbers_of_organisations_are_no_crowd(nlp):
    assert _figures(nlp, "Eleven unions have called a general strike for Friday.") == {}


def test_a_name_the_recogniser_left_untyped_is_one_person(nlp):
    assert _figures(nlp, "Mbeki was detained at the airport.")["arrested"][0] == 1
