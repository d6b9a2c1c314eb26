"""A sub-national body or office belongs to its country: the gazetteer knows where a
state, province, region or big city is ("Gujarat police" -> IND)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _head(nlp, sentence: str, word: str):
    return next(t for t in nlp(sentence) if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "head", "country"),
    [
        ("Gujarat police arrested 12 people.", "police", "IND"),
        ("California's utilities regulators fined the company.", "regulators", "USA"),
        ("The New York State Attorney General sued the company.", "General", "USA"),
        ("Lagos State police arrested 20 protesters.", "police", "NGA"),
        ("Texas officials deported the migrants.", "officials", "USA"),
        ("Zamfara State governor met the bandits.", "governor", "NGA"),
        ("Queensland police charged two men.", "police", "AUS"),
        ("Balochistan officials blamed the militants.", "officials", "PAK"),
        ("Xinjiang authorities detained the activists.", "authorities", "CHN"),
        ("Kharkiv officials accused Russia of war crimes.", "officials", "UKR"),
        ("Ontario police arrested the suspect.", "police", "CAN"),
        ("Sinaloa state police arrested the gunmen.", "police", "MEX"),
    ],
)
def test_a_subnational_body_belongs_to_its_country(nlp, resolver, sentence, head, country):
    mention = resolver.resolve(_head(nlp, sentence, head), date(2025, 9, 1))
    assert mention is not None, sentence
    assert mention.actor.country == country, mention


def test_the_gazetteer_can_be_replaced():
    calls = []

    def place_country(name: str) -> str | None:
        calls.append(name)
        return "XYZ" if name == "Gotham" else None

    resolver = ActorResolver(place_country=place_country)
    assert resolver.place_country("Gotham") == "XYZ" and calls == ["Gotham"]


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("Police arrested 12 people in New South Wales.", {"AUS"}),
        ("Police arrested 15 people in Queensland.", {"AUS"}),
        ("Soldiers clashed with gunmen in Zamfara.", {"NGA"}),
        ("Venezuela accused Colombia of sheltering rebels.", {"VEN", "COL"}),
    ],
)
def test_a_sentence_names_countries_through_its_places(nlp, resolver, sentence, countries):
    found = resolver.countries_in(nlp(sentence)[:], date(2025, 9, 1))
    assert {country for _, country in found} == countries


@pytest.mark.parametrize(
    ("sentence", "head", "codes"),
    [
        ("Gujarat police arrested 12 people.", "police", {"INDCOP"}),
        ("California's utilities regulators fined the company.", "regulators", {"USAGOV"}),
        ("The New York State Attorney General sued the company.", "General", {"USAJUD", "USAGOV"}),
        ("Maharashtra police detained 40 farmers.", "police", {"INDCOP"}),
        ("Mumbai police arrested three men.", "police", {"INDCOP"}),
        ("Sindh officials blamed the floods on the dam.", "officials", {"PAKGOV"}),
        ("Florida's governor signed the bill.", "governor", {"USAGOV"}),
        ("Bavaria's interior minister banned the march.", "minister", {"DEUGOV"}),
        ("The Quebec government rejected the offer.", "government", {"CANGOV"}),
        ("Kerala's health minister met the protesters.", "minister", {"INDGOV"}),
        ("Texas lawmakers passed the bill.", "lawmakers", {"USALEG"}),
    ],
)
def test_a_subnational_body_keeps_its_sector(nlp, resolver, sentence, head, codes):
    """The place gives the country, the noun the sector, with the Phoenix rows loaded."""
    mention = resolver.resolve(_head(nlp, sentence, head), date(2025, 3, 1))
    assert mention is not None and mention.actor.code in codes, (sentence, mention)
