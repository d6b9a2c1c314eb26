from datetime import date

import pytest

from newsevents.time import event_date, find_date_expressions, resolve_expression

SAT = date(2025, 9, 27)  # a Saturday


@pytest.mark.parametrize(
    ("expression", "published", "tense", "start", "end", "granularity"),
    [
        ("last week", SAT, "past", date(2025, 9, 15), date(2025, 9, 21), "week"),
        ("this week", SAT, "past", date(2025, 9, 22), SAT, "week"),
        ("earlier this month", SAT, "past", date(2025, 9, 1), SAT, "month"),
        ("last month", SAT, "past", date(2025, 8, 1), date(2025, 8, 31), "month"),
        ("in March", SAT, "past", date(2025, 3, 1), date(2025, 3, 31), "month"),
        ("in March", date(2025, 2, 10), "past", date(2024, 3, 1), date(2024, 3, 31), "month"),
        ("in March", SAT, "future", date(2026, 3, 1), date(2026, 3, 31), "month"),
        ("in March 2024", SAT, "past", date(2024, 3, 1), date(2024, 3, 31), "month"),
        ("last year", SAT, "past", date(2024, 1, 1), date(2024, 12, 31), "year"),
        ("in 2022", None, "past", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("recently", SAT, "past", date(2025, 8, 28), SAT, "range"),
        ("in recent weeks", SAT, "past", date(2025, 8, 30), SAT, "range"),
        ("days earlier", SAT, "past", date(2025, 9, 20), SAT, "range"),
        ("last Sunday", SAT, "past", date(2025, 9, 21), date(2025, 9, 21), "day"),
        ("on Monday", SAT, "past", date(2025, 9, 22), date(2025, 9, 22), "day"),
        ("on Monday", SAT, "future", date(2025, 9, 29), date(2025, 9, 29), "day"),
        ("yesterday", SAT, "past", date(2025, 9, 26), date(2025, 9, 26), "day"),
        ("since early September", SAT, "past", date(2025, 9, 1), SAT, "range"),
        ("since January", SAT, "past", date(2025, 1, 1), SAT, "range"),
        ("on January 10, 2025", None, "past", date(2025, 1, 10), date(2025, 1, 10), "day"),
        ("10 January 2025", None, "past", date(2025, 1, 10), date(2025, 1, 10), "day"),
        ("2025-01-10", None, "past", date(2025, 1, 10), date(2025, 1, 10), "day"),
        ("next week", SAT, "future", date(2025, 9, 29), date(2025, 10, 5), "week"),
        ("last week", date(2025, 1, 3), "past", date(2024, 12, 23), date(2024, 12, 29), "week"),
        ("last month", date(2025, 1, 15), "past", date(2024, 12, 1), date(2024, 12, 31), "month"),
    ],
)
def test_expressions_resolve_to_intervals(expression, published, tense, start, end, granularity):
    result = resolve_expression(expression, published, tense=tense)
    assert result is not None
    assert (result.start, result.end, result.granularity) == (start, end, granularity)
    assert result.expression and result.basis == "expression"


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        (
            "He conveyed the proposal to US envoy Ric Grenell earlier this month",
            date(2025, 9, 1),
            SAT,
        ),
        (
            "Last year, Spanish authorities arrested the brother of the leader",
            date(2024, 1, 1),
            date(2024, 12, 31),
        ),
        (
            "with hundreds arrested and sent in March to El Salvador",
            date(2025, 3, 1),
            date(2025, 3, 31),
        ),
    ],
)
def test_sentences_take_their_expression(sentence, start, end):
    result = event_date(sentence, SAT)
    assert (result.start, result.end) == (start, end)


def test_no_expression_means_the_publication_day():
    result = event_date("Ukraine accused Russia of shelling Kharkiv.", SAT)
    assert (result.start, result.end, result.basis) == (SAT, SAT, "publication")


def test_no_publication_date_means_unknown_never_today():
    result = event_date("Ukraine accused Russia of shelling Kharkiv.", None)
    assert (result.start, result.end, result.basis) == (None, None, "unknown")


def test_relative_expression_without_anchor_keeps_the_words():
    result = event_date("They met last week.", None)
    assert result.start is None and result.expression == "last week"


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 14 people died.",
        "More than 13,000 Venezuelans were sent back.",
        "now in his third term",
    ],
)
def test_numbers_are_not_dates(sentence):
    assert find_date_expressions(sentence) == []


def test_most_specific_expression_wins():
    result = event_date("In 2024, on March 3, 2024, the talks began.", SAT)
    assert result.granularity == "day" and result.start == date(2024, 3, 3)


def test_garbage_is_not_a_date():
    assert resolve_expression("the banana republic", SAT) is None
