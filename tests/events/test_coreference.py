"""Who acts when the sentence does not name them again: relative pronouns ("police,
who fired") and people the article introduced with their office."""

import pytest


def _by_type(events, kind):
    return [e for e in events if e.type == kind]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        (
            "The campus was surrounded by Chilean police, who fired tear gas at the students.",
            "ASSAULT",
            "CHLCOP",
        ),
        (
            "Talks stalled because of the Malian government, which rejected the proposal.",
            "REJECT",
            "MLIGOV",
        ),
    ],
)
def test_a_relative_pronoun_acts_as_what_it_stands_for(code_text, text, kind, source):
    found = _by_type(code_text(text), kind)
    assert found and found[0].source is not None
    assert found[0].source.actor.code == source


@pytest.mark.slow
def test_a_surname_alone_is_the_official_introduced_earlier(code_text):
    text = (
        "Peruvian Interior Minister Ana Quispe Mamani visited Cusco on Monday.\n\n"
        "Quispe Mamani accused the protesters of blocking the highway."
    )
    found = _by_type(code_text(text), "ACCUSE")
    assert found and found[0].source is not None
    assert found[0].source.actor.code == "PERGOV"
    assert found[0].source.text == "Quispe Mamani"
    source = found[0].source
    assert text[source.start : source.end] == "Quispe Mamani"  # in the second paragraph


@pytest.mark.slow
def test_a_surname_the_article_never_introduced_is_still_no_actor(code_text):
    text = "Quispe Mamani accused the protesters of blocking the highway."
    found = _by_type(code_text(text), "ACCUSE")
    assert all(e.source is None or e.source.actor.code != "PERGOV" for e in found)


@pytest.mark.slow
def test_he_is_the_official_introduced_as_a_subject(code_text):
    text = (
        "Peruvian Interior Minister Ana Quispe Mamani arrived in Cusco on Monday.\n\n"
        "She urged the protesters to leave the highway."
    )
    found = _by_type(code_text(text), "REQUEST")
    assert found and found[0].source is not None
    assert found[0].source.actor.code == "PERGOV"
