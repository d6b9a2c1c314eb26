"""Who says so: an event stated in a quote or a report carries its speaker."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _only(events, kind):
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} in {[(e.type, e.trigger) for e in events]}"
    return found[0]


def test_the_subject_of_the_speech_verb_reports_the_event(code_text):
    event = _only(
        code_text("Ukrainian officials said Russian drones struck an apartment block."),
        "ASSAULT",
    )
    assert event.source.actor.code == "RUSMIL"
    assert event.reported_by is not None and event.reported_by.text == "Ukrainian officials"
    assert event.reported_by.actor.country == "UKR"


def test_a_direct_quote_is_its_speakers(code_text):
    text = '"We will never accept a foreign invasion," Maduro said on Sunday.'
    event = _only(code_text(text), "REJECT")
    assert event.reported_by is not None and event.reported_by.actor.country == "VEN"
    assert text[event.reported_by.start : event.reported_by.end] == "Maduro"


def test_according_to_names_the_source_even_when_unknown(code_text):
    text = "According to the Daily Planet, Japan delivered medicine to Ukraine."
    event = _only(code_text(text), "AID")
    assert event.reported_by is not None
    assert event.reported_by.text.endswith("Daily Planet")
    assert event.reported_by.actor.code == "UNK"  # kept as written, not invented


def test_an_article_asserting_an_event_reports_it_itself(code_text):
    event = _only(code_text("Russia accused Ukraine of shelling the plant."), "ACCUSE")
    assert event.reported_by is None
