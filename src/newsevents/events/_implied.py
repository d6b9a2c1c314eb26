"""Events told without their agent, and event nouns no pattern lists.

"24 persons were arrested", "curfew was imposed", "killed in firing": the act of a state
whose agent the text leaves out is by the authority of the place, the sector
`[implied_agents]` names in the country the article is about. "The beating of", "the
expulsion of": an event noun names the act of the verb it derives from
(`nominal_suffixes`), when that verb has a pattern of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from newsevents.actors import ActorResolver
from newsevents.events._patterns import Pattern, PatternBook
from newsevents.events._syntax import object_lemmas
from newsevents.place import country_of_place, subnational_country

_NOMINAL_DISCOUNT = 0.1  # a derived noun is a weaker sign than a listed one
_MIN_CITY_POPULATION = 100_000
_CIRCUMSTANCE_PREPS = frozenset(
    {"in", "during", "after", "following", "amid", "before"}
)  # smaller places' names are too often common words


def derived_pattern(book: PatternBook, noun: Token) -> Pattern | None:
    """The unconditional pattern of the verb an event noun derives from, if any."""
    lemma = noun.lemma_.lower()
    if len(lemma) < 5 or not lemma.isalpha():
        return None
    for suffix, replacement in book.nominal_suffixes:
        if not lemma.endswith(suffix):
            continue
        verb = lemma[: -len(suffix)] + replacement
        for pattern in book.verbs.get(verb, ()):
            if not pattern.conditional and not pattern.unless:
                confidence = round(pattern.confidence - _NOMINAL_DISCOUNT, 3)
                return replace(pattern, confidence=confidence)
    return None


def implied_sector(book: PatternBook, kind: str, mode: str | None, words: Span) -> str | None:
    """The sector that does an act of this type, mode or trigger when no agent is named."""
    agents = book.implied_agents
    root = words.root
    keys = [words.text.lower(), root.lemma_.lower()]
    keys += [f"{t.lemma_.lower()} {root.lemma_.lower()}" for t in root.lefts]
    # what was done, most telling first: "curfew was clamped", "a case was registered"
    keys += sorted(object_lemmas(root), key=lambda form: (-len(form.split()), form))
    keys.append(f"{kind} {mode}" if mode else kind)
    return next((agents[k] for k in keys if k in agents), None)


def is_agentless(token: Token, nominal: bool) -> bool:
    """A passive with no "by" agent, or an event noun with no holder."""
    if nominal:
        # told as having happened: the subject ("the arrests followed"), or the means
        # or time of another event ("killed in firing"); not what someone fears or asks
        told = token.dep_ in {"nsubj", "nsubjpass"} or (
            token.dep_ == "pobj" and token.head.lower_ in _CIRCUMSTANCE_PREPS
        )
        return told and not any(c.dep_ in {"poss", "compound", "agent"} for c in token.children)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)
    if not passive and not (token.dep_ == "acl" and token.tag_ == "VBN"):
        return False  # "were arrested", and "the people arrested on Friday"
    return not any(c.dep_ == "agent" or c.lower_ == "by" for c in token.children)


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "across"})


def country_where(resolver: ActorResolver, trigger: Token) -> str | None:
    """The country of the place the sentence gives for the act itself ("detained in the
    United States", "arrested in Ahmedabad"): there, not in the country the article is
    about, the authority acted."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE_PREPS:
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            words = [t for t in place.subtree if t.i <= place.i and t.dep_ != "det"]
            name = " ".join(t.text for t in words)
            entry = resolver.dictionary.country(name)
            country = entry.iso3 if entry else subnational_country(name)
            if country:
                return country
    return None


def article_country(
    resolver: ActorResolver, sentences: Sequence[Span], when: date | None
) -> str | None:
    """The country an article is about: the one it names most, through its actors,
    countries and demonyms, and through the cities its place names are."""
    votes: Counter[str] = Counter()
    for sentence in sentences:
        votes.update(country for _, country in resolver.countries_in(sentence, when))
        for entity in sentence.ents:
            if entity.label_ == "GPE":
                country = country_of_place(entity.text, _MIN_CITY_POPULATION)
                votes.update([country] if country else [])
    if not votes:
        return None
    ranked = [*votes.most_common(2), ("", 0)]
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else None
