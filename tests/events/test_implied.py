"""Events told without their agent, and event nouns: "24 persons were arrested",
"killed in police firing", "the arrests followed"."""

import pytest

from newsevents.events import load_pattern_book, parse_pattern_book


def _coded(events):
    return [(e.type, e.mode, e.source.actor.code if e.source else None) for e in events]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrest with no agent is by the police of the country the article is about
        (
            "Riots broke out in Ahmedabad, India. At least 22 persons were arrested on Friday.",
            ("COERCE", "arrest", "INDCOP"),
        ),
        # a curfew is enforced by the police of the place; other restrictions by its government
        ("Curfew was imposed in Godhra, India, on Thursday.", ("COERCE", "restrict", "INDCOP")),
        # a noun the verb's preposition governs tells who acted when the verb cannot
        ("One person was killed in police firing in Limkheda.", ("ASSAULT", None, "COP")),
        ("Two women were injured in a lathi-charge by the police.", ("ASSAULT", None, "COP")),
        ("The arrests followed the visit of the home minister.", ("COERCE", "arrest", "COP")),
        # a sentence passed is the courts'; whoever is jailed is held by the police
        (
            "Belarus opposition leader Ales Marchuk was sentenced to 11 years in prison.",
            ("COERCE", None, "BLRJUD"),
        ),
        ("Two activists were jailed in Minsk on Monday.", ("COERCE", "arrest", "BLRCOP")),
    ],
)
def test_acts_told_without_their_agent(code_text, text, expected):
    assert expected in _coded(code_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Venezuela protested on Monday. Its ministry said two Venezuelans were detained "
            "in the United States last week.",
            "USACOP",
        ),
        ("Kenyan officials said dozens of students were arrested in Kampala.", "UGACOP"),
        ("Mexico said the 300 migrants were detained in Texas on Sunday.", "USACOP"),
    ],
)
def test_the_place_of_the_act_says_whose_police_acted(code_text, text, expected):
    """Not the country the article names most: the one the sentence puts the act in."""
    assert expected in {source for kind, _, source in _coded(code_text(text))}


@pytest.mark.slow
def test_an_agent_named_is_kept(code_text):
    found = _coded(code_text("Protesters were arrested by soldiers in Caracas."))
    assert ("COERCE", "arrest", "COP") not in found
    assert any(source and source.endswith("MIL") for _, _, source in found)


def _roles(events, kind):
    return {
        (e.source.actor.sector if e.source else None, e.target.text if e.target else None)
        for e in events
        if e.type == kind
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "sector", "target"),
    [
        ("Dozens of protesters were rounded up and jailed.", "COERCE", "COP", "protesters"),
        (
            "The journalists were detained and beaten by police.",
            "ASSAULT",
            "COP",
            "The journalists",
        ),
        ("The journalists were detained and beaten by police.", "COERCE", "COP", "The journalists"),
        ("The activists were arrested by soldiers and beaten.", "ASSAULT", "MIL", "The activists"),
        ("Two activists were abducted and tortured.", "ASSAULT", None, "Two activists"),
    ],
)
def test_a_participle_sharing_a_passive_is_passive_too(code_text, text, kind, sector, target):
    """ "were rounded up and jailed": the protesters are jailed, not jailers; the agent is
    the passive's, whichever participle names it, or the authority's when none does."""
    events = code_text(text)
    assert (sector, target) in _roles(events, kind)
    assert not [e for e in events if e.source and e.source.text == target]


@pytest.mark.slow
@pytest.mark.parametrize("tense", ["have been", "were"])
def test_a_relative_pronoun_suffering_the_act_is_its_noun(code_text, tense):
    """ "the smugglers who have been detained": the smugglers, not a country the
    sentence names elsewhere."""
    text = f"Ecuador asked Peru to return the smugglers who {tense} detained in Lima."
    arrests = [e for e in code_text(text) if e.type == "COERCE"]
    assert [e.target.text for e in arrests] == ["the smugglers"]


@pytest.mark.slow
def test_an_active_verb_sharing_a_passive_subject_keeps_it(code_text):
    events = code_text("The minister was charged by prosecutors and will resign on Monday.")
    assert not [
        e for e in events if e.type == "CONCEDE" and e.source and e.source.actor.sector == "JUD"
    ]


@pytest.mark.slow
def test_feared_or_hypothetical_nouns_imply_no_agent(code_text):
    events = code_text("The refugees say they face imprisonment at home.")
    assert not [e for e in events if e.type == "COERCE"]


@pytest.mark.slow
def test_implied_agents_are_less_sure_than_named_ones(code_text):
    implied = code_text("At least 22 persons were arrested in Ahmedabad, India.")
    named = code_text("Police arrested at least 22 persons in Ahmedabad, India.")
    assert max(e.confidence for e in implied) < max(e.confidence for e in named)


@pytest.mark.slow
def test_event_nouns_derive_from_event_verbs(nlp):
    from newsevents.events._implied import derived_pattern

    book = load_pattern_book()
    doc = nlp("The abduction of the envoy and the looting of shops were condemned.")
    kinds = {t.text: getattr(derived_pattern(book, t), "type", None) for t in doc}
    assert kinds["abduction"] == "ASSAULT"
    assert kinds["looting"] == "PROTEST"
    assert kinds["shops"] is None


@pytest.mark.slow
def test_a_denial_derives_from_deny(nlp):
    from newsevents.events._implied import derived_pattern

    doc = nlp("The Iranian denial of the Saudi report came on Monday.")
    assert derived_pattern(load_pattern_book(), doc[2]).type == "REJECT"


def test_nominal_suffixes_must_be_pairs():
    from newsevents.errors import ConfigError

    with pytest.raises(ConfigError, match="nominal_suffixes"):
        parse_pattern_book('nominal_suffixes = [["ing"]]\n')


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conflictual acts told in the passive without an agent: the one they befall is news
        (
            "The Bolivian interior minister was accused of hiding the accounts of the mine.",
            ("ACCUSE", None, "BOLGOV"),
        ),
        (
            "Two Turkish drones were shot down over the border on Sunday.",
            ("ASSAULT", None, "TURMIL"),
        ),
        ("The Iranian oil minister was sanctioned last year.", ("SANCTION", None, "IRNGOV")),
        # and so are such acts told as a noun no one holds
        ("Sanctions against Venezuelan officials followed in May.", ("SANCTION", None, "VENGOV")),
    ],
)
def test_conflictual_acts_without_their_agent_keep_their_target(code_dyads, text, expected):
    assert expected in code_dyads(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # cooperative acts told without an agent are rarely political acts
        "The Ghanaian finance minister was flown to the capital on Sunday.",
        "The Kenyan opposition leader was treated in a hospital in Nairobi.",
        # nor is a conflictual one with no one named to befall
        "Their plans were criticised on Monday.",
        # nor one that is only foreseen or weighed
        "Strikes on Syrian territory could follow, the minister said.",
        "It is unclear whether the expulsion of Malian diplomats will proceed.",
    ],
)
def test_other_acts_without_their_agent_are_not_coded(code_text, text):
    assert not [e for e in code_text(text) if e.source is None]


def test_agentless_types_must_be_plover_types():
    from newsevents.errors import ConfigError

    with pytest.raises(ConfigError, match="PLOVER"):
        parse_pattern_book('agentless_types = ["SHOUT"]\n')
