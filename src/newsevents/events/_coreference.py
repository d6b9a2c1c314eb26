"""In-article coreference: the actors an article has named so far, and whom a pronoun
("it", "they") or a bare description ("the group") most likely means.

The article's named actors are kept in text order with what a reference needs to agree
with: a person or not, one or many, subject or not. A reference means the nearest
compatible one, within `REACH` sentences, a subject before other roles of the same
sentence; never the other argument of its own verb ("Kenya accused it" is not Kenya)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True, slots=True)
class Referent:
    """A named actor as the article showed it."""

    sentence: int
    offset: int  # article offset of its head word
    token: Token
    actor: Actor | None  # None: an actor the dictionaries do not know
    person: bool
    plural: bool
    subject: bool


@dataclass(slots=True)
class Salience:
    """The named actors of one article, in text order."""

    referents: list[Referent] = field(default_factory=list)

    def notice(
        self,
        resolver: ActorResolver,
        sentence: Span,
        offset: int,
        number: int,
        when: date | None,
    ) -> None:
        """Remember the actors sentence `number` names, head by head."""
        for token in sentence:
            if (
                token.pos_ not in {"NOUN", "PROPN"}
                or token.dep_ not in _ROLES
                or token.ent_type_ in _NOT_ACTORS
                or _setting(token)
            ):
                continue
            mention = resolver.resolve(token, when)
            actor = mention.actor if mention is not None else None
            if actor is None or not (actor.country or actor.sector):
                if token.dep_ not in _SUBJECTS:
                    continue
                # a subject we cannot name still takes the pronouns that follow it:
                # "Both men said they were treated well" is not about the last group
                actor = None
            self.add(number, offset, token, actor, _is_person(resolver, token, actor))

    def add(
        self, number: int, offset: int, token: Token, actor: Actor | None, person: bool
    ) -> None:
        """Remember an actor at `token` (a resolved pronoun too: "It said... It added").
        Coordinated actors are many: "Warren and Ocasio-Cortez... They criticised"."""
        at = offset + token.idx
        if any(r.offset == at for r in self.referents[-8:]):
            return
        plural = token.tag_ in _PLURAL_TAGS or token.lower_ in _PLURAL
        plural = plural or (token.dep_ != "conj" and bool(token.conjuncts))
        referent = Referent(number, at, token, actor, person, plural, token.dep_ in _SUBJECTS)
        self.referents.append(referent)
        self.referents.sort(key=lambda r: r.offset)

    def placed(self, mentions: list[ActorMention]) -> None:
        """Take in what coding a sentence learnt of its actors: "police" placed in Hong
        Kong by the sentence are Hong Kong's police for the sentences that follow."""
        for mention in mentions:
            if not mention.actor.country:
                continue
            for index, referent in enumerate(self.referents):
                actor = referent.actor
                if (
                    actor is not None
                    and not actor.country
                    and actor.sector == mention.actor.sector
                    and mention.start <= referent.offset < mention.end
                ):
                    self.referents[index] = replace(referent, actor=mention.actor)

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
            for r in self.referents
            if r.offset < at
            and number - r.sentence <= REACH
            and r.actor is not None
            and r.actor.sector == sector
            and r.actor.country
        ]
        return _best(found, number)

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
        at = offset + word.idx
        possessive = word.tag_ == "PRP$" or word.dep_ == "poss"
        return [
            r
            for r in self.referents
            if r.offset < at
            and number - r.sentence <= REACH
            and (possessive or not _coargument(r.token, word))
        ]


def _best(found: list[Referent], number: int) -> Actor | None:
    """The nearest sentence's subject, else its last named actor; an actor placed in no
    country tells too little to stand for ("they" as bare "LEG")."""
    if not found:
        return None
    best = min(found, key=lambda r: (number - r.sentence, not r.subject, -r.offset))
    return best.actor if best.actor is not None and best.actor.country else None


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
    # an organisation's name takes an article ("the Wall Street Journal")
    return (
        token.text[:1].isupper()
        and len(words) > 1
        and words[-1] == token.text
        and not any(c.dep_ == "det" for c in token.children)
    )
