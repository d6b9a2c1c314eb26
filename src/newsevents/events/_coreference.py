"""In-article coreference: the actors an article has named so far, and whom a pronoun
("it", "they") or a bare description ("the group") most likely means.

The article's named actors are kept in text order with what a reference needs to agree
with: a person or not, one or many, subject or not. A reference means the nearest
compatible one, within `REACH` sentences, a subject before other roles of the same
sentence; never the other argument of its own verb ("Kenya accused it" is not Kenya)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from newsevents.actors import ActorResolver
from newsevents.model import Actor, ActorMention

REACH = 2  # sentences back a pronoun or description may point
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "attr"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass(slots=True)
class Referent:
    """A word the article may name an actor with, as the article showed it. Who it is
    is looked up only when a pronoun or description asks (most never are)."""

    sentence: int
    offset: int  # article offset of its head word
    token: Token
    subject: bool
    plural: bool
    when: date | None = None
    looked_up: bool = False
    actor: Actor | None = None  # None: an actor the dictionaries do not know
    person: bool = False
    # a word that names no actor and is no subject is no referent: "Both men said they
    # were treated well" is not about the last group, but "reporters" met is nothing
    void: bool = False


@dataclass(slots=True)
class Salience:
    """The named actors of one article, in text order."""

    referents: list[Referent] = field(default_factory=list)
    resolver: ActorResolver | None = None

    def notice(
        self,
        resolver: ActorResolver,
        sentence: Span,
        offset: int,
        number: int,
        when: date | None,
    ) -> None:
        """Remember the words sentence `number` may name actors with, head by head."""
        self.resolver = resolver
        for token in sentence:
            if (
                token.pos_ not in {"NOUN", "PROPN"}
                or token.dep_ not in _ROLES
                or token.ent_type_ in _NOT_ACTORS
                or _setting(token)
            ):
                continue
            self._append(Referent(number, offset + token.idx, token, *_shape(token), when))

    def add(
        self, number: int, offset: int, token: Token, actor: Actor | None, person: bool
    ) -> None:
        """Remember an actor at `token` (a resolved pronoun too: "It said... It added").
        Coordinated actors are many: "Warren and Ocasio-Cortez... They criticised"."""
        referent = Referent(number, offset + token.idx, token, *_shape(token))
        referent.looked_up, referent.actor, referent.person = True, actor, person
        self._append(referent)

    def _append(self, referent: Referent) -> None:
        """Keep the referents in text order, one per word."""
        at = bisect.bisect_left(self.referents, referent.offset, key=_offset)
        if at < len(self.referents) and self.referents[at].offset == referent.offset:
            return
        self.referents.insert(at, referent)

    def _look_up(self, referent: Referent) -> Referent:
        """Who a remembered word names, found once, when first asked."""
        if referent.looked_up or self.resolver is None:
            return referent
        referent.looked_up = True
        mention = self.resolver.resolve(referent.token, referent.when)
        actor = mention.actor if mention is not None else None
        if actor is None or not (actor.country or actor.sector):
            actor = None
            referent.void = not referent.subject
        referent.actor = actor
        referent.person = _is_person(self.resolver, referent.token, actor)
        return referent

    def placed(self, mentions: list[ActorMention]) -> None:
        """Take in what coding a sentence learnt of its actors: "police" placed in Hong
        Kong by the sentence are Hong Kong's police for the sentences that follow."""
        for mention in mentions:
            if not mention.actor.country:
                continue
            first = bisect.bisect_left(self.referents, mention.start, key=_offset)
            last = bisect.bisect_left(self.referents, mention.end, key=_offset)
            for referent in self.referents[first:last]:
                actor = self._look_up(referent).actor
                if actor is not None and not actor.country and actor.sector == mention.actor.sector:
                    referent.actor = mention.actor

    def pronoun(self, word: Token, offset: int, number: int) -> Actor | None:
        """The actor "it"/"its" (one thing, not a person) or "they"/"their" (many, not
        people named one by one) stands for."""
        lower = word.lower_
        if lower in _NEUTER:
            if word.dep_ == "expl" or (word.head.lemma_ == "be" and lower == "it"):
                return None  # "it is unclear whether..."
            return self._nearest(word, offset, number, person=False, plural=False)
        if lower in _PLURAL:
            return self._nearest(word, offset, number, person=None, plural=True)
        return None

    def person(self, word: Token, offset: int, number: int) -> Actor | None:
        """The person "he"/"she" stands for: the nearest named, a subject first, never
        the other argument of its verb ("Castor asked him")."""
        return _best([r for r in self._candidates(word, offset, number) if r.person], number)

    def described(
        self, word: Token, offset: int, number: int, sectors: frozenset[str]
    ) -> Actor | None:
        """The actor "the group" means: the nearest named one of `sectors`."""
        found = self._candidates(word, offset, number)
        found = [r for r in found if not r.person and r.actor and r.actor.sector in sectors]
        return _best(found, number)

    def same_kind(self, at: int, number: int, sector: str) -> Actor | None:
        """The nearest actor of `sector` with a country named before article offset
        `at`: whom "officers" or "protesters" most likely are when their sentence names
        no country."""
        found = [
            r
            for r in self._within(at, number)
            if r.actor is not None and r.actor.sector == sector and r.actor.country
        ]
        return _best(found, number)

    def _within(self, at: int, number: int) -> list[Referent]:
        """The actors named before article offset `at`, within `REACH` sentences."""
        return [
            self._look_up(r)
            for r in self.referents
            if r.offset < at and number - r.sentence <= REACH
        ]

    def _nearest(
        self, word: Token, offset: int, number: int, *, person: bool | None, plural: bool
    ) -> Actor | None:
        found = [
            r
            for r in self._candidates(word, offset, number)
            if person in {None, r.person} and r.plural == plural
        ]
        return _best(found, number)

    def _candidates(self, word: Token, offset: int, number: int) -> list[Referent]:
        possessive = word.tag_ == "PRP$" or word.dep_ == "poss"
        return [
            r
            for r in self._within(offset + word.idx, number)
            if not r.void and (possessive or not _coargument(r.token, word))
        ]


