"""measured_date: an act a measured time before or after another, from that act's date."""

from datetime import date

import pytest

from newsevents.model import EventDate
from newsevents.time import measured_date

THURSDAY = EventDate(date(2025, 9, 25), date(2025, 9, 25), "day", "on Thursday", "context")


@pytest.mark.parametrize(
    ("measure", "mark", "start", "end", "granularity"),
    [
        ("a day", "after", "2025-09-24", "2025-09-24", "day"),
        ("three days", "before", "2025-09-28", "2025-09-28", "day"),
        ("hours", "after", "2025-09-25", "2025-09-25", "day"),  # the same day
        ("48 hours", "after", "2025-09-23", "2025-09-23", "day"),
        ("two weeks", "after", "2025-09-08", "2025-09-14", "week"),
        ("six months", "before", "2026-03-01", "2026-03-31", "month"),
        ("18 years", "after", "2007-01-01", "2007-12-31", "year"),
    ],
)
def test_counted_from_the_other_act(measure, mark, start, end, granularity):
    found = measured_date(measure, mark, THURSDAY)
    assert found is not None
    assert (found.start, found.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert found.granularity == granularity and found.expression == f"{measure} {mark}"


def test_a_month_anchor_keeps_its_breadth():
    may = EventDate(date(2025, 5, 1), date(2025, 5, 31), "month", "in May", "expression")
    found = measured_date("a year", "before", may)
    assert found is not None
    assert (found.start, found.end, found.granularity) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        "range",
    )


@pytest.mark.parametrize(
    ("measure", "mark", "anchor"),
    [
        ("days", "after", THURSDAY),  # how many is not said
        ("a few weeks", "after", THURSDAY),
        ("a day", "during", THURSDAY),  # not a mark that measures
        ("a day", "after", EventDate(None, None, None, None, "unknown")),
    ],
)
def test_no_date_without_a_count_a_mark_or_an_anchor(measure, mark, anchor):
    assert measured_date(measure, mark, anchor) is None
