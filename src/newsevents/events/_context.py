"""What the coder remembers across the sentences of one article: the people it named,
the day it set for its story, the countries it is about."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from newsevents.actors import ActorResolver
from newsevents.model import Actor, ActorMention, Event, EventDate

_GROUP_PRONOUNS = frozenset({"they"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NOT_PEOPLE = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "EVENT", "PRODUCT"})
STORY_DAY_WINDOW = 7  # days before publication a named day may be the story's day


@dataclass(slots=True)
class DocContext:
    """The article's memory, filled sentence by sentence."""

    doc_id: str
    published: date | None
    published_span: tuple[date, date] | None = None  # undated articles: the inferred span
    person_offsets: list[int] = field(default_factory=list)
    persons: list[Actor] = field(default_factory=list)
    # the country of the last actor of each sector named: what "the gang" refers back to
    sector_countries: dict[str, str] = field(default_factory=dict)
    # the countries each sentence names (by its first token), for one date
    sentence_countries: dict[tuple[int, date | None], list[tuple[int, str]]] = field(
        default_factory=dict
    )
    sentences: list[Span] = field(default_factory=list)
    # the country the article is about, found when an event with no agent needs it
    country: tuple[str | None] | None = None
    # the day the text last named for recent news ("on Tuesday"): the date of the acts
    # it goes on to tell in the past tense without one of their own
    story_day: EventDate | None = None
    # people the article introduced with their office ("Defense Secretary Mark Esper"),
    # by surname: who a later bare "Esper" is
    introduced: dict[str, Actor] = field(default_factory=dict)
    # the sentence being coded, and the last force (police, army) that acted as a
    # subject with the sentence it acted in: who a "they" of the next sentence most
    # likely is ("Police reached the spot. They opened fire.")
    sentence_number: int = 0
    last_force: tuple[int, Actor] | None = None

    def person_before(self, offset: int) -> Actor | None:
        index = bisect.bisect_left(self.person_offsets, offset)
        return self.persons[index - 1] if index else None


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


def introduced_as(head: Token, offset: int, context: DocContext) -> ActorMention | None:
    """A person named again without the office the article gave them earlier."""
    actor = context.introduced.get(head.text) if head.pos_ == "PROPN" else None
    if actor is None:
        return None
    name = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    words = head.doc[name[0].i : head.i + 1]
    start = offset + words.start_char
    return ActorMention(words.text, start, start + len(words.text), actor)


def story_day(found: EventDate, tense: str, context: DocContext) -> EventDate:
    """Carry the day the text last set to later acts told in the past tense with no
    date of their own: wire copy dates its lede ("on Tuesday") and not every sentence
    after it, and the story's day is seldom the day it was published."""
    published = context.published
    if published is None:
        return found
    if found.basis == "expression":
        if (
            found.granularity == "day"
            and found.start is not None
            and 0 <= (published - found.start).days <= STORY_DAY_WINDOW
        ):
            context.story_day = found
        return found
    if found.basis == "publication" and tense == "past" and context.story_day is not None:
        return replace(context.story_day, basis="context")
    return found


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
        if token.dep_ not in _SUBJECT_DEPS or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        hit = resolver.dictionary.agent(token.lemma_.lower())
        if hit is not None and hit[0] in sectors:
            sector, country = hit[0], context.country[0] if context.country else None
            name = resolver.dictionary.country_names.get(country, country) if country else None
            label = f"{name} {sector}" if name else sector
            context.last_force = (context.sentence_number, Actor(label, country, sector))
            return


def force_meant(pronoun: Token, context: DocContext) -> Actor | None:
    """The force a subject "they" stands for: the one that acted in this sentence or the
    one before, unless a group named earlier in this sentence is nearer ("the agitators
    claimed that they were protesting")."""
    force = context.last_force
    if force is None or pronoun.lower_ not in _GROUP_PRONOUNS:
        return None
    if pronoun.dep_ not in _SUBJECT_DEPS or context.sentence_number - force[0] > 1:
        return None
    nearer = any(
        t.dep_ in _SUBJECT_DEPS and t.tag_ in {"NNS", "NNPS"}
        for t in pronoun.sent
        if t.i < pronoun.i
    )
    return None if nearer else force[1]
