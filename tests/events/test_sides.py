"""Who acts and on whom, read from the whole article and the whole sentence (issue 16):
generic agents placed in the article's country, speech verbs that report an act, and
countries that belong to the actor's own words."""

from datetime import date

import pytest


def _pairs(events):
    return {
        (
            e.type,
            e.source.actor.code if e.source else None,
            e.target.actor.code if e.target else None,
        )
        for e in events
    }


def _sources(events):
    return {e.source.actor.code for e in events if e.source}


@pytest.mark.slow
def test_an_agent_in_a_sentence_naming_no_country_is_of_the_article_country(code_text):
    text = (
        "Chilean prosecutors opened an inquiry into the mayor of Valparaiso on Monday.\n\n"
        "The government of Chile said the inquiry would take months.\n\n"
        "Police detained four of the mayor's aides on Tuesday."
    )
    assert "CHLCOP" in _sources(code_text(text))


@pytest.mark.slow
def test_the_article_country_waits_for_a_political_story(code_text):
    """A page with no state actor is no political news: placing its unnamed people in a
    country must not turn their everyday acts into events."""
    text = (
        "The bakery in Lyon opened a second shop.\n\n"
        "France has many bakeries.\n\n"
        "Customers asked for longer opening hours.\n\n"
        "The owner said she would think about it.\n\n"
        "Residents welcomed the news."
    )
    assert not code_text(text)


@pytest.mark.slow
def test_a_country_in_the_agents_own_words_is_not_its_country(code_text):
    text = (
        "Germany's parliament debated the aid budget on Monday.\n\n"
        "Lena Brandt, the former special envoy to Moldova, criticised the ministry's plan."
    )
    assert not any(code.startswith("MDA") for code in _sources(code_text(text)))


@pytest.mark.slow
def test_a_speech_verb_gives_way_to_the_act_it_reports(code_text):
    """The reporter is not the attacker: "the agency reported" a raid by someone else."""
    text = (
        "A village near the border was attacked by Ugandan soldiers, the UN children's "
        "agency reported."
    )
    found = _pairs(code_text(text))
    assert any(kind == "ASSAULT" and source == "UGAMIL" for kind, source, _ in found)
    assert not any(kind == "ASSAULT" and source == "IGO" for kind, source, _ in found)


@pytest.mark.slow
def test_a_country_in_the_actors_own_clause_is_not_the_target(code_text):
    text = "Officials in northern Peru, which borders Ecuador, imposed a curfew on the town."
    assert not any(target == "ECU" for _, _, target in _pairs(code_text(text)))


@pytest.mark.slow
def test_a_state_organ_does_not_act_on_its_own_bare_state(code_text):
    """ "Lukashenko denied Belarus ...": the content's subject is not the target; the
    other country named is."""
    text = "Lukashenko denied Belarus had sent weapons across the border into Ukraine."
    found = _pairs(code_text(text, published=None))
    assert not any(target == "BLR" for _, _, target in found)


@pytest.mark.slow
def test_a_state_acting_in_its_own_territory_keeps_the_place(code_text):
    text = "Police in Bolivia imposed a curfew in Bolivia after riots, a Chilean official said."
    found = _pairs(code_text(text))
    assert any(target == "BOL" for _, _, target in found)


@pytest.mark.slow
def test_a_person_described_is_of_the_country_of_the_person_named_before(code_text):
    text = (
        "Emmanuel Macron's plans for the budget remain unclear.\n\n"
        "In his first years in office, the president praised Germany's reforms."
    )
    sources = _sources(code_text(text))
    assert any(code.startswith("FRA") for code in sources), sources


@pytest.mark.slow
def test_a_description_does_not_reach_far_back(code_text):
    text = (
        "Emmanuel Macron spoke in Paris on Monday.\n\n"
        "Markets were calm. Prices rose. Traders waited for the data.\n\n"
        "Kenya's parliament rejected the budget. Kenyan police detained two protesters. "
        "The senator praised the plan of the Kenyan government."
    )
    assert not any(code.startswith("FRA") for code in _sources(code_text(text)))


