"""event_date: the date the pipeline gives an event, from its sentence."""

from datetime import date

import pytest

from newsevents.time import event_date

SAT = date(2025, 9, 27)  # seed 000's byline date, a Saturday


@pytest.mark.parametrize(
    ("sentence", "start", "end", "expression"),
    [
        (
            "He conveyed the proposal to US envoy Ric Grenell earlier this month, along with a "
            "letter to Trump calling for direct dialogue to ease tensions.",
            date(2025, 9, 1),
            SAT,
            "earlier this month",
        ),
        (
            "Last year, Spanish authorities arrested the brother of Héctor “Niño” Guerrero, "
            "the gang’s leader.",
            date(2024, 1, 1),
            date(2024, 12, 31),
            "Last year",
        ),
        (
            "Trump has also targeted Venezuelans in the US accused of belonging to the cartel, "
            "with hundreds arrested and sent in March to El Salvador.",
            date(2025, 3, 1),
            date(2025, 3, 31),
            "in March",
        ),
        (
            "At least 14 people have died in recent weeks in US strikes on vessels.",
            date(2025, 8, 30),
            SAT,
            "in recent weeks",
        ),
        (
            "Despite tensions, Maduro has allowed deportation flights from the US to continue "
            "since January.",
            date(2025, 1, 1),
            SAT,
            "since January",
        ),
        (
            "The US has recently deployed troops and warships near Venezuelan waters.",
            date(2025, 8, 28),
            SAT,
            "recently",
        ),
    ],
)
def test_seed_sentences_take_their_expression(sentence, start, end, expression):
    result = event_date(sentence, SAT)
    assert (result.start, result.end, result.expression) == (start, end, expression)
    assert result.basis == "expression"


def test_a_complete_date_is_used_without_a_publication_date():
    sentence = (
        "González stated days earlier that on January 10, 2025 he would be in Caracas "
        "to take office."
    )
    result = event_date(sentence, None, hints=["days earlier", "January 10, 2025"])
    assert (result.start, result.end, result.granularity) == (
        date(2025, 1, 10),
        date(2025, 1, 10),
        "day",
    )


def test_the_most_specific_expression_wins():
    result = event_date("In 2024, talks began on March 3, 2024 and ended last month.", SAT)
    assert (result.start, result.granularity) == (date(2024, 3, 3), "day")


def test_the_first_of_equally_specific_expressions_wins():
    result = event_date("The envoy arrived on Monday and left on Thursday.", SAT)
    assert result.start == date(2025, 9, 22)


def test_tense_decides_the_direction():
    result = event_date("The two leaders will meet on Monday.", SAT, tense="future")
    assert result.start == date(2025, 9, 29)


def test_hints_add_dates_the_patterns_do_not_read():
    sentence = "Maduro was declared winner of the 2024 presidential election by loyalists."
    assert event_date(sentence, None).basis == "unknown"
    result = event_date(sentence, None, hints=["2024"])
    assert (result.start, result.end, result.expression) == (
        date(2024, 1, 1),
        date(2024, 12, 31),
        "2024",
    )


def test_a_hint_the_patterns_already_read_changes_nothing():
    sentence = "with hundreds arrested and sent in March to El Salvador"
    assert event_date(sentence, SAT, hints=["March"]).expression == "in March"


def test_hints_that_are_not_dates_are_ignored():
    result = event_date("They agreed a 30-day truce.", SAT, hints=["30-day", "weekly"])
    assert (result.start, result.basis) == (SAT, "publication")


def test_no_expression_means_the_publication_day():
    result = event_date("Ukraine accused Russia of shelling Kharkiv.", SAT)
    assert (result.start, result.end, result.granularity) == (SAT, SAT, "day")
    assert (result.expression, result.basis) == (None, "publication")


def test_no_publication_date_means_unknown_never_today():
    result = event_date("Ukraine accused Russia of shelling Kharkiv.", None)
    assert (result.start, result.end, result.granularity) == (None, None, None)
    assert (result.expression, result.basis) == (None, "unknown")


def test_a_relative_expression_without_publication_keeps_its_words():
    sentence = "Trump reportedly held a phone call last week with Venezuelan leader Nicolás Maduro."
    result = event_date(sentence, None, hints=["last week"])
    assert (result.start, result.end) == (None, None)
    assert (result.expression, result.granularity, result.basis) == (
        "last week",
        "week",
        "expression-unanchored",
    )


def test_an_open_range_counts_as_dated():
    # "since 2022" without a publication date still fixes the start.
    result = event_date("The border has been closed since 2022, yesterday's report said.", None)
    assert (result.start, result.end, result.expression) == (date(2022, 1, 1), None, "since 2022")
