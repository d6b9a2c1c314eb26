"""Roles: the actors the words around a trigger name, who reports it, and whom a
pronoun or a definite description means."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from newsevents.actors import COUNTRY_SOURCE, ActorResolver
from newsevents.events import _syntax as syn
from newsevents.events._context import (
    SUBJECT_DEPS,
    DocContext,
    force_meant,
    in_country,
    introduce_people,
    introduced_as,
)
from newsevents.events._patterns import PatternBook
from newsevents.events._triggers import Trigger
from newsevents.model import Actor, ActorMention

_GOVERNMENT = Actor("GOV", None, "GOV")  # what a place that acts stands for

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
_DESCRIPTION_REACH = 2  # sentences back a description may point
_FIRST_PERSON = frozenset({"we"})  # in a quotation: the side its speaker speaks for


class RoleReader:
    """Reads the actors of an event from the words the parse gives for its sides."""

    def __init__(self, book: PatternBook, resolver: ActorResolver):
        self.book = book
        self.resolver = resolver

    def as_state(self, mention: ActorMention | None, kind: str) -> ActorMention | None:
        """A country named as the actor ("The US deployed troops") is its state acting:
        the sector `state_sectors` gives the event type."""
        if mention is None or mention.actor.sector or not mention.actor.country:
            return mention
        name = mention.text.removeprefix("the ").removeprefix("The ")
        if name.lower() in _SPEAKER_PRONOUNS | _FIRST_PERSON:
            name = mention.actor.name  # "It also threatened": the country it stands for
        entry = self.resolver.dictionary.country(name.removesuffix("'s").removesuffix("’s"))
        sectors = self.book.state_sectors
        sector = sectors.get(kind, sectors.get("default"))
        if entry is None or entry.kind != COUNTRY_SOURCE or not sector:
            return mention
        return replace(mention, actor=replace(mention.actor, sector=sector))

    def acting_force(self, mention: ActorMention | None, kind: str, mode: str | None) -> None:
        """Police power a civil authority lays on is its police's (`[acting_forces]`):
        "the district administration tightened security" is the district's police. Only
        a generic authority ("the administration"), not a named person or body. Changes
        the mention in place, so that the article's country still reaches it later."""
        sector = self.book.acting_forces.get(f"{kind} {mode}")
        if mention is None or sector is None:
            return
        actor = mention.actor
        if actor.sector not in self.book.civil_sectors:
            return
        generic = Actor(str(actor.sector), None, actor.sector)
        if actor.country:
            generic = in_country(self.resolver, generic, actor.country)
        if actor.name != generic.name:
            return
        force = Actor(sector, None, sector)
        mention.actor = in_country(self.resolver, force, actor.country) if actor.country else force

    def reporter(
        self,
        trigger: Trigger,
        sentence: Span,
        when: date | None,
        offset: int,
        context: DocContext,
    ) -> ActorMention | None:
        """The speaker the event is attributed to: the subject of the speech verb its
        clause hangs from, else whom the sentence cites ("according to X"). A speaker the
        dictionary does not know is kept as written."""
        heads = syn.speaker_heads(trigger.token, self.book.speech_verbs) or syn.source_heads(
            sentence
        )
        if not heads:
            return None
        found = self.actors(heads[:1], when, offset, context, possessor=False)
        if found:
            return found[0]
        phrase = heads[0].doc[heads[0].left_edge.i : heads[0].i + 1]
        start = offset + phrase.start_char
        return ActorMention(phrase.text, start, start + len(phrase.text), Actor(phrase.text))

    def target(
        self,
        candidates: list[Token],
        when: date | None,
        offset: int,
        context: DocContext,
        sources: Sequence[ActorMention | None] = (),
    ) -> list[ActorMention]:
        """The first candidate that names an actor, with the actors coordinated with it;
        "the country" is the one named last before it, other than the sources' own."""
        own = {s.actor.country for s in sources if s is not None}
        for head in candidates:
            found = self.actors(syn.with_conjuncts(head), when, offset, context, possessor=True)
            if found:
                return [self._as_place(m) for m in found] if syn.is_locative(head) else found
            meant = self._country_meant(head, own, when, offset, context)
            if meant is not None:
                return [meant]
        return []

    def _as_place(self, mention: ActorMention) -> ActorMention:
        """ "Hundreds were arrested in Caracas": a place where an act happens is its
        country, not the government its capital stands for when it acts."""
        country = mention.actor.country
        if not country or mention.actor.sector != "GOV":
            return mention
        return replace(mention, actor=self.resolver.country_actor(country))

    def _country_meant(
        self, head: Token, own: set[str | None], when: date | None, offset: int, context: DocContext
    ) -> ActorMention | None:
        """The country "the country" refers back to: named last before it in this
        sentence or the `_DESCRIPTION_REACH` before, and not the actor's own."""
        words = list(head.lefts)
        if head.lemma_.lower() not in self.resolver.heads.country_nouns or [
            w.lower_ for w in words
        ] != ["the"]:
            return None
        number = context.sentence_number
        for back in range(number, max(-1, number - _DESCRIPTION_REACH - 1), -1):
            named = context.countries_named(self.resolver, when, back)
            if back == number:
                named = [(i, c) for i, c in named if i < head.i]
            for _, country in reversed(named):
                if country not in own:
                    start = offset + head.doc[words[0].i].idx
                    text = head.doc[words[0].i : head.i + 1].text
                    actor = self.resolver.country_actor(country)
                    return ActorMention(text, start, start + len(text), actor)
        return None

    @staticmethod
    def own_state(target: Actor, source: Actor) -> bool:
        """The bare country of a source that is one of its sectors: Venezuela for
        VENGOV."""
        return (
            target.sector is None
            and source.sector is not None
            and target.country is not None
            and target.country == source.country
        )

    def same_actor(self, one: Actor, other: Actor) -> bool:
        """One actor, or one state: two parties or people of one code are two actors
        ("Republicans accused the Democrats"), the White House and the president are not."""
        if one.code != other.code:
            return False
        country = self.resolver.dictionary.country
        return one.name == other.name or any(country(a.name) for a in (one, other))

    def actors(
        self,
        heads: list[Token],
        when: date | None,
        offset: int,
        context: DocContext,
        *,
        possessor: bool,
        acting: bool = False,
    ) -> list[ActorMention]:
        """The actors the heads name; with `acting`, the heads are who acts, and a
        state, province or city that acts is its government ("California sued")."""
        mentions = []
        for head in map(syn.antecedent, heads):
            person = context.person_before(offset + head.idx)
            if head.pos_ == "PRON":
                actor = self._pronoun(head, when, offset, context, person)
                if actor is not None:
                    start = offset + head.idx
                    mentions.append(ActorMention(head.text, start, start + len(head), actor))
                    # what the next "it" may mean in turn: "Russia expelled... It said...
                    # It also threatened"
                    human = head.lower_ in _PERSON_PRONOUNS
                    context.salient.add(context.sentence_number, offset, head, actor, human)
                continue
            mention = (
                self.resolver.resolve(head, when, allow_possessor=possessor)
                or introduced_as(head, context)
                or self._group_meant(head, offset, context)
                or self._aged_meant(head, offset, context)
                or self._named_unknown(head, when, context)
                or (self._place_governed(head) if acting else None)
            )
            if mention is None:
                continue
            mention.start += offset
            mention.end += offset
            if (
                mention.actor.country is None
                and person is not None
                and person.country
                and syn.belongs_to_him_or_her(head)
            ):  # "his government", "businessmen in his inner circle": his country
                mention.actor = in_country(self.resolver, mention.actor, person.country)
            if (
                mention.actor.country is None
                and mention.actor.sector
                and head.dep_ == "conj"
                and mentions
                and mentions[0].actor.country
                and not any(c.dep_ in {"amod", "compound", "poss"} for c in head.children)
            ):  # "Israeli helicopters and tanks": the modifier covers both
                mention.actor = in_country(self.resolver, mention.actor, mentions[0].actor.country)
            self._described_person(head, mention, context)
            self._refer_back(mention, context)
            mentions.append(mention)
            mentions += self._coordinated_countries(head, mention, offset)
        return mentions

    def _named_unknown(
        self, head: Token, when: date | None, context: DocContext
    ) -> ActorMention | None:
        """A person or organisation no dictionary knows ("Big Machine denied it"): an
        actor of no known country or sector, which the country whose actors do most in
        the article places once it is judged political news (`place_in_article`). Off
        unless `unknown_named` lists the entity labels such a name may have."""
        labels = self.book.unknown_named
        if head.pos_ != "PROPN" or (head.ent_type_ or "none") not in labels:
            return None
        name = [t for t in head.lefts if t.dep_ in {"compound", "flat"} and t.pos_ == "PROPN"]
        words = head.doc[(name or [head])[0].i : head.i + 1]
        mention = ActorMention(words.text, words.start_char, words.end_char, Actor(words.text))
        context.unplaced.append((mention, when, frozenset()))
        return mention

    def _place_governed(self, head: Token) -> ActorMention | None:
        """A sub-national place that acts is its government, in its country: "California
        sued", "Gujarat ordered" (a country or capital that acts the dictionary gives)."""
        if head.pos_ != "PROPN" or head.ent_type_ != "GPE":
            return None
        name = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if name is None:
            return None
        country = self.resolver.place_country(name.text.removeprefix("the "))
        if country is None:
            return None
        # named after the place: California's government is not Washington's
        actor = replace(_GOVERNMENT, name=f"{name.text} {_GOVERNMENT.sector}", country=country)
        return ActorMention(name.text, name.start_char, name.end_char, actor)

    def _coordinated_countries(
        self, head: Token, mention: ActorMention, offset: int
    ) -> list[ActorMention]:
        """ "Senior Hungarian and Romanian officials", "American and Vietnamese teams": one
        group per country its coordinated modifiers name."""
        actor = mention.actor
        found = []
        for modifier in head.children:
            if modifier.dep_ not in {"amod", "compound", "nmod"}:
                continue
            for other in modifier.conjuncts:
                entry = self.resolver.dictionary.country(other.text)
                if entry is None or entry.iso3 == actor.country:
                    continue
                start = offset + other.idx
                placed = in_country(self.resolver, replace(actor, qid=None), entry.iso3)
                found.append(ActorMention(other.text, start, start + len(other.text), placed))
        return found

    def _described_person(self, head: Token, mention: ActorMention, context: DocContext) -> None:
        """A person described, not named ("the real estate magnate", "the senator"), is
        of the country of the person the text named last, in this sentence or the two
        before: who else would the writer mean."""
        actor = mention.actor
        if actor.country or actor.name != actor.sector or head.tag_ != "NN":
            return
        if head.lemma_.lower() not in self.resolver.heads.people:
            return
        words = list(head.lefts)
        if not any(w.lower_ == "the" for w in words) or any(w.pos_ == "PROPN" for w in words):
            return
        person = context.named_before(mention.start, _DESCRIPTION_REACH)
        if person is not None and person.country:
            mention.actor = in_country(self.resolver, actor, person.country)

    def _refer_back(self, mention: ActorMention, context: DocContext) -> None:
        """A definite generic agent ("the gang's leader", "the rebels") without a
        country is the group of that kind the article last named; a named actor with a
        country and sector becomes what later ones refer back to."""
        actor = mention.actor
        if actor.sector is None:
            return
        if actor.country:
            context.sector_countries[actor.sector] = actor.country
        elif actor.name == actor.sector and " the " in f" {mention.text.lower()} ":
            country = context.sector_countries.get(actor.sector)
            if country:
                mention.actor = in_country(self.resolver, actor, country)

    def _pronoun(
        self,
        pronoun: Token,
        when: date | None,
        offset: int,
        context: DocContext,
        person: Actor | None,
    ) -> Actor | None:
        """ "Hungary said it will support...": a pronoun under a speech verb is its speaker;
        otherwise he/she is the person last named as a subject."""
        if pronoun.lower_ in _SPEAKER_PRONOUNS | _FIRST_PERSON:
            speakers = syn.speaker_heads(pronoun.head, self.book.speech_verbs)
            if not speakers and pronoun.lower_ in _FIRST_PERSON:
                speakers = syn.sentence_speakers(pronoun.sent, self.book.speech_verbs)
            for speaker in speakers:
                if speaker.pos_ != "PRON":
                    mention = self.resolver.resolve(speaker, when)
                    if mention is not None:
                        return mention.actor
                elif pronoun.lower_ in _FIRST_PERSON and speaker.lower_ in _PERSON_PRONOUNS:
                    return person  # "'We will ask the court,' he added": who he is
        force = force_meant(pronoun, context)
        if force is not None:
            return force  # "Police reached the spot. They opened fire."
        if pronoun.lower_ in _PERSON_PRONOUNS:
            # the person named nearest before, else the last named as a subject: "Castor
            # asked Morrison about it. He asked..." is Castor, not the minister of before
            meant = context.salient.person(pronoun, offset, context.sentence_number)
            return meant or person
        return context.salient.pronoun(pronoun, offset, context.sentence_number)

    def _aged_meant(self, head: Token, offset: int, context: DocContext) -> ActorMention | None:
        """ "The 79-year-old accused...": an age said with "the" and no noun is the person
        named nearest before."""
        children = list(head.children)
        if (
            head.lower_ not in self.resolver.heads.ages
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in children)
            or not any(c.dep_ == "npadvmod" for c in children)  # "79-year"
        ):
            return None
        actor = context.salient.person(head, offset, context.sentence_number)
        if actor is None:
            return None
        words = head.doc[head.left_edge.i : head.i + 1]
        return ActorMention(words.text, words.start_char, words.end_char, actor)

    def _group_meant(self, head: Token, offset: int, context: DocContext) -> ActorMention | None:
        """ "The group", "the organisation": the armed group, party or movement named
        last, within a few sentences."""
        if head.lemma_.lower() not in self.resolver.heads.group_nouns or [
            w.lower_ for w in head.lefts
        ] != ["the"]:
            return None
        actor = context.salient.described(
            head, offset, context.sentence_number, self.book.group_sectors
        )
        if actor is None:
            return None
        words = head.doc[head.i - 1 : head.i + 1]
        return ActorMention(words.text, words.start_char, words.end_char, actor)

    def remember_persons(self, sentence: Span, offset: int, context: DocContext) -> None:
        """Named people acting as subjects: what a later "he" or "his" most likely means;
        named people in any role: whom a later "the senator" most likely means; and
        people named with their office, for when the article names them again."""
        introduce_people(self.resolver, sentence, context)
        context.salient.notice(
            self.resolver, sentence, offset, context.sentence_number, context.published
        )
        for entity in sentence.ents:
            # The small model often tags a lone surname as ORG ("Maduro spoke"): accept
            # ORG too, but only for names the dictionary knows.
            if entity.label_ not in {"PERSON", "ORG"}:
                continue
            subject = entity.root.dep_ in SUBJECT_DEPS
            text = entity.text.removesuffix("'s").removesuffix("’s")  # "Macron's plans"
            names = [text] + ([text.split()[-1]] if entity.label_ == "PERSON" else [])
            actor = None
            if any(map(self.resolver.dictionary.roles, names)):
                actor = self.resolver.resolve_name(text, context.published) or (
                    self.resolver.resolve_name(names[-1], context.published)
                )
            else:
                actor = context.introduced.get(entity.root.text)
            if actor is None or not actor.country:
                continue
            context.named.append((context.sentence_number, offset + entity.end_char, actor))
            if subject:
                context.person_offsets.append(offset + entity.end_char)
                context.persons.append(actor)
