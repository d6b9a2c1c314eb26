"""The rule coder: who did what to whom in each sentence, from the dependency parse."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import takewhile

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span, Token

from newsevents.actors import ActorResolver, tables_key
from newsevents.events import _modality as mod
from newsevents.events import _syntax as syn
from newsevents.events._checks import checked
from newsevents.events._classifier import NO_EVENT, TypeScorer
from newsevents.events._consolidate import actor_code as _code
from newsevents.events._consolidate import consolidate as _consolidate
from newsevents.events._context import DocContext, remember_force
from newsevents.events._dating import event_when, note_story_day
from newsevents.events._implied import ImpliedRoles
from newsevents.events._patterns import Pattern, PatternBook, load_pattern_book
from newsevents.events._relevance import (
    is_everyday,
    is_political_story,
    sports_story_events,
    story_discards,
)
from newsevents.events._roles import RoleReader
from newsevents.events._triggers import Trigger, TriggerFinder
from newsevents.model import UNKNOWN, ActorMention, Event

CODER_NAME = "newsevents.coder.v1"


class RuleCoder:
    """Codes PLOVER events with verb and noun patterns over a spaCy parse."""

    name = CODER_NAME

    def __init__(
        self,
        book: PatternBook | None = None,
        resolver: ActorResolver | None = None,
        classifier: TypeScorer | None = None,
    ):
        self.book = book or load_pattern_book()
        self.resolver = resolver or ActorResolver()
        self.classifier = classifier
        self.triggers = TriggerFinder(self.book)
        self.roles = RoleReader(self.book, self.resolver)
        self.implied = ImpliedRoles(self.book, self.resolver)
        self.discards = story_discards()
        self.version = f"{CODER_NAME}+patterns.{self.book.version}.{self._rules_digest()}" + (
            f"+{classifier.version}" if classifier else ""
        )

    def _rules_digest(self) -> str:
        """Seven hex digits over the patterns and the actor dictionary with the package
        version: an edit or an upgrade is a new coder, whose run recodes what is stored."""
        digest = hashlib.sha256(f"{self.book.fingerprint}|{tables_key()}".encode())
        return digest.hexdigest()[:7]

    def code(
        self,
        doc_id: str,
        parsed: Sequence[SpacyDoc],
        offsets: Sequence[int],
        published: date | None,
        *,
        published_span: tuple[date, date] | None = None,
        merge: bool = True,
    ) -> list[Event]:
        """Events of one article; `parsed[i]` starts at character `offsets[i]` of its text.
        An undated article may come with the span it was published in. `merge=False`
        keeps the events a more specific one of another sentence repeats (for scoring
        sentences rather than happenings)."""
        context = DocContext(doc_id, published, published_span)
        sentences = [
            (sentence, offset)
            for paragraph, offset in zip(parsed, offsets, strict=True)
            for sentence in paragraph.sents
        ]
        context.sentences = [s for s, _ in sentences]
        opinions = self.classifier.scores([s for s, _ in sentences]) if self.classifier else []
        events: list[Event] = []
        for number, (sentence, offset) in enumerate(sentences):
            context.sentence_number = number
            self.roles.remember_persons(sentence, offset, context)
            note_story_day(sentence, context)
            found = self.code_sentence(sentence, offset, context)
            if opinions:
                found = self._second_opinion(found, opinions[number], sentence, offset, context)
            remember_force(self.resolver, self.book.pronoun_forces, found, sentence, context)
            context.attacks += [
                (e.source.actor, e.target.actor)
                for e in found
                if e.source and e.target and e.type in self.book.retaliation_types
            ]
            context.acts += [e.source.actor for e in found if e.source and not e.source.implied]
            context.salient.placed([m for e in found for m in (e.source, e.target) if m])
            events += found
        events = [e for e in events if not is_everyday(e, self.book)]
        if events:
            text = " ".join(s.text for s, _ in sentences)
            events = sports_story_events(events, text, self.book, self.discards)
        if not is_political_story(events, len(sentences), self.book):
            return []
        self.implied.place_in_article(events, context)
        # a name no dictionary knows, in an article with no country to place it in
        events = [e for e in events if not (e.source and e.source.actor.code == UNKNOWN)]
        return _consolidate(events) if merge else events

    def _second_opinion(
        self,
        events: list[Event],
        scores: dict[str, float],
        sentence: Span,
        offset: int,
        context: DocContext,
    ) -> list[Event]:
        """Weigh the rules' events with the classifier's reading of the sentence: it
        tempers each event's confidence, vetoes an event where it is surer of no event
        than of that type, and codes a sentence the patterns missed when it is sure of
        a type."""
        settings = self.book.classifier
        nothing = scores.get(NO_EVENT, 0.0)
        if events:
            return [
                replace(
                    event,
                    confidence=round(
                        (1 - settings.weight) * event.confidence
                        + settings.weight * scores.get(event.type, 0.0),
                        3,
                    ),
                )
                for event in events
                # the word read in another sense: "signed a striker", "launched a phone"
                if not (nothing >= settings.veto and scores.get(event.type, 0.0) < nothing)
            ]
        kind, probability = max(
            ((k, p) for k, p in scores.items() if k != NO_EVENT),
            key=lambda item: item[1],
            default=(NO_EVENT, 0.0),
        )
        if probability < settings.assign or probability < nothing:
            return []
        verb = syn.main_action(sentence, self.book.speech_verbs)
        if verb is None or (kind not in self.book.speech_types and self._only_tells(verb)):
            return []  # "the town is calm after four were killed, police said": no killing
        pattern = Pattern(kind, confidence=round(probability * settings.assign_confidence, 3))
        trigger = self.triggers.make(verb, pattern, nominal=False, span=(verb.i, verb.i + 1))
        return self._events(trigger, sentence, offset, context)[:1]

    def _on_itself(
        self, trigger: Trigger, implied: ActorMention, targets: list[ActorMention]
    ) -> bool:
        """Violence whose victims are the authority it would be implied to: the police
        do not shoot at the police."""
        return trigger.kind in self.book.unattributed_types and any(
            t.actor.sector == implied.actor.sector for t in targets
        )

    def _only_tells(self, verb: Token) -> bool:
        """A speech verb whose clause holds no act: "the town is calm, police said"."""
        return verb.lemma_.lower() in self.book.speech_verbs and syn.tells_a_clause(verb)

    def code_sentence(self, sentence: Span, offset: int, context: DocContext) -> list[Event]:
        syn.read_headline_passives(sentence, self.book.headline_passive_verbs)
        triggers = self._reported_acts(
            [t for t in map(self.triggers.find, sentence) if t is not None]
        )
        trigger_tokens = {t.token.i for t in triggers} | {
            i for t in triggers for i in range(*t.span)
        }
        events: list[Event] = []
        seen: set[tuple[str, str, str, int]] = set()
        coded: set[int] = set()  # triggers that gave an event
        for trigger in triggers:
            # A trigger inside another's clause is its content, not a separate event:
            # "denied that X attacked Y" is one REJECT, "offered to help" one AGREE. But
            # an event noun a verb's preposition governs is its means, and when the verb
            # gave no event the noun tells who acted: "were killed in police firing".
            governing = [
                g
                for g in syn.governors(trigger.token)
                if g.i in trigger_tokens and g.i not in range(*trigger.span)
            ]
            if governing and not (
                _means(trigger, governing)
                and (
                    not coded & {g.i for g in governing}
                    or (trigger.kind in self.book.implied_types and _held_apart(trigger))
                )
            ):
                continue
            # So is its purpose or manner: "blocked roads demanding reforms", "opened fire
            # to disperse the crowd" code the roadblock and the shooting only.
            if (
                mod.is_purpose_clause(trigger.token)
                and trigger.token.head.i in trigger_tokens
                and not (trigger.nominal and syn.misread_holder(trigger.token))
            ):
                continue
            # A condition is not an event: "will boycott the vote unless the president
            # agrees to step down" reports no agreement; nor is a recalled background.
            if mod.is_condition(trigger.token) or mod.is_background(trigger.token):
                continue
            for event in self._events(trigger, sentence, offset, context):
                if event.source is not None:  # an unknown actor leaves the means to tell
                    coded.add(trigger.token.i)
                key = (event.type, _code(event.source), _code(event.target), event.trigger_start)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        return events

    def _reported_acts(self, triggers: list[Trigger]) -> list[Trigger]:
        """A speech verb that reads as the act its clause tells ("X reported that the camp
        was attacked by Y", a pattern of "report" with "attack") gives way to that act,
        which names its own sides; the speaker stays its reporter."""
        told = {(t.token.head.i, t.kind) for t in triggers if t.token.dep_ == "ccomp"}
        return [
            t
            for t in triggers
            if t.token.lemma_.lower() not in self.book.speech_verbs
            or (t.token.i, t.kind) not in told
        ]

    def _events(
        self, trigger: Trigger, sentence: Span, offset: int, context: DocContext
    ) -> list[Event]:
        when_date = event_when(
            trigger.token, trigger.tense, sentence, context, speech_verbs=self.book.speech_verbs
        )
        when = when_date.start or context.published
        sources: list[ActorMention | None] = list(
            self.roles.actors(trigger.subjects, when, offset, context, possessor=False, acting=True)
        )
        targets = self.roles.target(trigger.objects, when, offset, context, sources)
        if trigger.needs_target and not targets:
            return []  # "the weather was dangerous": a verdict on no one
        if len(sources) == 1 and (only := sources[0]) is not None:
            # an actor acting on itself is a misparse far more often than news; so is a
            # state's organ acting on its bare state ("Maduro denied Venezuela is ..."),
            # which the domestic convention gives back when nothing else is named. A
            # place is another matter: "declared a state of siege in Haiti".
            placed = trigger.pattern.type in self.book.place_target_types
            targets = [
                t
                for t in targets
                if not self.roles.same_actor(t.actor, only.actor)
                and (placed or not self.roles.own_state(t.actor, only.actor))
            ]
        implied = None
        if not sources:
            implied = self.implied.agent(trigger, sentence, offset, when, context)
            if implied is not None and self._on_itself(trigger, implied, targets):
                implied = None  # "shots were fired at the police": not by the police
            if implied is not None:
                sources = [implied]  # "24 persons were arrested": by the police
            elif targets and (
                self.implied.unattributed_violence(trigger, sentence)
                or self.implied.agentless_act(trigger, sentence)
            ):
                sources = [None]  # "three civilians were killed in a car bombing"
            else:
                return []  # an action with no known actor is not an event we can code
        # "Russia and Ukraine exchanged prisoners": each other's, unless a third state is
        # named ("Chile and Bolivia restored relations with Peru")
        mutual = trigger.pattern.mutual and not any(
            t.actor.sector in {None, "GOV"} for t in targets
        )
        symmetric = not targets and (
            trigger.kind in self.book.symmetric_types
            or trigger.pattern.type in self.book.symmetric_types  # "failed to agree"
            or trigger.pattern.mode in self.book.symmetric_modes
        )
        if len(sources) > 1 and (mutual or symmetric):
            sources, targets = (
                sources[:1],
                [s for s in sources[1:] if s],
            )  # "Trump and Maduro talked"
        topic = frozenset(offset + w.idx for w in syn.object_details(trigger.token))
        self.implied.place_generic_agents(
            [m for m in sources if m is not None], targets, sentence, offset, when, context, topic
        )
        inferred = None
        if not targets and sources[0] is not None:
            inferred = (
                self.implied.retaliated(trigger, sources[0], sentence, offset, context)
                or self.implied.reacted_to(trigger, sources[0], sentence, offset, when, context)
                or self.implied.other_country(trigger, sources, sentence, offset, when, context)
                or self.implied.home_country(sources[0], sentence, offset, when, context)
            )
            targets = [inferred] if inferred else []
        doc = sentence.doc
        words = doc[trigger.span[0] : trigger.span[1]]
        reporter = self.roles.reporter(trigger, sentence, when, offset, context)
        events = []
        sources = [self.roles.as_state(s, trigger.kind) for s in sources]
        for source in sources:  # "the administration tightened security": its police
            self.roles.acting_force(source, trigger.kind, trigger.pattern.mode)
        for source in sources:
            # An actor acting on itself is a misparse far more often than news; but
            # "thousands of Nigerians rallied" is aimed at Nigeria, by construction.
            others: list[ActorMention | None] = [
                t
                for t in targets
                if source is None
                or t is inferred
                or not self.roles.same_actor(t.actor, source.actor)
            ]
            real_targets = others or [None]
            for target in real_targets[:1] if trigger.nominal else real_targets:
                events.append(
                    Event(
                        doc_id=context.doc_id,
                        type=trigger.kind,
                        source=source,
                        target=target,
                        sentence=sentence.text,
                        sentence_start=offset + sentence.start_char,
                        sentence_end=offset + sentence.end_char,
                        trigger=words.text,
                        trigger_start=offset + words.start_char,
                        trigger_end=offset + words.end_char,
                        mode=trigger.pattern.mode,
                        modality=trigger.modality,
                        date=when_date,
                        confidence=_confidence(
                            trigger,
                            source,
                            None if target is inferred else target,
                            implied=source is not None and source is implied,
                        ),
                        coder_version=self.version,
                        reported_by=reporter,
                    )
                )
        return [checked(event) for event in events]


def _means(trigger: Trigger, governing: list[Token]) -> bool:
    """Whether a trigger a verb governs is its means or circumstance, reached through a
    preposition: "were killed in police firing", "killed in rounds of firing by the police"."""
    token = trigger.token
    if token.dep_ == "pobj" or (token.dep_ == "acl" and token.head.dep_ == "pobj"):
        return True
    if not trigger.nominal:
        return False
    split = syn.misread_holder(token)
    if split is not None and split.dep_ == "pobj":
        return True  # "in police firing" read as "in police", then "firing"
    path = takewhile(lambda g: g != governing[0], syn.governors(token))
    return any(g.dep_ == "prep" for g in path)


def _held_apart(trigger: Trigger) -> bool:
    """Whether an event noun a coded verb governs through a preposition names its own
    holder, so is an act of its own: "the court remanded him to police custody" (the
    police hold him), "he was hurt in a police lathi charge". The caller keeps this to
    acts of the state: a rally an act is aimed at ("lifted the ban on an opposition
    rally") is no rally held."""
    return (
        trigger.nominal
        and trigger.token.dep_ == "pobj"
        and any(
            c.dep_ in {"compound", "poss"} and c.pos_ in {"NOUN", "PROPN", "PRON"}
            for c in trigger.token.children
        )
    )


def _confidence(
    trigger: Trigger,
    source: ActorMention | None,
    target: ActorMention | None,
    *,
    implied: bool = False,
) -> float:
    """A prior from the pattern, lowered for each thing the coder had to guess."""
    score = trigger.pattern.confidence
    if source is None:
        return round(max(0.05, score - 0.3), 3)  # only the victim is known
    if implied:
        score -= 0.15  # the agent is the one such acts usually have, not one named
    if source.actor.country and target is not None and target.actor.country:
        # Both actors placed in a country: on the dev gold, such events had the right
        # type 83-90% of the time, against 64-75% for the others.
        score += 0.15
    if target is None:
        score -= 0.15
    if source.actor.country is None:
        score -= 0.1
    if trigger.nominal:
        score -= 0.1
    if trigger.modality != "asserted":
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 3)