@pytest.mark.slow
def test_what_is_withheld_is_not_whom_it_is_withheld_from(code_text):
    found = _pairs(code_text("Washington withheld US military aid to Zambia on Monday."))
    assert ("SANCTION", "USAGOV", "ZMB") in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Few Iraqi soldiers remain near Kuwait, years after Baghdad invaded the country.", "KWT"),
        (
            "Chile recalled its envoy from Peru last week.\n\n"
            "On Monday, Chilean troops attacked the country.",
            "PER",
        ),
    ],
)
def test_the_country_is_the_one_named_last_other_than_the_actors(code_text, text, target):
    found = _pairs(code_text(text))
    assert any(t == target for kind, _, t in found if kind in {"ASSAULT", "MOBILIZE", "COERCE"})


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Lena Brandt, the former special envoy to Moldova, criticised the ministry's plan.",
        # the mention is "The ambassador"; what it is "to" hangs on it outside the mention
        "The ambassador to Moldova criticised Russia's plan for the border.",
    ],
)
def test_a_country_the_agents_words_aim_at_is_not_the_articles_either(code_text, text):
    """In a story about Moldova, an envoy to Moldova is still no Moldovan."""
    assert not any(code.startswith("MDA") for code in _sources(code_text(text)))


@pytest.mark.slow
def test_a_place_the_agents_words_own_still_places_it(code_text):
    text = "The government of Sindh province ordered patrols after violent protests."
    assert any(code.startswith("PAK") for code in _sources(code_text(text)))


@pytest.mark.slow
def test_a_participle_with_its_agent_keeps_the_roles(code_text):
    """ "Students shot by soldiers": the soldiers shot, the students were shot."""
    found = _pairs(code_text("Students shot by Bolivian soldiers were buried in La Paz on Friday."))
    assert any(kind == "ASSAULT" and source == "BOLMIL" for kind, source, _ in found)
    assert not any(source and source.endswith("EDU") for _, source, _ in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        (
            "More than 40 protesters killed in Bolivia unrest, rights group says.",
            "ASSAULT",
            "BOLCVL",
        ),
        ("Six reporters detained in Baku after the vote.", "COERCE", "AZEMED"),
    ],
)
def test_a_headlines_passive_is_read_as_one(code_text, text, kind, target):
    """Headlines drop the passive's auxiliary: the protesters were killed, not killers."""
    found = _pairs(code_text(text))
    assert any(k == kind and t == target for k, _, t in found), found
    assert not any(source == target for _, source, _ in found)


@pytest.mark.slow
def test_the_same_verb_with_an_object_stays_active(code_text):
    found = _pairs(code_text("Protesters killed two policemen in La Paz on Friday."))
    assert ("ASSAULT", "BOLCVL", "BOLCOP") in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state or province that acts is its government, not the federal one
        (
            "California sued the Trump administration over the tariffs.",
            ("ACCUSE", "USAGOV", "USAGOV"),
        ),
        ("Bavaria imposed a curfew after the riots.", ("COERCE", "DEUGOV", "DEU")),
    ],
)
def test_a_place_that_acts_is_its_government(code_text, text, expected):
    assert expected in _pairs(code_text(text))


@pytest.mark.slow
def test_a_place_acted_in_is_no_actor(code_text):
    found = _pairs(code_text("Police arrested 20 people in California on Monday."))
    assert not any(source == "USAGOV" for _, source, _ in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("Argentina then imposed retaliatory tariffs.", "SANCTION"),
        ("Argentina cut trade ties in retaliation.", "SANCTION"),
    ],
)
def test_a_retaliation_named_by_its_modifier_aims_at_the_first_mover(code_text, reply, kind):
    text = f"Chile imposed sanctions on Argentina on Monday.\n\n{reply}"
    replies = [(s, t) for k, s, t in _pairs(code_text(text)) if k == kind and s == "ARGGOV"]
    assert replies and all(t and t.startswith("CHL") for _, t in replies), replies


