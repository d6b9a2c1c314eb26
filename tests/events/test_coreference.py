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


# In-article coreference: "it", "they" and "the group" stand for the nearest compatible
# actor named before them, within two sentences (events/_coreference.py).


def _source_codes(events, kind):
    return [e.source.actor.code for e in _by_type(events, kind) if e.source is not None]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        (  # "it": the ministry named as the subject before
            "Kenya's foreign ministry summoned the Ugandan ambassador on Tuesday. "
            "It demanded that Uganda withdraw its troops from the border.",
            "REQUEST",
            "KENGOV",
        ),
        (  # "it": a country, acting through its government
            "Russia expelled two British diplomats on Monday. "
            "It also threatened further measures against London.",
            "THREATEN",
            "RUSGOV",
        ),
        (  # "they": the group of people named before
            "Hundreds of Chilean miners marched to the presidential palace in Santiago. "
            "They accused the government of ignoring safety rules.",
            "ACCUSE",
            "CHLLAB",
        ),
        (  # "the group": the armed group named before
            "Al-Shabaab militants ambushed a convoy in southern Somalia on Monday. "
            "The group rejected the government's offer of talks on Wednesday.",
            "REJECT",
            "SOMREB",
        ),
        (  # "the 79-year-old": the person named before
            "Kenyan opposition leader Raila Odinga addressed supporters in Kisumu on Sunday. "
            "The 79-year-old accused the government of rigging the vote.",
            "ACCUSE",
            "KENOPP",
        ),
        (  # "it": a named body with no country by nature, not taken for a surname
            "Amnesty International said 20 people had been detained in Nairobi. "
            "It called on the authorities to release them.",
            "REQUEST",
            "NGO",
        ),
        (  # "the group": likewise
            "Human Rights Watch said dozens were detained in Minsk on Monday. "
            "The group urged the authorities to free them.",
            "REQUEST",
            "NGO",
        ),
        (  # "the senator": the person named before
            "Senator Elizabeth Warren spoke in Boston on Monday. "
            "The senator accused the Federal Reserve of ignoring workers.",
            "ACCUSE",
            "USALEG",
        ),
    ],
)
def test_a_reference_is_the_actor_named_before(code_text, text, kind, source):
    assert _source_codes(code_text(text), kind) == [source]


@pytest.mark.slow
def test_it_is_not_the_person_named_before(code_text):
    text = (
        "Brazil's foreign minister Mauro Vieira met reporters in Brasilia on Monday. "
        "It accused Argentina of spying on its diplomats."
    )
    assert _source_codes(code_text(text), "ACCUSE") == []


@pytest.mark.slow
def test_it_does_not_reach_back_past_two_sentences(code_text):
    near = "The Nigerian army launched an offensive in Borno state in March. "
    far = (
        near + "Residents fled to nearby towns. Aid workers said the roads were closed. "
        "Local officials counted the displaced. "
    )
    claim = "It accused Cameroon of sheltering insurgents."
    assert _source_codes(code_text(near + claim), "ACCUSE") == ["NGAMIL"]
    assert _source_codes(code_text(far + claim), "ACCUSE") == []


@pytest.mark.slow
def test_a_generic_force_is_of_the_force_named_just_before(code_text):
    text = (
        "Chinese state media praised the security forces on Sunday. Beijing has backed "
        "the city's leader throughout the crisis. Hong Kong police fired tear gas at "
        "students on Monday. Officers had earlier threatened to use live rounds."
    )
    found = _by_type(code_text(text), "THREATEN")
    assert [e.source.actor.code for e in found if e.source] == ["HKGCOP"]  # not CHN
    # aimed at no one named, in a sentence naming no country: at home, as PLOVER codes it
    assert found[0].target is not None and found[0].target.actor.code == "HKG"


@pytest.mark.slow
def test_him_is_not_the_subject_of_his_own_verb(code_text):
    text = "Emmanuel Macron arrived in Beijing on Monday. Xi Jinping criticised him over Taiwan."
    found = _by_type(code_text(text), "ACCUSE")
    assert found and found[0].source is not None and found[0].source.actor.code == "CHNGOV"
    assert found[0].target is not None and found[0].target.actor.code == "FRAGOV"


@pytest.mark.slow
def test_a_resolved_pronoun_keeps_its_actor_in_view(code_text):
    text = (
        "Russia expelled two British diplomats on Monday. It accused them of spying on "
        "its army. Analysts were surprised by the move. It also threatened further "
        "measures against London."
    )
    assert _source_codes(code_text(text), "THREATEN") == ["RUSGOV"]
