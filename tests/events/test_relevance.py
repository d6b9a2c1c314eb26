"""Everyday acts of unplaced private actors are no political events."""

import pytest


def _types(events):
    return {(e.type, e.source.actor.code if e.source else None) for e in events}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The company denies that anything has been decided.",
        "Most doctors ask patients about their bedding.",
        "So many people were talking about the new slogan.",
    ],
)
def test_everyday_acts_are_not_coded(code_text, text):
    assert code_text(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thousands of residents marched through the city.", "PROTEST"),
        ("Doctors in Kenya criticised the government.", "ACCUSE"),
    ],
)
def test_protest_and_placed_or_aimed_acts_are_kept(code_text, text, kind):
    assert kind in {k for k, _ in _types(code_text(text))}