@pytest.mark.slow
def test_a_strike_back_aims_at_the_last_attacker(code_text):
    text = (
        "Hezbollah fighters attacked an Israeli patrol near the border on Sunday. "
        "Israel's army said it had struck back."
    )
    found = _pairs(code_text(text))
    assert any(s == "ISRMIL" and t == "LBNREB" for k, s, t in found if k == "ASSAULT"), found
    assert not any(s == "ISRMIL" and t == "ISR" for _, s, t in found)


@pytest.mark.slow
def test_with_no_attack_told_a_strike_back_has_no_attacker_to_aim_at(code_text):
    found = _pairs(code_text("Israel's army said on Sunday that it had struck back."))
    assert not any(t and t.endswith("REB") for _, _, t in found)


@pytest.mark.slow
def test_what_the_subject_did_by_doing_is_its_act(code_text):
    found = _pairs(code_text("President Macron angered Italy and Spain by threatening sanctions."))
    assert any(kind == "THREATEN" and source == "FRAGOV" for kind, source, _ in found)


@pytest.mark.slow
def test_unnamed_agents_are_of_the_country_that_acts_most_in_the_story(code_text):
    """The story names Ukraine most, but tells what Washington does: its "officials"."""
    text = (
        "Ukraine's courts and Ukraine's parliament were busy in Kyiv this week, Ukrainian "
        "media said.\n\n"
        "Washington criticised Ukraine's courts on Monday. The US Senate condemned the "
        "ruling in Ukraine. The State Department accused Kyiv of delays.\n\n"
        "Officials later praised the decision of the judges."
    )
    found = _pairs(code_text(text))
    assert any(kind == "SUPPORT" and source == "USAGOV" for kind, source, _ in found)


@pytest.mark.slow
def test_a_country_in_what_the_source_acts_on_does_not_place_it(code_text):
    """What the object is about does not place the source; whose it is still does
    ("Rebels warned Kenyan traders": Kenyan rebels, see test_coder)."""
    text = (
        "The US Senate condemned the bill on Monday. Washington sanctioned two banks. The "
        "White House praised the vote.\n\n"
        "Envoys praised the new plan for Kenyan farmers."
    )
    found = _pairs(code_text(text))
    assert any(kind == "SUPPORT" and source == "USAGOV" for kind, source, _ in found)


@pytest.mark.slow
def test_the_country_a_source_aims_at_does_not_place_it(code_text):
    found = _pairs(code_text("President Jane Doe threatened further action against Peru."))
    assert ("THREATEN", "GOV", "PER") in found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "target_text"),
    [
        ("Hundreds were arrested in Lima on Monday.", "Lima"),
        ("Police detained dozens in Buenos Aires.", "Buenos Aires"),
    ],
)
def test_a_place_an_act_happens_in_is_its_country_not_its_government(code_text, text, target_text):
    """A capital stands for its government when it acts ("Lima rejected the offer"), not
    where something is done: the place is the country, with all its words."""
    [event] = [e for e in code_text(text) if e.type == "COERCE"]
    assert event.target.actor.sector is None and event.target.actor.country in {"PER", "ARG"}
    assert event.target.text == target_text
    assert event.source.actor.country == event.target.actor.country  # the place's police


@pytest.mark.slow
def test_a_capital_that_acts_is_still_its_government(code_text):
    [event] = [e for e in code_text("Lima rejected the Chilean offer.") if e.type == "REJECT"]
    assert event.source.actor.code == "PERGOV"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Chilean police laid siege to a university in the capital.", "ASSAULT", "CHLEDU"),
        ("Kenyan officials warned residents to stay away from the river.", "REQUEST", "KENCVL"),
    ],
)
def test_generic_people_a_state_acts_on_are_its_own(code_text, text, kind, target):
    """Students, residents or officials a state's police or officials act on are its own;
    criminals and migrants may come from elsewhere (test_coder.py: the Spanish arrest)."""
    assert (kind, target) in {(k, t) for k, _, t in _pairs(code_text(text))}


