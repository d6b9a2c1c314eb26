"""Events told without their agent, and event nouns no pattern lists.

"24 persons were arrested", "curfew was imposed", "killed in firing": the act of a state
whose agent the text leaves out is by the authority of the place, the sector
`[implied_agents]` names in the country the article is about. "The beating of", "the
expulsion of": an event noun names the act of the verb it derives from
(`nominal_suffixes`), when that verb has a pattern of its own. An act aimed at no one
named is aimed at the one other country its clause names, or, when the sentence names
no other, at the actor's own (PLOVER's domestic convention).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from newsevents.actors import ActorResolver
from newsevents.events import _modality as mod
from newsevents.events import _syntax as syn
from newsevents.events._context import SUBJECT_DEPS, DocContext, in_country
from newsevents.events._keys import object_lemmas
from newsevents.events._patterns import NO_AGENT, Pattern, PatternBook
from newsevents.model import Actor, ActorMention, Event
from newsevents.place import country_of_place, subnational_country

if TYPE_CHECKING:
    from newsevents.events._triggers import Trigger

_NOMINAL_DISCOUNT = 0.1  # a derived noun is a weaker sign than a listed one
_MIN_CITY_POPULATION = 100_000
_CIRCUMSTANCE_PREPS = frozenset(
    {"in", "during", "after", "following", "amid", "amidst", "before"}
)  # smaller places' names are too often common words
_WEIGHING_MARKS = frozenset({"whether", "if", "unless"})  # "whether the arrests will stand"


def derived_pattern(book: PatternBook, noun: Token) -> Pattern | None:
    """The unconditional pattern of the verb an event noun derives from, if any. A
    pattern's `unless` is checked against what the noun is "of": "the execution of a
    prisoner" is violence, "the execution of a warrant" not."""
    lemma = noun.lemma_.lower()
    if len(lemma) < 5 or not lemma.isalpha():
        return None
    of_what = {o.lemma_.lower() for o in syn.prep_objects_of(noun)}
    for suffix, replacement in book.nominal_suffixes:
        if not lemma.endswith(suffix):
            continue
        verb = lemma[: -len(suffix)] + replacement
        for pattern in book.verbs.get(verb, ()):
            if not pattern.conditional and not of_what & pattern.unless:
                confidence = round(pattern.confidence - _NOMINAL_DISCOUNT, 3)
                return replace(pattern, confidence=confidence)
    return None


def implied_sector(book: PatternBook, kind: str, mode: str | None, words: Span) -> str | None:
    """The sector that does an act of this type, mode or trigger when no agent is named."""
    if kind not in book.implied_types:
        return None  # an agreement or a request is told with its parties
    agents = book.implied_agents
    root = words.root
    # the words with a modifier first: "private firing" says more than "firing"
    keys = [f"{t.lemma_.lower()} {root.lemma_.lower()}" for t in root.lefts]
    keys += [words.text.lower(), root.lemma_.lower()]
    # what was done, most telling first: "curfew was clamped", "a case was registered"
    keys += sorted(object_lemmas(root), key=lambda form: (-len(form.split()), form))
    keys.append(f"{kind} {mode}" if mode else kind)
    sector = next((agents[k] for k in keys if k in agents), None)
    return None if sector == NO_AGENT else sector  # "killed in private firing"


def own_words(book: PatternBook, noun: Token) -> frozenset[int]:
    """The modifiers that are part of an event noun's name or describe it, not its
    holder: "security" in "security arrangements were made" (a key of the noun patterns
    or implied agents), "three-stage" in "a three-stage checking"."""
    lemma = noun.lemma_.lower()
    return frozenset(
        c.i
        for c in noun.children
        if c.dep_ == "compound"
        and (
            f"{c.lower_} {lemma}" in book.nouns
            or f"{c.lower_} {lemma}" in book.implied_agents
            or any(n.dep_ == "nummod" for n in c.children)
        )
    )


def is_agentless(token: Token, nominal: bool, own: frozenset[int] = frozenset()) -> bool:
    """A passive with no "by" agent, or an event noun with no holder (`own`: the
    modifiers that are part of its name)."""
    if nominal:
        # told as having happened: the subject ("the arrests followed"), or the means
        # or time of another event ("killed in firing"); not what someone fears or asks
        told = token.dep_ in {"nsubj", "nsubjpass"} or (
            token.dep_ == "pobj" and token.head.lower_ in _CIRCUMSTANCE_PREPS
        )
        return told and not any(
            c.dep_ in {"poss", "compound", "agent"} and c.i not in own for c in token.children
        )
    if not syn.is_passive(token) and not (token.dep_ == "acl" and token.tag_ == "VBN"):
        return False  # "were arrested", and "the people arrested on Friday"
    verbs = {token, *syn.sharing_passives(token)}  # "were arrested by police and deported"
    return not any(c.dep_ == "agent" or c.lower_ == "by" for v in verbs for c in v.children)


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
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
    return _leader(votes)


