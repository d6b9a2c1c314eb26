"""What the coder remembers across the sentences of one article: the people it named,
the day it set for its story, the countries it is about."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from newsevents.actors import ActorResolver
from newsevents.events._coreference import Salience
from newsevents.model import Actor, ActorMention, Event, EventDate
from newsevents.time import Dated

_GROUP_PRONOUNS = frozenset({"they"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # who acts, active or passive
_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "EVENT", "PRODUCT"})


@dataclass(slots=True)
class DocContext:
    """The article's memory, filled sentence by sentence."""

    doc_id: str
    published: date | None
    published_span: tuple[date, date] | None = None  # undated articles: the inferred span
    person_offsets: list[int] = field(default_factory=list)
    persons: list[Actor] = field(default_factory=list)
    # every person the dictionary knows, as named (sentence number, end offset, actor),
    # in text order: whom "the senator" most likely means
    named: list[tuple[int, int, Actor]] = field(default_factory=list)
    # the country of the last actor of each sector named: what "the gang" refers back to
    sector_countries: dict[str, str] = field(default_factory=dict)
    # the countries each sentence names, by sentence number and date: see countries_named
    sentence_countries: dict[tuple[int, date | None], list[tuple[int, str]]] = field(
        default_factory=dict
    )
    sentences: list[Span] = field(default_factory=list)
    # the country the article is about, found when an event with no agent needs it
    country: tuple[str | None] | None = None
    # the day the text last named for recent news ("on Tuesday"): the date of the acts
    # it goes on to tell in the past tense without one of their own
    story_day: EventDate | None = None
    # the date a sentence set for the background it goes on to tell ("In May, travellers
    # were stranded ..."): it dates the next acts told in the past, until the text moves on
    frame: EventDate | None = None
    frame_left: int = 0  # sentences the background may still date
    # the date the text last set, of any breadth ("in August 2016"), and that date as
    # it stood before the sentence being coded: what "the following year" counts from
    last_set: EventDate | None = None
    anchor: EventDate | None = None
    # the date expressions of each sentence, by its text, a tense and the anchor's span
    sentence_dates: dict[tuple[str, str, object], list[Dated]] = field(default_factory=dict)
    # people the article introduced with their office ("Defense Secretary Mark Esper"),
    # by surname: who a later bare "Esper" is
    introduced: dict[str, Actor] = field(default_factory=dict)
    # the sentence being coded, and the last force (police, army) that acted as a
    # subject with the sentence it acted in: who a "they" of the next sentence most
    # likely is ("Police reached the spot. They opened fire.")
    sentence_number: int = 0
    # generic agents of sentences naming no country but in their own words, with the
    # date they were read on and those countries: placed in the article's country, if
    # not one of those, once the article is known to be political news
    unplaced: list[tuple[ActorMention, date | None, frozenset[str]]] = field(default_factory=list)
    last_force: tuple[int, Actor] | None = None
    # the actors named so far: whom "it", "they" and "the group" most likely mean
    salient: Salience = field(default_factory=Salience)
    # (attacker, attacked) of the acts of `retaliated_types` coded so far: whom a
    # "struck back" aims at
    attacks: list[tuple[Actor, Actor]] = field(default_factory=list)
    # the sources of the events coded so far, in text order: whose "the decision" is
    acts: list[Actor] = field(default_factory=list)

    def person_before(self, offset: int) -> Actor | None:
        index = bisect.bisect_left(self.person_offsets, offset)
        return self.persons[index - 1] if index else None

    def countries_named(
        self, resolver: ActorResolver, when: date | None, number: int | None = None
    ) -> list[tuple[int, str]]:
        """The countries sentence `number` (by default the one being coded) names, as
        (token index, ISO3), on the date `when`: looked up once."""
        key = (self.sentence_number if number is None else number, when)
        if key not in self.sentence_countries:
            self.sentence_countries[key] = resolver.countries_in(self.sentences[key[0]], when)
        return self.sentence_countries[key]

    def named_before(self, offset: int, sentences: int) -> Actor | None:
        """The person named last before `offset`, in this sentence or the `sentences`
        before it."""
        index = bisect.bisect_left([end for _, end, _ in self.named], offset)
        if not index:
            return None
        number, _, actor = self.named[index - 1]
        return actor if self.sentence_number - number <= sentences else None


def introduce_people(resolver: ActorResolver, sentence: Span, context: DocContext) -> None:
    """Remember who a person is when the text gives their office with the name:
    "White House press secretary Stephanie Grisham", "Kurt Volker, the envoy". The
    surname is what a later sentence names them by."""
    for head in sentence:
        if (
            head.pos_ != "PROPN"
            or head.dep_ in {"compound", "flat"}
            or head.ent_type_ in _NOT_PEOPLE
            or head.text in context.introduced
            or not head.text[:1].isupper()
            or not head.n_lefts + head.n_rights  # a bare name says no office
        ):
            continue
        mention = resolver.resolve(head, context.published)
        if (
            mention is not None
            and mention.actor.sector is not None
            and mention.text != head.text  # the office came with the name
            and resolver.resolve_name(head.text) is None  # not itself a name we know
        ):
            context.introduced[head.text] = mention.actor


def introduced_as(head: Token, context: DocContext) -> ActorMention | None:
    """A person named again without the office the article gave them earlier (the span
    is within the parsed paragraph, as the resolver's are)."""
    actor = context.introduced.get(head.text) if head.pos_ == "PROPN" else None
    if actor is None:
        return None
    name = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    words = head.doc[name[0].i : head.i + 1]
    return ActorMention(words.text, words.start_char, words.end_char, actor)


def remember_force(
    resolver: ActorResolver,
    sectors: frozenset[str],
    found: list[Event],
    sentence: Span,
    context: DocContext,
) -> None:
    """The force (of `sectors`: police, army) this sentence has acting: the source of its
    events, else a subject the dictionary names as such ("Police reached the spot")."""
    for event in found:
        if event.source is not None and event.source.actor.sector in sectors:
            if event.source.text.lower() not in _GROUP_PRONOUNS:
                context.last_force = (context.sentence_number, event.source.actor)
            return
    for token in sentence:
        if token.dep_ not in SUBJECT_DEPS or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        hit = resolver.dictionary.agent(token.lemma_.lower())
        if hit is not None and hit[0] in sectors:
            force = Actor(hit[0], None, hit[0])
            if context.country and (country := context.country[0]):
                force = in_country(resolver, force, country)
            context.last_force = (context.sentence_number, force)
            return


def in_country(resolver: ActorResolver, actor: Actor, country: str) -> Actor:
    """A generic agent placed in a country: "police" becomes "Tunisia COP"."""
    name = resolver.dictionary.country_names.get(country, country)
    label = f"{name} {actor.sector}" if actor.sector else name
    return replace(actor, name=label, country=country)


def force_meant(pronoun: Token, context: DocContext) -> Actor | None:
    """The force a subject "they" stands for: the one that acted in this sentence or the
    one before, unless a group named earlier in this sentence is nearer ("the agitators
    claimed that they were protesting")."""
    force = context.last_force
    if force is None or pronoun.lower_ not in _GROUP_PRONOUNS:
        return None
    if pronoun.dep_ not in SUBJECT_DEPS or context.sentence_number - force[0] > 1:
        return None
    nearer = any(
        t.dep_ in SUBJECT_DEPS and t.tag_ in {"NNS", "NNPS"}
        for t in pronoun.sent
        if t.i < pronoun.i
    )
    return None if nearer else force[1]
