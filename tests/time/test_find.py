"""find_date_expressions: which words of a sentence are a date, with their spans."""

import pytest

from newsevents.time import find_date_expressions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "He conveyed the proposal to US envoy Ric Grenell earlier this month",
            ["earlier this month"],
        ),
        (
            "Last year, Spanish authorities arrested the brother of Héctor “Niño” Guerrero",
            ["Last year"],
        ),
        ("with hundreds arrested and sent in March to El Salvador", ["in March"]),
        ("Maduro has allowed deportation flights to continue since January.", ["since January"]),
        ("Since early September, US forces have been bombing boats", ["Since early September"]),
        ("Russia said on Tuesday that talks failed last week.", ["on Tuesday", "last week"]),
        (
            "he would be in Caracas on January 10, 2025, he said days earlier",
            ["on January 10, 2025", "days earlier"],
        ),
        ("The ministry said on Monday, September 22, 2025 that", ["on Monday, September 22, 2025"]),
        ("Flights resumed on 2025-01-10 after a pause", ["on 2025-01-10"]),
        ("in mid-October and again in late 2023", ["in mid-October", "in late 2023"]),
        ("at least 14 people have died over the past few weeks", ["over the past few weeks"]),
        ("they may march in May", ["in May"]),  # the verbs are not months
        ("prices fell in the last week", ["in the last week"]),  # a window, not "last week"
        ("© 2025 Bloomberg", []),  # a bare year needs a preposition
    ],
)
def test_finds_the_expressions_in_order(sentence, expected):
    assert [text for text, _, _ in find_date_expressions(sentence)] == expected


def test_spans_point_into_the_sentence():
    sentence = "Trump reportedly held a phone call last week with Maduro, who spoke on Sunday."
    found = find_date_expressions(sentence)
    assert found == [("last week", 35, 44), ("on Sunday", 68, 77)]
    assert all(sentence[start:end] == text for text, start, end in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 14 people died.",
        "More than 13,000 Venezuelans were sent back.",
        "Maduro, now in his third term, was declared winner",
        "the 2024 presidential election",
        "a 30-day ceasefire and 2,000 troops",
        "the second half of the match",
        "Ukraine accused Russia of shelling Kharkiv.",
    ],
)
def test_numbers_and_ordinals_are_not_dates(sentence):
    assert find_date_expressions(sentence) == []
