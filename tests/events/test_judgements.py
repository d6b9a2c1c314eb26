"""Events told as an adjective: a feeling about someone ("pleased with"), a speaker's
verdict on someone ("is illegal, the minister said")."""

import pytest

from newsevents.errors import ConfigError
from newsevents.events import parse_pattern_book


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a feeling is its holder's, aimed at what it is about
        ("Kenya said it was pleased with the Ugandan decision.", ("SUPPORT", "KEN", "UGA")),
        ("Egypt was angry at the Ethiopian government.", ("ACCUSE", "EGY", "ETHGOV")),
        # a stance taken toward someone: "critical of", "supportive of", "hostile to"
        ("Brazil has been sharply critical of Argentina.", ("ACCUSE", "BRA", "ARG")),
        ("Poland remains supportive of Lithuania's bid.", ("SUPPORT", "POL", "LTU")),
        # a verdict is the speaker's, aimed at the subject
        (
            "“The Saudi blockade is illegal,” the Omani foreign minister said.",
            ("ACCUSE", "OMNGOV", "SAU"),
        ),
    ],
)
def test_an_adjective_tells_an_act(code_dyads, text, expected):
    kind, source, target = expected
    found = code_dyads(text)
    assert any(
        k == kind and (s or "").startswith(source) and (t or "").startswith(target)
        for k, s, t in found
    ), found


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # aimed at no actor
        "Kenyan officials said the weather was dangerous.",
        "The Ghanaian minister was pleased with the result.",
        # the writer's own verdict
        "The Turkish blockade is illegal.",
        # doubt about someone's chances is no criticism
        "Kenyan donors remain skeptical of the Ugandan candidate's chances.",
    ],
)
def test_an_adjective_aimed_at_no_one_named_is_no_event(code_text, text):
    triggers = {"dangerous", "pleased", "illegal", "skeptical"}
    assert not [e for e in code_text(text) if e.trigger in triggers]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[feelings]\nSHOUT = ["loud"]\n', "PLOVER"),
        ('[verdicts]\nACCUSE = "illegal"\n', "list"),
    ],
)
def test_adjective_tables_are_checked(table, message):
    with pytest.raises(ConfigError, match=message):
        parse_pattern_book(table)