_AIMING_PREPS = frozenset({"to", "for", "toward", "towards", "against", "with", "on"})


def _aimed_from(word: Token) -> Token | None:
    """The word a preposition that aims at a name hangs on ("envoy" in "envoy to Kyiv",
    "sanctions" in "sanctions on Iran"); None for one that places or owns ("government
    of Sindh") or a name no preposition governs."""
    while word.dep_ in {"compound", "flat", "det", "amod"} and word.head != word:
        word = word.head
    if word.dep_ == "pobj" and word.head.lower_ in _AIMING_PREPS:
        return word.head.head
    return None


def _located(word: Token) -> bool:
    """Whether a name is the place an act happens in ("arrested in Caracas")."""
    while word.dep_ in {"compound", "flat"} and word.head != word:
        word = word.head
    return syn.is_locative(word)


def _acting_country(events: Sequence[Event]) -> str | None:
    """The country whose actors are the source of most of an article's events, when
    one leads: a story about Ukraine told through Washington's acts is Washington's."""
    votes = Counter(e.source.actor.country for e in events if e.source and e.source.actor.country)
    return _leader(votes)


def _leader(votes: Counter[str]) -> str | None:
    ranked = [*votes.most_common(2), ("", 0), ("", 0)]
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else None


class ImpliedRoles:
    """The sides of an event the text leaves unnamed: the agent of an agentless act, the
    country an act is aimed at, the country of a generic agent."""

    def __init__(self, book: PatternBook, resolver: ActorResolver):
        self.book = book
        self.resolver = resolver

    def agent(
        self,
        trigger: Trigger,
        sentence: Span,
        offset: int,
        when: date | None,
        context: DocContext,
    ) -> ActorMention | None:
        """Who did an act of the state the text tells without its agent: the authority
        of the place (`[implied_agents]`), in the country the sentence places the act
        in, else the one the article is about. The mention points at the trigger."""
        own = own_words(self.book, trigger.token) if trigger.nominal else frozenset()
        if not is_agentless(trigger.token, trigger.nominal, own):
            return None
        words = sentence.doc[trigger.span[0] : trigger.span[1]]
        sector = implied_sector(self.book, trigger.kind, trigger.pattern.mode, words)
        if sector is None:
            return None
        country = country_where(self.resolver, trigger.token) or self.article_country(when, context)
        actor = Actor(sector, None, sector)
        if country:
            actor = in_country(self.resolver, actor, country)
        start = offset + words.start_char
        return ActorMention(words.text, start, start + len(words.text), actor)

    def article_country(self, when: date | None, context: DocContext) -> str | None:
        """The country the article is about (`article_country`), found once."""
        if context.country is None:
            context.country = (article_country(self.resolver, context.sentences, when),)
        return context.country[0]

    def place_in_article(self, events: Sequence[Event], context: DocContext) -> None:
        """Give the generic agents of sentences that name no country ("Police arrested
        six people") the country whose actors do most in the article, else the one it
        names most. Done once the article is judged political news: where an agent acts
        is no sign that what it does is political."""
        acting = _acting_country(events)
        for mention, when, refused in context.unplaced:
            home = acting or self.article_country(when, context)
            actor = mention.actor
            if actor.country is None and home and home not in refused:
                # a generic agent is named after its country; a person keeps their name
                placed = in_country(self.resolver, actor, home)
                mention.actor = placed if actor.sector else replace(actor, country=home)
        context.unplaced.clear()

    def other_country(
        self,
        trigger: Trigger,
        sources: list[ActorMention | None],
        sentence: Span,
        offset: int,
        when: date | None,
        context: DocContext,
    ) -> ActorMention | None:
        """An action whose target the parse does not give, in a clause that names one
        country besides the actor's, is aimed at that country, as PLOVER coders read it:
        "suspended air links with Serbia", "mobilized reservists for a war against
        Iraq", "threatened an offensive unless Baghdad accepted". The circumstances
        ("after talks with Uganda") name other parties."""
        own = {s.actor.country for s in sources if s is not None}
        taken = [(s.start, s.end) for s in sources if s is not None]
        # what the actor's own phrase says of it ("authorities in Mongolia, which borders
        # Russia") does not name whom it acts on
        clause = syn.clause_proper(trigger.token) - {
            t.i for subject in trigger.subjects for t in subject.subtree
        }
        candidates = [
            (index, country)
            for index, country in context.countries_named(self.resolver, when)
            if index in clause
            and country not in own
            and not any(start <= offset + sentence.doc[index].idx < end for start, end in taken)
        ]
        if len({country for _, country in candidates}) != 1:
            return None
        index, country = candidates[0]
        return self._country_at(sentence.doc[index], country, offset)

    def _country_at(self, token: Token, country: str, offset: int) -> ActorMention:
        """The country that `token` names, as a mention pointing at its words (all of
        them: "New" starts "New York")."""
        head = token
        while (
            head.dep_ in {"compound", "flat"}
            and head.head.i > head.i
            and head.head.ent_type_ == token.ent_type_  # "New York", not "New York Times"
        ):
            head = head.head
        words = token.doc[token.i : head.i + 1].text
        start = offset + token.idx
        return ActorMention(words, start, start + len(words), self.resolver.country_actor(country))

    def retaliated(
        self,
        trigger: Trigger,
        source: ActorMention,
        sentence: Span,
        offset: int,
        context: DocContext,
    ) -> ActorMention | None:
        """Whom an act of retaliation aimed at no one named aims at ("it had struck back",
        "Pakistan retaliated"): the last actor the article told attacking the
        retaliator's country (`retaliation` in verbs.toml). Implied: no words."""
        book, token = self.book, trigger.token
        # "struck back"; what it acts on: "in retaliation", "imposed retaliatory tariffs"
        nouns = syn.acted_on(token)
        marks = {c.lower_ for c in token.children} | {n.lemma_.lower() for n in nouns}
        marks |= {c.lower_ for n in nouns for c in n.children if c.dep_ == "amod"}
        if token.lemma_.lower() not in book.retaliation_verbs and not (
            marks & book.retaliation_words
        ):
            return None
        actor = source.actor
        for attacker, attacked in reversed(context.attacks):
            if attacker.code == actor.code or (actor.country and attacker.country == actor.country):
                continue
            if attacked.code == actor.code or (actor.country and attacked.country == actor.country):
                start = offset + sentence.start_char
                return ActorMention("", start, start, attacker, implied=True)
        return None

    def reacted_to(
        self,
        trigger: Trigger,
        source: ActorMention,
        sentence: Span,
        offset: int,
        when: date | None,
        context: DocContext,
    ) -> ActorMention | None:
        """Whom a reaction to what the article told aims at when it names no one
        (`reaction` in verbs.toml), as an implied target: a told act ("welcomed the
        exchange", "moved by the announcement") aims at the last actor the article told
        acting, a situation ("urged an end to the violence") at the country the last act
        of conflict told fell in, else the one the article is about; either only when of
        another country than the reactor's."""
        if trigger.kind not in self.book.reaction_types:
            return None
        nouns = [n for n in syn.acted_on(trigger.token) if self._told(n)]
        lemmas = {n.lemma_.lower() for n in nouns}
        actor = source.actor
        start = offset + sentence.start_char
        if lemmas & self.book.reaction_nouns:
            for acting in reversed(context.acts):
                if acting.code == actor.code or not acting.country:
                    continue
                if actor.country and acting.country == actor.country:
                    continue
                return ActorMention("", start, start, acting, implied=True)
        if lemmas & self.book.reaction_situations:
            # where the last act of conflict fell, else what the article is about
            struck = [hit.country or by.country for by, hit in context.attacks]
            country = next((c for c in reversed(struck) if c), None)
            country = country or self.article_country(when, context)
            if country and country != actor.country:
                target = self.resolver.country_actor(country)
                return ActorMention("", start, start, target, implied=True)
        return None

    def _told(self, noun: Token) -> bool:
        """ "the decision", "this move": told before, with no holder of its own."""
        determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
        held = any(c.dep_ in {"poss", "compound", "prep", "acl", "relcl"} for c in noun.children)
        return bool(determiners & _DEFINITE) and not held

    def home_country(
        self,
        source: ActorMention,
        sentence: Span,
        offset: int,
        when: date | None,
        context: DocContext,
    ) -> ActorMention | None:
        """An action aimed at no one named, in a sentence that names no country but the
        actor's own, is domestic: it targets that country, as PLOVER codes it ("President
        X declined to resign", "Egyptian police opened fire"). So is one in a sentence
        that names no country at all by an agent the article placed before ("Officers
        had threatened to use live fire", "She added"): the one country in play is its."""
        country = source.actor.country
        if not country:
            return None
        named = {c for _, c in context.countries_named(self.resolver, when)}
        if named != {country} and (named or source.actor.sector is None):
            return None
        start = offset + sentence.start_char  # implied: no words of its own
        return ActorMention("", start, start, self.resolver.country_actor(country), implied=True)

    def unattributed_violence(self, trigger: Trigger, sentence: Span) -> bool:
        """Whether an action without a named actor is still violence worth coding: a
        reported act ("were killed"), not a noun ("strikes could follow"), with a means
        of violence named besides the verb, and no sign of an accident or disaster."""
        lemmas = {t.lemma_.lower() for t in sentence if t.i != trigger.token.i}
        return (
            trigger.kind in self.book.unattributed_types
            and not trigger.nominal
            and trigger.modality in {"asserted", "reported"}
            and bool(lemmas & self.book.violence_cues)
            and not lemmas & self.book.accident_cues
        )

    def agentless_act(self, trigger: Trigger, sentence: Span) -> bool:
        """Whether an act told in the passive without its agent ("was accused of fraud",
        "were detained"), or as an event noun no one holds ("the shelling of Kharkiv
        went on"), is still an event, with an unknown source: of a type
        `agentless_types` lists, asserted, with no sign of an accident, and done to
        someone the text names (the caller checks the target)."""
        lemmas = {t.lemma_.lower() for t in sentence if t.i != trigger.token.i}
        return (
            trigger.kind in self.book.agentless_types
            and trigger.modality in {"asserted", "reported"}
            and is_agentless(trigger.token, trigger.nominal)
            and not (trigger.nominal and self._foreseen(trigger.token))
            and not lemmas & self.book.accident_cues
        )

    def _foreseen(self, noun: Token) -> bool:
        """Whether the clause an event noun is told in only foresees or weighs it: "strikes
        could follow", "whether the deportation will proceed"."""
        verb = noun.head if noun.dep_ in SUBJECT_DEPS else noun.head.head
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        modality = mod.verb_modality(verb, self.book.modal_verbs, self.book.speech_verbs)
        return modality not in {"asserted", "reported"} or bool(marks & _WEIGHING_MARKS)

    def place_generic_agents(
        self,
        sources: list[ActorMention],
        targets: list[ActorMention],
        sentence: Span,
        offset: int,
        when: date | None,
        context: DocContext,
        topic: frozenset[int] = frozenset(),
    ) -> None:
        """Give a countryless generic agent ("President Jane Doe", "the police") the one
        country its sentence names ("...imposed a curfew in Algiers"). A country named as
        an actor does not count (in "President X threatened Russia" X is not Russian), nor
        does the source's own for a target of a kind that often comes from elsewhere:
        whom Spanish police arrest need not be Spanish, but the students Hong Kong police
        besiege and the judges Tunisian police arrest are their own country's.
        Nor does, for a source, a country in what it acts on (`topic`, the character
        offsets of its object's words): "Volker disputed the notion of a Ukraine channel".
        One in a sentence that names no other country waits for `place_in_article`."""
        named = context.countries_named(self.resolver, when)
        found = [(sentence.doc[index].idx + offset, country) for index, country in named]
        # offset of a name aimed at -> offset of the word that aims at it
        aimed = {
            sentence.doc[i].idx + offset: aimer.idx + offset
            for i, _ in named
            if (aimer := _aimed_from(sentence.doc[i])) is not None
        }
        located = {sentence.doc[i].idx + offset for i, _ in named if _located(sentence.doc[i])}
        bare = [  # a place an act happens in still places its actors: "arrested in Caracas"
            m
            for m in (*sources, *targets)
            if m.actor.sector is None and m.actor.country and m.start not in located
        ]
        for mention, excluded in (
            *((m, bare) for m in sources),
            *((m, [*bare, *sources]) for m in targets),
        ):
            actor = mention.actor
            if actor.country or actor.sector in {None, "IGO"} or actor.name != actor.sector:
                continue
            # a country the mention's own words aim at is not its country, nor the
            # article's: "the envoy to Ukraine" is not Ukraine's, nor "the ambassador"
            # who is "to Kenya"
            own = [
                (s, c)
                for s, c in found
                if s in aimed and any(mention.start <= at < mention.end for at in (s, aimed[s]))
            ]
            around = [
                f for f in found if f not in own and (mention in targets or f[0] not in topic)
            ]
            countries = {
                country
                for start, country in around
                if not any(o.start <= start < o.end for o in excluded)
            }
            foreign = actor.sector in self.book.foreign_sectors
            if not countries and mention in targets and not foreign:
                countries = {c for s, c in around if not any(o.start <= s < o.end for o in bare)}
            if not around:
                # the same kind of actor named just before: "Hong Kong police fired
                # tear gas. Officers said..."
                meant = context.salient.same_kind(
                    mention.start, context.sentence_number, actor.sector
                )
                if meant is not None and meant.country:
                    mention.actor = in_country(self.resolver, actor, meant.country)
                    continue
                # what it aims at is not the article's country either
                refused = frozenset(c for s, c in own) | frozenset(
                    c for s, c in found if s in topic and s in aimed
                )
                context.unplaced.append((mention, when, refused))
            if len(countries) != 1:
                continue
            (country,) = countries
            mention.actor = in_country(self.resolver, actor, country)
