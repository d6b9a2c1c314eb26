"""Expressions counted from the date the text last set: "the following year", "two days
later", "the day after"; from publication when the text set none."""

from datetime import date

import pytest

from newsevents.model import EventDate
from newsevents.time import dated_expressions

PUBLISHED = date(2025, 9, 27)
LAST = EventDate(date(2016, 8, 3), date(2016, 8, 3), "day", "on August 3, 2016", "expression")


@pytest.mark.parametrize(
    ("sentence", "start", "end", "granularity"),
    [
        ("The following year, rebels released a video.", "2017-01-01", "2017-12-31", "year"),
        ("The next year, rebels released a video.", "2017-01-01", "2017-12-31", "year"),
        ("Rebels released a video the previous month.", "2016-07-01", "2016-07-31", "month"),
        ("Two days later, police arrested the driver.", "2016-08-05", "2016-08-05", "day"),
        ("Police arrested the driver the day after.", "2016-08-04", "2016-08-04", "day"),
        ("Days later, police arrested the driver.", "2016-08-03", "2016-08-10", "range"),
        ("Two days earlier, rebels had attacked.", "2016-08-01", "2016-08-03", "range"),
    ],
)
def test_counted_from_the_date_the_text_set(sentence, start, end, granularity):
    [found] = dated_expressions(sentence, PUBLISHED, last=LAST)
    assert (found.date.start, found.date.end) == (
        date.fromisoformat(start),
        date.fromisoformat(end),
    )
    assert found.date.granularity == granularity


def test_without_a_date_set_they_count_from_publication():
    [found] = dated_expressions("The following day, police arrested him.", PUBLISHED)
    assert found.date.start == date(2025, 9, 28)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks will resume over the next year.",  # a window from publication
        "Police arrested him the day after the vote.",  # measured from the vote
    ],
)
def test_not_a_sequel(sentence):
    found = dated_expressions(sentence, PUBLISHED, last=LAST, tense="future")
    assert all(d.date.start is None or d.date.start.year == 2025 for d in found)


def test_from_a_broad_date_they_keep_its_breadth():
    year = EventDate(date(2017, 1, 1), date(2017, 12, 31), "year", "The following year")
    [found] = dated_expressions("Two days later, police arrested him.", PUBLISHED, last=year)
    assert (found.date.start, found.date.end) == (date(2017, 1, 3), date(2018, 1, 2))
    assert found.date.granularity == "range"
