"""Actor resolution against the shipped dictionaries."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.actors import ActorResolver, load_dictionary
from newsevents.actors._dictionary import fold


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _head(nlp, sentence: str, word: str):
    doc = nlp(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "head", "code"),
    [
        ("Venezuelan authorities detained him.", "authorities", "VENGOV"),
        ("US forces struck a boat.", "forces", "USAMIL"),
        ("Caracas rejected the charge.", "Caracas", "VENGOV"),
        ("The White House dismissed the offer.", "House", "USAGOV"),
        ("Washington imposed sanctions.", "Washington", "USAGOV"),
        ("Spanish police arrested two men.", "police", "ESPCOP"),
        ("The opposition candidate spoke.", "candidate", "OPP"),
        ("Russian troops advanced.", "troops", "RUSMIL"),
        ("The government of Nicolás Maduro refused.", "government", "VENGOV"),
        ("Tren de Aragua expanded.", "Aragua", "VENCRM"),
        ("The United Nations condemned it.", "Nations", "IGO"),
        # a name in lower case, and names completed by the modifier's own words
        ("Fighters loyal to al-Qaeda attacked the base.", "Qaeda", "REB"),
        ("The al-Qaeda network claimed the attack.", "network", "REB"),
        ("The Palestinian Islamic Jihad movement rejected the plan.", "movement", "PSEREB"),
        # a named group wins over the country its modifier mentions
        ("The pro-Iranian Hezbollah group declared a truce.", "group", "LBNREB"),
    ],
)
def test_mentions_resolve_to_codes(nlp, resolver, sentence, head, code):
    mention = resolver.resolve(_head(nlp, sentence, head), date(2025, 9, 1))
    assert mention is not None, sentence
    assert mention.actor.code == code
    assert sentence[: mention.end].endswith(mention.text)


# (sentence, head word, code or None): words that only look like names
LOOK_ALIKES = [
    # an adjective that is also a region's name places no one there
    ("The rebels freed three Western engineers.", "engineers", "CVL"),
    ("Southern farmers blocked the road.", "farmers", "AGR"),
    # a known name inside a longer unknown one is not that body
    ("A National Security Council aide resigned.", "aide", None),
    ("A former National Security Council official testified.", "official", "ELI"),
    # a state's bombers are aircraft, a bomber is a person
    ("US bombers struck the depot.", "bombers", "USAMIL"),
    ("The bomber blew himself up.", "bomber", "REB"),
    ("Suicide bombers attacked the market.", "bombers", "REB"),
    # a title and a surname our dictionary has only in full: whichever Bush, the
    # United States; an unknown full name stays unplaced
    ("President Bush warned the rebels.", "Bush", "USAGOV"),
    ("President Jane Doe warned the rebels.", "Doe", "GOV"),
]


# people no dictionary knows, told by a title or a US party-and-state tag
US_LEGISLATORS = [
    # a US party-and-state tag makes a name no dictionary knows a US legislator
    ("Rep. Maria Kowalczyk (D-Minn.) criticised the plan.", "Kowalczyk", "USALEG"),
    ("Sen. Tom Brannigan, R-W.Va., criticised the plan.", "Brannigan", "USALEG"),
    ("Dana Whitlow (I-Vt.) criticised the plan.", "Whitlow", "USALEG"),
    ("Ruth Abernathy, D-Calif., criticised the plan.", "Abernathy", "USALEG"),
    # the title still says the office; the tag says the country
    ("Gov. Carl Mendez (R-Texas) criticised the plan.", "Mendez", "USAGOV"),
    # a title with no tag: no country
    ("Sen. Tom Brannigan criticised the plan.", "Brannigan", "LEG"),
    # neither a grade nor an unknown state is a tag
    ("Jane Doe (D-12) criticised the plan.", "Doe", None),
    ("Jane Doe (R-Zeta) criticised the plan.", "Doe", None),
    # a surname that is also a country is not the person's country
    ("Rep. Tom Jordan, R-Ohio, criticised the plan.", "Jordan", "USALEG"),
    ("Jordan criticised the plan.", "Jordan", "JOR"),
    # a first name that is also a city places no one: Alexandria is in Egypt
    ("Congresswoman Alexandria Brennan criticised the plan.", "Brennan", "LEG"),
]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # a legislature or a top court is not the government (Phoenix codes them GOV)
        ("US Senate", "USALEG"),
        ("Senate Intelligence Committee", "USALEG"),
        ("U.S. Supreme Court", "USAJUD"),
        ("Rajya Sabha", "INDLEG"),
    ],
)
def test_legislatures_and_courts_keep_their_sector(resolver, name, code):
    actor = resolver.resolve_name(name, date(2025, 9, 1))
    assert actor is not None and actor.code == code


# what a kind of actor holds or wields stands for it
HELD_OR_WIELDED = [
    # a place or vehicle a kind of actor holds stands for it
    ("Gunmen attacked a police checkpoint in Kunduz.", "checkpoint", "COP"),
    ("Rockets hit a Turkish army base.", "base", "TURMIL"),
    ("Protesters stormed government offices.", "offices", "GOV"),
    # a place with no actor word is no actor
    ("Floods damaged the old base.", "base", None),
    # an armed group's weapons are the group's, not its country's army
    ("Houthi drones struck the tanker.", "drones", "YEMREB"),
    ("Russian drones struck the tanker.", "drones", "RUSMIL"),
]


@pytest.mark.parametrize(
    ("sentence", "head", "code"), [*LOOK_ALIKES, *US_LEGISLATORS, *HELD_OR_WIELDED]
)
def test_who_a_mention_names_if_anyone(nlp, resolver, sentence, head, code):
    mention = resolver.resolve(_head(nlp, sentence, head), date(2025, 9, 1))
    assert (mention.actor.code if mention else None) == code


def test_a_city_before_a_force_still_places_it(nlp, resolver):
    mention = resolver.resolve(_head(nlp, "Alexandria police arrested him.", "police"), None)
    assert mention is not None and mention.actor.code == "EGYCOP"


@pytest.mark.parametrize("word", ["boats", "weather", "prices"])
def test_things_are_not_actors(nlp, resolver, word):
    sentence = f"The {word} changed quickly."
    assert resolver.resolve(_head(nlp, sentence, word), None) is None


@pytest.mark.parametrize(
    ("when", "sector"),
    [
        (date(2016, 6, 1), "ELI"),
        (date(2019, 6, 1), "GOV"),
        (date(2024, 12, 1), "ELI"),
        (date(2025, 6, 1), "GOV"),
    ],
)
def test_roles_depend_on_the_date(resolver, when, sector):
    actor = resolver.resolve_name("Donald Trump", when)
    assert actor is not None
    assert (actor.country, actor.sector) == ("USA", sector)


def test_no_date_takes_the_current_role(resolver):
    actor = resolver.resolve_name("Trump")
    assert actor is not None and actor.sector == "GOV"


def test_accents_and_apostrophes_are_folded(resolver):
    assert fold("Nicolás Maduro’s") == "Nicolas Maduro's"
    assert resolver.resolve_name("Nicolas Maduro") == resolver.resolve_name("Nicolás Maduro")


def test_user_dictionary_extends_the_shipped_one(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\taliases\tcountry\tsector\tstart\tend\tqid\tnote\n"
        "Jane Example\tExample\tCAN\tNGO\t\t\t\ttest row\n",
        "utf-8",
    )
    table = load_dictionary((path,))
    actor = ActorResolver(table).resolve_name("Jane Example")
    assert actor is not None and actor.code == "CANNGO"


def test_bad_dictionary_rows_name_the_file(tmp_path):
    from newsevents.errors import ConfigError

    path = tmp_path / "bad.tsv"
    path.write_text(
        "name\taliases\tcountry\tsector\tstart\tend\tqid\tnote\nX\t\tCAN\tGOV\tsoon\t\t\t\n"
    )
    with pytest.raises(ConfigError, match="bad date"):
        load_dictionary((path,))


@pytest.mark.parametrize(
    ("sentence", "head", "code"),
    [
        # CAMEO's own sectors for groups of people
        ("Syrian refugees crossed the border.", "refugees", "SYRREF"),
        ("Chilean students marched.", "students", "CHLEDU"),
        ("Indian farmers blocked the highway.", "farmers", "INDAGR"),
        ("Cuban doctors arrived.", "doctors", "CUBHLH"),
        ("Kenya's electoral commission rejected the demand.", "commission", "KENGOV"),
        ("Jordan's King Abdullah praised the deal.", "Abdullah", "JORGOV"),
        ("Ukraine's security service detained him.", "service", "UKRCOP"),
        ("A federal grand jury indicted them.", "jury", "JUD"),
        ("Families of the victims appealed to the court.", "Families", "CVL"),
        # the people of an international organisation are the organisation
        ("The U.N. mediator met the rebels.", "mediator", "IGO"),
        ("The U.N. envoy met the rebels.", "envoy", "IGO"),
    ],
)
def test_generic_agents_take_cameo_sectors(nlp, resolver, sentence, head, code):
    mention = resolver.resolve(_head(nlp, sentence, head), date(2025, 9, 1))
    assert mention is not None and mention.actor.code == code
