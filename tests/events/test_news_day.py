"""The story's day: a day the lede names carries to later acts told in the past tense
without a date of their own; a background year or a statement in the present does not."""

from datetime import date

import pytest

PUBLISHED = date(2025, 9, 27)  # a Saturday


def _dates(events, kind):
    return [(e.date.start, e.date.basis) for e in events if e.type == kind]


@pytest.mark.slow
def test_the_day_the_lede_names_carries_to_the_next_acts(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "Chilean officials accused the students of vandalism.",
        PUBLISHED,
    )
    assert (date(2025, 9, 25), "expression") in _dates(events, "COERCE")
    assert _dates(events, "ACCUSE") == [(date(2025, 9, 25), "context")]


@pytest.mark.slow
def test_a_background_year_is_not_the_story_day(code_text):
    events = code_text(
        "Chile and Peru signed a border treaty in 2015.\n\n"
        "Chilean officials accused Peru of breaking the treaty.",
        PUBLISHED,
    )
    assert _dates(events, "ACCUSE") == [(PUBLISHED, "publication")]


@pytest.mark.slow
def test_an_act_told_in_the_present_keeps_the_publication_day(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "Chilean officials accuse the students of vandalism.",
        PUBLISHED,
    )
    assert [start for start, _ in _dates(events, "ACCUSE")] != [date(2025, 9, 25)]
