"""Triggers: the words that name an action, the pattern each matches, and the words
that hold its actors."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from newsevents.events import _keys as lookup
from newsevents.events import _modality as mod
from newsevents.events import _syntax as syn
from newsevents.events._context import SUBJECT_DEPS
from newsevents.events._implied import derived_pattern
from newsevents.events._judgements import judgement_roles, posture_roles
from newsevents.events._patterns import Pattern, PatternBook
from newsevents.events._received import prep_objects, receiving_verb

_DEMAND = Pattern("REQUEST", confidence=0.6)  # "X said Y must ...", whatever Y must do
_JOINT = Pattern("COOPERATE", confidence=0.6)  # "jointly launched", "a joint search"
_WARNING = Pattern("THREATEN", confidence=0.55)  # "warned it could cut off aid"
_DIRECTIVE = Pattern("REQUEST", confidence=0.6)  # "told the envoy to leave"
_THREAT_AUX = frozenset({"could", "would", "will", "may", "might", "'ll"})


@dataclass(slots=True)
class Trigger:
    token: Token  # the word that names the action
    pattern: Pattern
    kind: str  # the type coded: the pattern's, or what negation, intent or demand make it
    nominal: bool
    subjects: list[Token]
    objects: list[Token]
    modality: str
    tense: str
    span: tuple[int, int]  # token indices of the trigger words, end exclusive
    needs_target: bool = False  # an event only when aimed at a named actor


class TriggerFinder:
    """Finds triggers with the verb and noun patterns of a pattern book."""

    def __init__(self, book: PatternBook):
        self.book = book

    def find(self, token: Token) -> Trigger | None:
        """The trigger `token` is, if it names an action a pattern lists."""
        if token.pos_ == "VERB":
            if token.dep_ == "amod":  # "striking doctors", "detained activists": a state
                return None
            if self._gerund_event(token):
                return self._noun_trigger(token)  # "killed in police firing"
            return self._verb_trigger(token)
        if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_sent_start):
            # "Curfew continued": capitalised as it opens; "the police are on alert"
            return self._noun_trigger(token) or self._posture_trigger(token)
        if token.pos_ == "ADJ":
            # "we are pleased with the deal", "policemen remained vigilant"
            return self._adjective_trigger(token) or self._posture_trigger(token)
        if token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"}:
            return self._light_verb_trigger(token, token.lemma_.lower())  # "is in talks with"
        return None

    def _posture_trigger(self, word: Token) -> Trigger | None:
        """A force told as on alert: the copula is the trigger, its subject the actor."""
        found = posture_roles(word, self.book)
        if found is None:
            return None
        pattern, copula = found
        return self.make(copula, pattern, nominal=False, span=(copula.i, word.i + 1))

    def _adjective_trigger(self, adjective: Token) -> Trigger | None:
        found = judgement_roles(adjective, self.book)
        if found is None:
            return None
        pattern, subjects, objects = found
        copula = adjective.head
        modality = mod.verb_modality(copula, self.book.modal_verbs, self.book.speech_verbs)
        kind, modality = self._unnegated(pattern.type, modality)  # "not pleased"
        span = (adjective.i, adjective.i + 1)
        return Trigger(
            adjective,
            pattern,
            kind,
            False,
            subjects,
            objects,
            modality,
            mod.tense(copula),
            span,
            needs_target=True,
        )

    def _unnegated(self, kind: str, modality: str) -> tuple[str, str]:
        """A negated act of a type `negated_types` maps is the asserted act of the other
        type: not accepting is rejecting."""
        if modality == "negated" and kind in self.book.negated_types:
            return self.book.negated_types[kind], "asserted"
        return kind, modality

    def _verb_trigger(self, verb: Token) -> Trigger | None:
        lemma = verb.lemma_.lower()
        if lemma in self.book.modal_verbs and any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "plans to visit": the visit is the event
        light = self._light_verb_trigger(verb, lemma)
        if light is not None:
            return light
        if self._changes_by_amount(verb):
            return None
        if self._demanded_of_others(verb):
            return self.make(verb, _DEMAND, nominal=False, span=(verb.i, verb.i + 1))
        for key in lookup.verb_keys(verb):
            pattern = self._match(self.book.verbs, [key], verb)
            if pattern is None:
                continue
            if lemma in self.book.promise_verbs and self._promises_harm(verb):
                pattern = replace(pattern, type="THREATEN", mode=None)  # "vowed to retaliate"
            return self.make(verb, pattern, nominal=False, span=(verb.i, verb.i + 1))
        fallback = self._joint(verb) or self._warning(verb) or self._directive(verb)
        if fallback is not None:
            return self.make(verb, fallback, nominal=False, span=(verb.i, verb.i + 1))
        return None

    def _gerund_event(self, token: Token) -> bool:
        """A gerund the parser read as a verb that is an event noun with its holder:
        "police firing", "firing by the police"; not "police were firing" (a subject)."""
        if token.lower_ not in self.book.nouns:
            return False
        return syn.misread_holder(token) is not None or (
            token.tag_ == "VBG"
            and token.dep_ == "pcomp"
            and any(c.lower_ == "by" for c in token.children)
        )

    def _joint(self, token: Token) -> Pattern | None:
        """Cooperation read off "jointly" or "joint", when no pattern names the act."""
        words = {c.lower_ for c in token.children if c.dep_ in {"advmod", "amod", "compound"}}
        if words & self.book.joint_words and token.lemma_.lower() not in self.book.joint_unless:
            return _JOINT
        return None

    def _warning(self, verb: Token) -> Pattern | None:
        """A warning that some named side could, would or will act, or that someone would
        face the consequences, is a threat; a warning about the weather is not."""
        if verb.lemma_.lower() not in self.book.warning_verbs:
            return None
        for clause in verb.children:
            if clause.dep_ not in {"ccomp", "xcomp"}:
                continue
            # "warned them to leave or face consequences", "warned they faced fines"
            if any(w.lemma_.lower() == "face" for w in clause.subtree if w.pos_ == "VERB"):
                return _WARNING
            aux = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            acting = any(
                s.pos_ in {"PRON", "PROPN"} or s.ent_type_ in {"GPE", "ORG", "NORP"}
                for s in subjects
            )
            # "warned that newspapers would be shut down": by the speaker's side
            if clause.dep_ == "ccomp" and (acting or syn.is_passive(clause)) and aux & _THREAT_AUX:
                return _WARNING
        return None

    def _directive(self, verb: Token) -> Pattern | None:
        """Telling someone to do something is asking it of them (CAMEO 10): "told the
        envoy to leave", "warned residents to stay away", "was instructed by the ministry
        to comply"."""
        if verb.lemma_.lower() not in self.book.directive_verbs:
            return None
        addressed = any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
        to_do = any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
        return _DIRECTIVE if addressed and to_do else None

    def _changes_by_amount(self, verb: Token) -> bool:
        """ "The index declined 0.3%", "shares fell by 4 percent": an amount, no object."""
        children = list(verb.children)
        if any(c.dep_ == "dobj" for c in children):
            return False  # "cut aid by 20%" is an act
        measures = [c for c in children if c.dep_ == "npadvmod"] + [
            p for c in children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
        ]
        return any(m.lemma_.lower() in self.book.amount_words for m in measures)

    def _demanded_of_others(self, verb: Token) -> bool:
        """ "Russia said Sudan must return the helicopter": a demand, whatever the verb."""
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        return bool(aux & self.book.demand_aux) and bool(
            syn.speaker_heads(verb, self.book.speech_verbs)
        )

    def _promises_harm(self, verb: Token) -> bool:
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            inner = self._verb_trigger(clause)
            if inner is not None and inner.pattern.type in self.book.conflict_types:
                return True
        return False

    def _light_verb_trigger(self, verb: Token, lemma: str) -> Trigger | None:
        """ "Held talks", "carried out strikes": the act the light verb's object names."""
        for obj in self._light_verb_objects(verb, lemma):
            pattern = self._match(
                self.book.nouns, lookup.noun_keys(obj), obj, light_verb=lemma
            ) or self._joint(obj)
            if pattern is not None and not self._undergone(lemma, obj, pattern):
                return self.make(verb, pattern, nominal=False, span=(verb.i, obj.i + 1))
        return None

    def _undergone(self, lemma: str, obj: Token, pattern: Pattern) -> bool:
        """ "Who is in the custody of police": a state its subject is held in; the noun
        codes the act, with its own holder."""
        return (
            pattern.type in self.book.undergone_types
            and obj.head.dep_ == "prep"
            and f"{lemma} {obj.head.lower_}" in self.book.undergone_light_verbs
        )

    def _light_verb_objects(self, verb: Token, lemma: str) -> list[Token]:
        """Nouns a light verb carries: "held talks", "carried out strikes", "engaged in talks"."""
        objects = []
        for child in verb.children:
            # "ordered firing" is parsed with the noun as the verb's complement
            is_object = (
                child.dep_ == "dobj"
                or (child.dep_ == "xcomp" and child.pos_ == "NOUN")
                or syn.misread_object(verb, child)  # "staged a flag march"
            )
            if is_object and (
                lemma in self.book.light_verbs or f"{lemma} out" in self.book.light_verbs
            ):
                objects.append(child)
            elif child.dep_ == "prep" and f"{lemma} {child.lower_}" in self.book.light_verbs:
                # "engaged in talks", and a gerund: "resorted to firing"
                objects += [
                    c
                    for c in child.children
                    if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.tag_ == "VBG")
                ]
        return objects

    def _noun_trigger(self, noun: Token) -> Trigger | None:
        light_verb = self._passive_light_verb(noun)
        pattern = (
            self._match(self.book.nouns, lookup.noun_keys(noun), noun, light_verb=light_verb)
            or self._joint(noun)
            or derived_pattern(self.book, noun)
        )
        if pattern is None or noun in self._light_verb_objects(noun.head, noun.head.lemma_.lower()):
            return None  # light-verb objects are coded from their verb
        return self.make(noun, pattern, nominal=True, span=(noun.i, noun.i + 1))

    def _passive_light_verb(self, noun: Token) -> str | None:
        """The light verb an event noun is the passive subject of: "a search was carried
        out", "security arrangements are being made"."""
        lemma = noun.head.lemma_.lower()
        if noun.dep_ != "nsubjpass":
            return None
        if lemma in self.book.light_verbs:
            return lemma
        return f"{lemma} out" if f"{lemma} out" in self.book.light_verbs else None

    def _match(
        self,
        table: dict[str, list[Pattern]],
        keys: list[str],
        token: Token,
        light_verb: str | None = None,
    ) -> Pattern | None:
        for key in keys:
            for pattern in table.get(key, ()):
                if pattern.verbs and light_verb not in pattern.verbs:
                    continue
                if pattern.objects and not pattern.objects & lookup.object_lemmas(token):
                    continue
                if pattern.preps and not pattern.preps & lookup.prep_words(token):
                    continue
                if pattern.unless and pattern.unless & lookup.object_lemmas(token):
                    continue
                if pattern.subjects or pattern.not_subjects:
                    who = lookup.subject_lemmas(token)
                    if pattern.subjects and not pattern.subjects & who:
                        continue
                    if pattern.not_subjects & who:
                        continue
                return pattern
        return None

    def make(
        self, token: Token, pattern: Pattern, *, nominal: bool, span: tuple[int, int]
    ) -> Trigger:
        """The trigger of `pattern` at `token`: its actors' words, modality and the type
        that negation, intent or a demand make of it."""
        if nominal:
            subjects, objects = self._noun_roles(token, pattern)
            modality, tense = mod.noun_modality(token), "past"
        else:
            head = token.doc[span[1] - 1] if span[1] - span[0] > 1 else token
            subjects = (
                syn.subject_heads(token)
                or self._document_authors(token)
                or self._purpose_holders(token)
                or syn.moved_forces(token, pattern.instruments)
            )
            objects = syn.object_heads(head) + ([] if head == token else syn.object_heads(token))
            # "deployed troops": what the actor uses is not whom it acts on.
            objects = [o for o in objects if o.lemma_.lower() not in pattern.instruments]
            objects += self._purpose_objects(token)
            if pattern.type in self.book.place_target_types:
                objects += syn.place_heads(token)
            modality = mod.verb_modality(token, self.book.modal_verbs, self.book.speech_verbs)
            tense = mod.tense(token)
        kind, modality = self._unnegated(pattern.type, modality)  # "did not accept"
        if modality == "future" and kind in self.book.intent_types:
            kind = self.book.intent_types[kind]  # "will provide aid" is a promise: AGREE
            if mod.has_condition(token, "unless"):
                kind = "THREATEN"  # "will withdraw its troops unless ...": a promise is a threat
        if pattern is _DEMAND or (modality == "demanded" and kind != "REQUEST"):
            speakers = syn.speaker_heads(token, self.book.speech_verbs)
            if speakers:  # "X said Y must step down": X asks Y
                subjects, objects = speakers, subjects
                kind, modality = "REQUEST", "asserted"
        return Trigger(token, pattern, kind, nominal, subjects, objects, modality, tense, span)

    def _document_authors(self, verb: Token) -> list[Token]:
        """ "Egypt's statement urging Ethiopia to stop", "the council adopted a resolution
        calling for a ceasefire": what a document does, its author does."""
        document = verb.head
        if verb.dep_ != "acl" or document.lemma_.lower() not in self.book.document_nouns:
            return []
        if holders := syn.noun_holders(document):
            return holders
        return syn.subject_heads(document.head) if document.dep_ == "dobj" else []

    def _purpose_objects(self, verb: Token) -> list[Token]:
        """Whom an act is meant to reach, after what it acts on: "fired tear gas to
        disperse the crowd", "shelled the town in a bid to drive out the fighters". A
        passive's purpose is its subject's: "was hurt in an attempt to stop the attacker"."""
        if syn.is_passive(verb):
            return []
        clauses = [
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
        clauses += [
            clause
            for prep in verb.children
            if prep.dep_ == "prep"
            for purpose in prep.children
            if purpose.dep_ == "pobj" and purpose.lemma_.lower() in self.book.purpose_nouns
            for clause in purpose.children
            if clause.dep_ == "acl"
        ]
        return [o for clause in clauses for o in syn.object_heads(clause)]

    def _purpose_holders(self, verb: Token) -> list[Token]:
        """ "Turkey shelled the town in a bid to drive out the fighters": who strives
        is the subject of the verb the purpose phrase hangs on; "Washington's decision to
        cut aid", "the plan of the government to ...": whose the purpose is."""
        purpose = verb.head
        if verb.dep_ != "acl" or purpose.lemma_.lower() not in self.book.purpose_nouns:
            return []
        owners = [c for c in purpose.children if c.dep_ == "poss"] + prep_objects(purpose, {"of"})
        if owners:
            return owners
        if purpose.dep_ != "pobj" or purpose.head.head.pos_ not in {"VERB", "AUX"}:
            return []
        return syn.subject_heads(purpose.head.head)

    def _noun_roles(self, noun: Token, pattern: Pattern) -> tuple[list[Token], list[Token]]:
        """The words that hold an event noun's actors and its targets."""
        subjects = syn.noun_holders(noun)
        holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
        objects = prep_objects(noun, syn.TARGET_PREPS | {"of"})
        named = [h for h in subjects if h.pos_ in {"NOUN", "PROPN", "PRON"}]
        if not named and pattern.instruments:
            # "the deployment of paramilitary forces": the forces moved are who acts
            subjects = [o for o in objects if o.lemma_.lower() in pattern.instruments]
            objects = [o for o in objects if o not in subjects]
        between = prep_objects(noun, {"between"})
        if between and not named:
            # "talks between Iran and Oman": both sides act; the coder pairs them
            subjects = syn.with_conjuncts(between[0])
            objects = [o for o in objects if o not in between]
        receiver = receiving_verb(noun, self.book.receiving_verbs)
        if receiver is not None:  # "faced criticism from Uganda": Uganda -> the subject
            subjects = [*subjects, *prep_objects(noun, {"from"}), *prep_objects(receiver, {"from"})]
            objects = [*syn.subject_heads(receiver), *objects]
        elif pattern.type in self.book.from_source_types:
            subjects = [*subjects, *prep_objects(noun, {"from"})]  # "criticism from Uganda"
        if pattern.type in self.book.place_target_types:
            # "the demonstration called by the opposition in Caracas"
            for holder in [*holders, *subjects]:
                objects += syn.place_heads(holder)
        return subjects, objects
