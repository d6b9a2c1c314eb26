"""Event nouns their subject receives ("faced criticism from Uganda"), and event nouns
whose "from" phrase names who acts ("criticism from Uganda")."""

import pytest

from newsevents.events import parse_pattern_book


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a receiving verb is the target, the "from" phrase the actor
        ("The Kenyan government faced sharp criticism from Uganda on Monday.", "UGAGOV"),
        ("The Chilean president drew condemnation from Peru last week.", "PERGOV"),
        ("The Kenyan finance minister came under criticism from Uganda.", "UGAGOV"),
        # or the noun's holder, coordinated holders included
        ("Canada faced stiff international and Mexican criticism over the border plan.", "MEX"),
    ],
)
def test_a_received_event_is_aimed_at_the_subject(code_dyads, text, expected):
    accusations = [(s, t) for kind, s, t in code_dyads(text) if kind == "ACCUSE"]
    assert accusations
    source, target = accusations[0]
    assert source == expected
    assert target is not None and target != expected


@pytest.mark.slow
def test_the_from_phrase_of_a_speech_act_noun_is_its_actor(code_dyads):
    found = code_dyads("Criticism from Uganda followed on Monday.")
    assert any(kind == "ACCUSE" and source == "UGAGOV" for kind, source, _ in found)


@pytest.mark.slow
def test_the_from_phrase_of_a_withdrawal_is_the_place_left(code_dyads):
    found = code_dyads("The withdrawal of Russian troops from Syria began on Monday.")
    assert not any(source == "SYR" for _, source, _ in found)


def test_from_source_types_must_be_plover_types():
    from newsevents.errors import ConfigError

    with pytest.raises(ConfigError, match="PLOVER"):
        parse_pattern_book('from_source_types = ["SHOUT"]\n')


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Talks between Iran and Oman ended on Monday.",
        "The meeting between the Iranian and Omani foreign ministers ended on Monday.",
    ],
)
def test_an_event_between_two_sides_pairs_them(code_dyads, text):
    consults = [(s, t) for kind, s, t in code_dyads(text) if kind == "CONSULT"]
    assert consults
    sides = {code[:3] for pair in consults for code in pair if code}
    assert sides == {"IRN", "OMN"}