_UNKNOWN_COMPANY = (
    "Chilean prosecutors opened an inquiry into the mayor of Valparaiso on Monday.\n\n"
    "Police detained four of the mayor's aides on Tuesday.\n\n"
    "Aconcagua Freight, which employed two of the aides, denied any wrongdoing."
)


@pytest.fixture(scope="module")
def code_unknown_named(nlp):
    """The coder with `unknown_named` on."""
    from dataclasses import replace

    from newsevents.events import RuleCoder, load_pattern_book
    from newsevents.pipeline import paragraph_offsets

    book = replace(load_pattern_book(), unknown_named=frozenset({"PERSON", "ORG", "none"}))
    coder = RuleCoder(book)

    def run(text):
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        docs = list(nlp.pipe(paragraphs))
        return coder.code("t", docs, paragraph_offsets(paragraphs), date(2025, 9, 27))

    return run


@pytest.mark.slow
def test_a_name_no_dictionary_knows_is_no_actor_by_default(code_text):
    assert "REJECT" not in {e.type for e in code_text(_UNKNOWN_COMPANY)}


@pytest.mark.slow
def test_a_person_or_company_no_dictionary_knows_acts_in_the_article_country(
    code_unknown_named,
):
    [denial] = [e for e in code_unknown_named(_UNKNOWN_COMPANY) if e.type == "REJECT"]
    assert denial.source.text == "Aconcagua Freight"
    assert denial.source.actor.country == "CHL" and denial.source.actor.name == "Aconcagua Freight"


@pytest.mark.slow
def test_an_unknown_name_in_a_story_with_no_country_gives_no_event(code_unknown_named):
    text = (
        "Police arrested a man in the town centre on Monday.\n\n"
        "Officers said the man had stolen a van.\n\n"
        "Aconcagua Freight, which owned the van, denied any wrongdoing."
    )
    assert "REJECT" not in {e.type for e in code_unknown_named(text)}


def test_unknown_named_labels_are_checked_when_loaded():
    from newsevents.errors import ConfigError
    from newsevents.events import parse_pattern_book

    with pytest.raises(ConfigError, match="PERSONS"):
        parse_pattern_book('version = "t"\nunknown_named = ["PERSONS"]\n')


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Turkey closed its border crossing with Syria on Friday.\n\n"
            "Jordan criticised the decision.",
            "ACCUSE",
            ("JORGOV", "TUR"),
        ),
        (
            "Cuba freed 50 political prisoners on Sunday.\n\n"
            "The United States later welcomed the release.",
            "SUPPORT",
            ("USAGOV", "CUB"),
        ),
    ],
)
def test_a_reaction_to_a_told_act_aims_at_its_actor(code_text, text, kind, expected):
    """ "criticised the decision": the decision told before, by another country than the
    critic's, is whose the criticism aims at; not the critic's own country."""
    reactions = [e for e in code_text(text) if e.type == kind]
    assert reactions
    source, country = expected
    for event in reactions:
        assert event.source.actor.code == source
        assert event.target.actor.country == country
        assert event.target.implied and not event.target.text


@pytest.mark.slow
def test_a_call_about_a_told_situation_aims_at_where_it_is(code_text):
    """ "urged an end to the violence": the violence the article told, in Kenya; not
    Canada's own, though the article names Canada as often."""
    text = (
        "Kenyan police fired live rounds at protesters in Nairobi on Tuesday.\n\n"
        "Canada said its embassy in Nairobi was closed.\n\n"
        "Canada urged an end to the bloodshed."
    )
    calls = [e for e in code_text(text) if e.type == "REQUEST"]
    assert [(e.source.actor.code, e.target.actor.code) for e in calls] == [("CANGOV", "KEN")]
    assert calls[0].target.implied


@pytest.mark.slow
def test_a_reaction_to_nothing_told_stays_domestic(code_text):
    """With no act of another country told before, "the decision" is not anyone's."""
    events = code_text("Jordan criticised the decision on Sunday.")
    assert [e.target.actor.code for e in events if e.type == "ACCUSE"] == ["JOR"]
