"""resolve_expression: each expression, against a publication date and a tense."""

from datetime import date

import pytest

from newsevents.time import resolve_expression

SAT = "2025-09-27"  # a Saturday; the publication date of seed 000


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# (expression, published, tense, start, end, granularity)
CASES = [
    # weeks (ISO, Monday first)
    ("last week", SAT, "past", "2025-09-15", "2025-09-21", "week"),
    ("this week", SAT, "past", "2025-09-22", SAT, "week"),
    ("this week", SAT, "present", "2025-09-22", "2025-09-28", "week"),
    ("this week", SAT, "future", SAT, "2025-09-28", "week"),
    ("next week", SAT, "future", "2025-09-29", "2025-10-05", "week"),
    ("next week", SAT, "past", "2025-09-29", "2025-10-05", "week"),  # the words say forward
    ("early this week", SAT, "past", "2025-09-22", "2025-09-23", "week"),
    ("two weeks ago", SAT, "past", "2025-09-08", "2025-09-14", "week"),
    # months
    ("earlier this month", SAT, "past", "2025-09-01", SAT, "month"),
    ("this month", SAT, "past", "2025-09-01", SAT, "month"),
    ("later this month", SAT, "past", SAT, "2025-09-30", "month"),
    ("last month", SAT, "past", "2025-08-01", "2025-08-31", "month"),
    ("next month", SAT, "future", "2025-10-01", "2025-10-31", "month"),
    ("in March", SAT, "past", "2025-03-01", "2025-03-31", "month"),
    ("in March", "2025-02-10", "past", "2024-03-01", "2024-03-31", "month"),
    ("in March", SAT, "future", "2026-03-01", "2026-03-31", "month"),
    ("in March", SAT, "present", "2025-03-01", "2025-03-31", "month"),
    ("in September", SAT, "past", "2025-09-01", SAT, "month"),
    ("in September", "2025-09-10", "future", "2025-09-10", "2025-09-30", "month"),
    ("in March 2024", SAT, "future", "2024-03-01", "2024-03-31", "month"),
    ("MARCH 2024", None, "past", "2024-03-01", "2024-03-31", "month"),
    ("mid-October", SAT, "past", "2024-10-11", "2024-10-20", "month"),
    ("mid-October", SAT, "future", "2025-10-11", "2025-10-20", "month"),
    ("late February", "2025-09-27", "past", "2025-02-19", "2025-02-28", "month"),
    ("March", SAT, "past", "2025-03-01", "2025-03-31", "month"),  # a bare DATE entity
    # years
    ("last year", SAT, "past", "2024-01-01", "2024-12-31", "year"),
    ("this year", SAT, "past", "2025-01-01", SAT, "year"),
    ("later this year", SAT, "past", SAT, "2025-12-31", "year"),
    ("late last year", SAT, "past", "2024-09-01", "2024-12-31", "year"),
    ("in 2022", None, "past", "2022-01-01", "2022-12-31", "year"),
    ("2025", None, "past", "2025-01-01", "2025-12-31", "year"),
    ("late 2023", None, "past", "2023-09-01", "2023-12-31", "year"),
    ("in mid-2024", None, "past", "2024-05-01", "2024-08-31", "year"),
    # vague stretches before publication
    ("recently", SAT, "past", "2025-08-28", SAT, "range"),
    ("in recent weeks", SAT, "past", "2025-08-30", SAT, "range"),
    ("in recent days", SAT, "past", "2025-09-20", SAT, "range"),
    ("days earlier", SAT, "past", "2025-09-20", SAT, "range"),
    ("days ago", SAT, "past", "2025-09-20", SAT, "range"),
    ("the past few weeks", SAT, "past", "2025-08-30", SAT, "range"),
    ("over the past two weeks", SAT, "past", "2025-09-13", SAT, "range"),
    ("in the last five years", SAT, "past", "2020-09-27", SAT, "range"),
    ("the next few days", SAT, "future", SAT, "2025-10-04", "range"),
    # days
    ("last Sunday", SAT, "past", "2025-09-21", "2025-09-21", "day"),
    ("last Saturday", SAT, "past", "2025-09-20", "2025-09-20", "day"),  # strictly before
    ("on Monday", SAT, "past", "2025-09-22", "2025-09-22", "day"),
    ("on Monday", SAT, "future", "2025-09-29", "2025-09-29", "day"),
    ("on Saturday", SAT, "past", SAT, SAT, "day"),  # the day of publication itself
    ("on Saturday", SAT, "future", "2025-10-04", "2025-10-04", "day"),
    ("next Friday", SAT, "past", "2025-10-03", "2025-10-03", "day"),
    ("yesterday", SAT, "past", "2025-09-26", "2025-09-26", "day"),
    ("today", SAT, "past", SAT, SAT, "day"),
    ("tomorrow", SAT, "future", "2025-09-28", "2025-09-28", "day"),
    ("three days ago", SAT, "past", "2025-09-24", "2025-09-24", "day"),
    ("July 28", SAT, "past", "2025-07-28", "2025-07-28", "day"),
    ("July 28", SAT, "future", "2026-07-28", "2026-07-28", "day"),
    ("February 29", SAT, "past", "2024-02-29", "2024-02-29", "day"),
    # weekends
    ("last weekend", SAT, "past", "2025-09-20", "2025-09-21", "range"),
    ("over the weekend", "2025-09-22", "past", "2025-09-20", "2025-09-21", "range"),
    # since: from the start of what follows up to publication
    ("since early September", SAT, "past", "2025-09-01", SAT, "range"),
    ("since January", SAT, "past", "2025-01-01", SAT, "range"),
    ("since last week", SAT, "past", "2025-09-15", SAT, "range"),
    ("since 2022", SAT, "past", "2022-01-01", SAT, "range"),
    ("since 2022", None, "past", "2022-01-01", None, "range"),  # open-ended
    # complete dates need no publication date
    ("on January 10, 2025", None, "past", "2025-01-10", "2025-01-10", "day"),
    ("September 1, 2025", None, "past", "2025-09-01", "2025-09-01", "day"),
    ("10 January 2025", None, "past", "2025-01-10", "2025-01-10", "day"),
    ("2025-01-10", None, "past", "2025-01-10", "2025-01-10", "day"),
    ("Jan. 10th, 2025", None, "past", "2025-01-10", "2025-01-10", "day"),
    ("the 10th of January 2025", None, "past", "2025-01-10", "2025-01-10", "day"),
    ("Monday, September 22, 2025", None, "past", "2025-09-22", "2025-09-22", "day"),
    ("January the 10th, 2025", None, "past", "2025-01-10", "2025-01-10", "day"),  # dateparser
    ("Jan 10th '25", None, "past", "2025-01-10", "2025-01-10", "day"),  # dateparser
]