def _offset(referent: Referent) -> int:
    return referent.offset


def _best(found: list[Referent], number: int) -> Actor | None:
    """The nearest sentence's subject, else its last named actor; a generic actor placed
    in no country tells too little to stand for ("they" as bare "LEG"), but a named body
    of no country by nature does ("Amnesty International ... It called on")."""
    if not found:
        return None
    best = min(found, key=lambda r: (number - r.sentence, not r.subject, -r.offset))
    actor = best.actor
    return actor if actor is not None and (actor.country or actor.name != actor.sector) else None


def _shape(token: Token) -> tuple[bool, bool]:
    """Whether a word is a subject, and whether it names many: "they", "officers",
    "Warren and Ocasio-Cortez"."""
    plural = token.tag_ in _PLURAL_TAGS or token.lower_ in _PLURAL
    plural = plural or (token.dep_ != "conj" and bool(token.conjuncts))
    return token.dep_ in _SUBJECTS, plural


def _setting(token: Token) -> bool:
    """A place where something happened ("met reporters in Brasilia"), not an actor a
    pronoun could mean."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and token.ent_type_ in _PLACES
        and prep.dep_ == "prep"
        and prep.head.pos_ in {"VERB", "AUX"}
    )


def _coargument(one: Token, other: Token) -> bool:
    """Two arguments of one verb in one sentence: they name two actors."""
    return one.doc is other.doc and one.sent == other.sent and one.head == other.head


def _is_person(resolver: ActorResolver, token: Token, actor: Actor | None) -> bool:
    """A person: named as one, described as one ("the senator"), or a known person's
    surname the model took for an organisation ("Maduro")."""
    if token.ent_type_ == "PERSON":
        return True
    if token.tag_ == "NN" and token.lemma_.lower() in resolver.heads.people:
        return True
    words = actor.name.split() if actor is not None else []
    # the small model tags a lone surname as ORG, even as a common noun ("Trump has");
    # an organisation's name takes an article ("the Wall Street Journal") or is written
    # whole ("Amnesty International")
    return (
        token.text[:1].isupper()
        and len(words) > 1
        and words[-1] == token.text
        and not any(c.dep_ in {"det", "compound", "flat"} for c in token.children)
    )
