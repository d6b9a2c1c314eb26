"""Datelines set off from the lead sentence they open, offsets kept."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp import parse_paragraphs
from newsevents.nlp._dateline import set_off_dateline


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("NAIROBI (Reuters) - Kenyan police fired tear gas.", "NAIROBI (Reuters) ."),
        ("NAIROBI, June 25 (Reuters) - Kenyan police fired.", "NAIROBI, June 25 (Reuters) ."),
        ("WASHINGTON — The Senate voted on Monday.", "WASHINGTON ."),
        ("NEW DELHI: The government said on Monday.", "NEW DELHI."),
        ("Lagos (AFP) -- Police arrested ten people.", "Lagos (AFP) ."),
        ("surat: the situation was calm, police said.", "surat."),
    ],
)
def test_a_dateline_becomes_a_sentence_of_its_own(text, dateline):
    marked = set_off_dateline(text)
    assert len(marked) == len(text)  # every offset still points into the article
    assert marked.startswith(dateline)
    assert marked[len(dateline) :].strip() == text[len(dateline) :].strip(" -")


@pytest.mark.parametrize(
    "text",
    [
        "Trump said: we will strike back.",  # a colon that opens a quote
        "Putin: Russia will respond to any attack.",  # a headline's speaker
        "Kenyan police fired tear gas - again - at the crowd.",
        "The U.S.-China talks ended on Monday.",
        "Police in Nairobi (Kenya) arrested ten people.",
    ],
)
def test_other_dashes_and_colons_stay(text):
    assert set_off_dateline(text) == text


@pytest.mark.slow
def test_the_lead_after_a_dateline_keeps_its_actor():
    from newsevents.events import RuleCoder

    text = "NAIROBI (Reuters) - Kenyan police fired tear gas at protesters on Tuesday."
    events = RuleCoder().code("d", list(parse_paragraphs([text])), [0], date(2025, 6, 25))
    assert any(e.type == "ASSAULT" and e.source.actor.code == "KENCOP" for e in events)
    assert all(e.sentence.startswith("Kenyan police") for e in events)