YEAR_BOUNDARIES = [
    ("last week", "2025-01-03", "past", "2024-12-23", "2024-12-29", "week"),
    ("this week", "2025-01-01", "past", "2024-12-30", "2025-01-01", "week"),
    ("next week", "2025-12-29", "future", "2026-01-05", "2026-01-11", "week"),
    ("last month", "2025-01-15", "past", "2024-12-01", "2024-12-31", "month"),
    ("next month", "2025-12-10", "future", "2026-01-01", "2026-01-31", "month"),
    ("in December", "2025-01-05", "past", "2024-12-01", "2024-12-31", "month"),
    ("in January", "2025-12-15", "future", "2026-01-01", "2026-01-31", "month"),
    ("last year", "2025-01-01", "past", "2024-01-01", "2024-12-31", "year"),
    ("yesterday", "2025-01-01", "past", "2024-12-31", "2024-12-31", "day"),
    ("last Friday", "2025-01-02", "past", "2024-12-27", "2024-12-27", "day"),
    ("a month ago", "2025-01-31", "past", "2024-12-01", "2024-12-31", "month"),
]


@pytest.mark.parametrize(
    ("expression", "published", "tense", "start", "end", "granularity"), CASES + YEAR_BOUNDARIES
)
def test_expression_resolves_to_its_interval(expression, published, tense, start, end, granularity):
    result = resolve_expression(expression, _day(published), tense=tense)
    assert result is not None
    assert (result.start, result.end, result.granularity) == (_day(start), _day(end), granularity)
    assert result.basis == "expression"
    assert result.expression and result.expression in expression


@pytest.mark.parametrize(
    ("expression", "granularity"),
    [
        ("last week", "week"),
        ("in March", "month"),
        ("on Monday", "day"),
        ("recently", "range"),
        ("since January", "range"),
        ("three days ago", "day"),
        ("days ago", "range"),
    ],
)
def test_relative_expression_without_publication_keeps_words_not_dates(expression, granularity):
    result = resolve_expression(expression, None)
    assert result is not None
    assert (result.start, result.end) == (None, None)
    assert (result.granularity, result.basis) == (granularity, "expression-unanchored")
    assert result.expression == expression


@pytest.mark.parametrize(
    "expression",
    [
        "the banana republic",
        "14 people",
        "13,000 Venezuelans",
        "third term",
        "30-day",
        "weekly",
        "17th",
        "the second half",
        "February 30",
        "2025-02-30",
        "01/02/2025",  # January or February, depending on the country
        "they may come",
        "",
    ],
)
def test_what_is_not_a_date_resolves_to_none(expression):
    assert resolve_expression(expression, date(2025, 9, 27)) is None


@pytest.mark.parametrize(
    "expression",
    [
        "last week",
        "Monday",
        "now",
        "17th",
        "in a few days",
        "in 2 days",
        "a week from now",
        "this year",
        "today",
    ],
)
def test_nothing_is_dated_from_the_current_day(expression):
    # dateparser fills what a text lacks from today; none of that may leak out.
    result = resolve_expression(expression, None)
    assert result is None or (result.start, result.end) == (None, None)


def test_an_undated_article_dates_its_events_across_its_publication_span():
    from newsevents.time import event_date_within

    span = (date(2024, 11, 6), date(2025, 1, 20))
    told = event_date_within("Maduro won the July 28 election.", span)
    assert (told.start, told.end) == (date(2024, 7, 28), date(2024, 7, 28))
    assert told.basis == "expression+publication-span"
    week = event_date_within("They met last week.", span, tense="past")
    assert week.start < span[0] and span[0] < week.end <= span[1]  # widened, not guessed
    plain = event_date_within("They met.", span)
    assert (plain.start, plain.end, plain.basis) == (*span, "publication-span")
    too_long = event_date_within("They met.", (date(2020, 1, 1), date(2025, 1, 1)))
    assert too_long.start is None
