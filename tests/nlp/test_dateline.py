"""Datelines set off from the lead sentence they open, offsets kept."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp import parse_paragraphs
from newsevents.nlp._dateline import set_off_dateline


@pytest.mark.parametrize(
    ("text", "dateline", "lead"),
    [
        ("NAIROBI (Reuters) - Kenyan police fired.", "Nairobi.", "Kenyan police fired."),
        ("NAIROBI, June 25 (Reuters) - Police fired.", "Nairobi, June 25.", "Police fired."),
        ("WASHINGTON — The Senate voted on Monday.", "Washington.", "The Senate voted on Monday."),
        ("NEW DELHI: The government said so.", "New Delhi.", "The government said so."),
        ("Lagos (AFP) -- Police arrested ten people.", "Lagos.", "Police arrested ten people."),
        ("SANTA FE, N.M. (AP) — A cat was found.", "Santa Fe, N.M.", "A cat was found."),
        (
            "surat: the situation was calm, police said.",
            "surat.",
            "the situation was calm, police said.",
        ),
    ],
)
def test_a_dateline_becomes_a_sentence_of_its_own(text, dateline, lead):
    """Its place written as a name and ended with a full stop, the news agency blanked
    ("Reuters" is no actor in the story), every offset kept."""
    marked = set_off_dateline(text)
    assert len(marked) == len(text)
    assert marked.startswith(dateline)
    assert marked[len(dateline) :].lstrip() == lead
    assert text.endswith(lead)


@pytest.mark.parametrize(
    "text",
    [
        "Trump said: we will strike back.",  # a colon that opens a quote
        "Putin: Russia will respond to any attack.",  # a headline's speaker
        "US - China talks resumed on Monday.",  # initials, no place
        "Kenyan police fired tear gas - again - at the crowd.",
        "The U.S.-China talks ended on Monday.",
        "Police in Nairobi (Kenya) arrested ten people.",
    ],
)
def test_other_dashes_and_colons_stay(text):
    assert set_off_dateline(text) == text


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI (Reuters) - Kenyan police fired tear gas at protesters on Tuesday.",
        # the agency is no actor: bare police are the dateline's, not British
        "NAIROBI (Reuters) - Police fired tear gas at protesters on Tuesday.",
    ],
)
def test_the_lead_after_a_dateline_keeps_its_actor(text):
    from newsevents.events import RuleCoder

    events = RuleCoder().code("d", list(parse_paragraphs([text])), [0], date(2025, 6, 25))
    assert any(e.type == "ASSAULT" and e.source.actor.code == "KENCOP" for e in events)
    assert all(e.sentence.endswith("on Tuesday.") for e in events)
