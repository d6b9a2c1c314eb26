"""Event dates read from the text around the event: a relative date counted from the day
the text set, a date carried to the acts a sentence goes on to tell, a background act
dated to its own year."""

from datetime import date

import pytest

PUBLISHED = date(2025, 9, 27)  # a Saturday
THURSDAY = date(2025, 9, 25)


def _dates(events, kind):
    return [(e.date.start, e.date.end) for e in events if e.type == kind]


@pytest.mark.slow
def test_a_measured_time_counts_from_the_day_the_text_set(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "The arrests came two days after the students occupied a ministry building.",
        PUBLISHED,
    )
    assert _dates(events, "PROTEST") == [(date(2025, 9, 23), date(2025, 9, 23))]


@pytest.mark.slow
def test_today_in_a_quotation_is_the_day_it_was_said(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        '"We detained the leaders of the riot today," the police chief told reporters.',
        PUBLISHED,
    )
    assert (THURSDAY, THURSDAY) in _dates(events, "COERCE")
    assert all(start == THURSDAY for start, _ in _dates(events, "COERCE"))


@pytest.mark.slow
def test_a_statement_reported_in_the_past_keeps_the_story_day(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "The Peruvian foreign ministry said it condemns the arrests.",
        PUBLISHED,
    )
    assert _dates(events, "ACCUSE") == [(THURSDAY, THURSDAY)]


@pytest.mark.slow
def test_a_date_that_opens_a_sentence_dates_the_acts_told_after_it(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "In March, Peruvian troops attacked a Chilean border post.\n\n"
        "Chilean soldiers captured two Peruvian officers.\n\n"
        "Chile says the border is calm now.\n\n"
        "Chilean officials accused Peru of lying.",
        PUBLISHED,
    )
    march = (date(2025, 3, 1), date(2025, 3, 31))
    assert _dates(events, "ASSAULT") == [march]
    assert march in _dates(events, "COERCE")  # the capture, told in the March background
    # back to the present, then to the story: its day again
    assert _dates(events, "ACCUSE") == [(THURSDAY, THURSDAY)]


@pytest.mark.slow
def test_a_background_act_has_its_own_year(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "The students had occupied a ministry building last year.\n\n"
        "Chilean officials accused the students of vandalism.",
        PUBLISHED,
    )
    assert _dates(events, "PROTEST") == [(date(2024, 1, 1), date(2024, 12, 31))]
    # a year at the end of a sentence dates its own act, not the story's next ones
    assert _dates(events, "ACCUSE") == [(THURSDAY, THURSDAY)]


@pytest.mark.slow
def test_years_after_an_act_date_it_in_its_year(code_text):
    events = code_text(
        "Peruvian troops remain on the border, ten years after Chile attacked the post.",
        PUBLISHED,
    )
    assert _dates(events, "ASSAULT") == [(date(2015, 1, 1), date(2015, 12, 31))]


@pytest.mark.slow
def test_the_following_year_counts_from_the_date_the_text_set(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "Rebels kidnapped two Chilean engineers in August 2016.\n\n"
        "The following year, Chilean police arrested the rebel leader.",
        PUBLISHED,
    )
    assert (date(2017, 1, 1), date(2017, 12, 31)) in _dates(events, "COERCE")


@pytest.mark.slow
def test_the_day_a_statement_came_out_is_the_day_it_was_made(code_text):
    events = code_text(
        "Chilean police arrested 12 students in Santiago on Thursday.\n\n"
        "The Peruvian president condemned the arrests in a video posted on Friday.\n\n"
        "Chilean officials accused Peru of meddling.",
        PUBLISHED,
    )
    friday = date(2025, 9, 26)
    assert _dates(events, "ACCUSE") == [(friday, friday), (friday, friday)]


@pytest.mark.slow
def test_a_participle_on_another_noun_does_not_date_the_act(code_text):
    events = code_text(
        "Chilean police arrested 12 students accused of a bombing carried out on Monday.",
        PUBLISHED,
    )
    assert _dates(events, "COERCE") == [(PUBLISHED, PUBLISHED)]
