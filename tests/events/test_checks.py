"""The last check on every event: a target is never the source itself nor a piece of
the source's name, and an implied (domestic) target names no words."""

from __future__ import annotations

import pytest

from newsevents.events._checks import checked, names_the_source
from newsevents.model import Actor, ActorMention, Event

TRUMP = Actor("Donald Trump", "USA", "GOV")
XI = Actor("Xi Jinping", "CHN", "GOV")


def _mention(text: str, start: int, actor: Actor, *, implied: bool = False) -> ActorMention:
    return ActorMention(text, start, start + len(text), actor, implied=implied)


def _event(source: ActorMention, target: ActorMention | None) -> Event:
    return Event("d", "ACCUSE", source, target, "s", 0, 100, "slammed", 50, 57)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # the source's own words, or a piece of them
        (_mention("the White House", 3, TRUMP), _mention("White", 7, Actor("USA", "USA"))),
        (_mention("Chinese President Xi", 0, XI), _mention("Xi", 60, XI)),
        # the same person named again
        (_mention("Xi Jinping", 0, XI), _mention("the Chinese leader", 40, XI)),
        (_mention("Trump", 20, TRUMP), _mention("Trump", 70, TRUMP)),
    ],
)
def test_a_target_that_names_the_source_is_dropped(source, target):
    assert names_the_source(target, source)
    event = checked(_event(source, target))
    assert event.target is None and event.source is source


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (
            _mention("Venezuela", 0, Actor("Venezuela", "VEN", "GOV")),
            _mention("Washington", 20, TRUMP),
        ),
        (_mention("Trump", 0, TRUMP), _mention("Xi", 20, XI)),
        # "Venezuelan" is not "Venezuela": whole words only
        (
            _mention("Venezuelan troops", 0, Actor("VEN", "VEN", "MIL")),
            _mention("Venezuela", 30, Actor("Venezuela", "VEN")),
        ),
    ],
)
def test_other_targets_are_kept(source, target):
    assert checked(_event(source, target)).target is target


def test_an_implied_target_is_kept():
    implied = ActorMention("", 0, 0, Actor("United States", "USA"), implied=True)
    assert checked(_event(_mention("Trump", 20, TRUMP), implied)).target is implied


SENTENCES = [
    "At the White House, Trump slammed the decision.",
    "Chinese President Xi Jinping criticised Xi's rivals at the party congress.",
    "Egyptian police arrested dozens of protesters in Cairo.",
    "The Kremlin said Russia would punish Ukraine.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_no_coded_target_is_the_sources_words(code_text, text):
    for event in code_text(text):
        if event.source is None or event.target is None:
            continue
        assert not names_the_source(event.target, event.source), event
        source_words = text[event.source.start : event.source.end]
        assert event.target.implied or event.target.text not in source_words.split(), event


def test_the_white_house_is_not_a_target(code_text):
    events = code_text("At the White House, Trump slammed the decision.")
    assert events, "no event coded"
    for event in events:
        assert event.target is None or event.target.implied, event
        assert event.target is None or event.target.text == ""


def test_an_implied_domestic_target_names_no_words(code_text):
    [event] = [e for e in code_text("Egyptian police arrested dozens overnight.")]
    assert event.target is not None and event.target.actor.code == "EGY"
    assert event.target.implied and event.target.text == ""
    assert event.target.start == event.target.end


def test_another_country_inside_the_source_phrase_is_kept():
    # "Danish and Swedish police": Sweden is the other party, not a piece of Denmark
    source = _mention("Danish and Swedish police", 0, Actor("Denmark police", "DNK", "COP"))
    target = _mention("Swedish", 11, Actor("Sweden", "SWE"))
    assert checked(_event(source, target)).target is target
