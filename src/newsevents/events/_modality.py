"""Modality and tense: whether a clause tells an act as done, denied, foreseen,
demanded, hedged or only as a condition, and when it is set."""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.events._context import SUBJECT_DEPS
from newsevents.events._syntax import governors, speaker_heads

_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_DEMAND_AUX = frozenset({"must"})
_REPORTED_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently"})
_HYPOTHETICAL_MODIFIERS = frozenset(
    {"potential", "possible", "proposed", "possibility", "prospect"}
)
_CONDITION_MARKS = frozenset({"if", "unless", "until", "lest", "whether"})
_TIME_MARKS = frozenset({"before", "once", "after", "when"})
_PRESENT_TAGS = frozenset({"VBP", "VBZ"})
_FUTURE_MODIFIERS = frozenset({"planned", "upcoming", "scheduled", "future", "forthcoming"})


def tense(verb: Token) -> str:
    """past, present or future, for resolving relative dates."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if aux & _FUTURE_AUX or (verb.head.lemma_ == "go" and verb.dep_ == "xcomp"):
        return "future"
    if verb.tag_ in {"VBD", "VBN"} or aux & {"has", "have", "had", "was", "were"}:
        return "past"
    return "present"


def is_purpose_clause(verb: Token) -> bool:
    """An adverbial clause of purpose or manner: "to demand ...", "demanding ..."."""
    if verb.dep_ != "advcl":
        return False
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_background(verb: Token) -> bool:
    """A relative clause in the past perfect recalls what came before the news: "the
    hostages, whom they had taken two months ago"."""
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    return clause.dep_ == "relcl" and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in clause.children
    )


def is_condition(verb: Token) -> bool:
    """A clause that states a condition, not a fact: "unless Baghdad accepted",
    "if the US goes ahead", "until their demands are met"; or a time yet to come, told
    in the present as English tells it: "must agree before they demobilize"."""
    for node in (verb, *governors(verb)):
        if node.dep_ == "advcl":
            marks = {c.lower_ for c in node.children if c.dep_ in {"mark", "advmod"}}
            return bool(marks & _CONDITION_MARKS) or bool(
                marks & _TIME_MARKS and node.tag_ in _PRESENT_TAGS
            )
    return False


def has_condition(verb: Token, word: str) -> bool:
    """Whether a clause of the verb opens with `word` ("unless", "if")."""
    return any(
        mark.lower_ == word
        for clause in verb.children
        if clause.dep_ == "advcl"
        for mark in clause.children
        if mark.dep_ == "mark"
    )


def verb_modality(verb: Token, modal_verbs: dict[str, str], speech_verbs: frozenset[str]) -> str:
    """asserted, negated, hypothetical, future, demanded or reported, from the context."""
    children = list(verb.children)
    aux = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if any(c.dep_ == "neg" for c in children) or _negated_otherwise(verb):
        return "negated"
    if "would" in aux and speaker_heads(verb, speech_verbs):
        return "future"  # "they said they would blockade Paris": a stated intention
    if aux & _HYPOTHETICAL_AUX or any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children
    ):
        return "hypothetical"
    if aux & _FUTURE_AUX:
        return "future"
    if aux & _DEMAND_AUX:
        return "demanded"
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "Israel's plan to annex": the noun of a modal verb governs as the verb would
        modal = modal_verbs.get(verb.head.lemma_.lower())
        if modal is not None and modal != "asserted":
            return modal
    for head in governors(verb):
        modal = modal_verbs.get(head.lemma_.lower()) if head.pos_ in {"VERB", "ADJ"} else None
        if modal is not None and _is_negated(head):
            # "were not able to arrest", "does not plan to attack"; "did not fail to"
            return "asserted" if modal == "negated" else "negated"
        if modal is not None and modal != "asserted":
            return modal
        above = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if above & _DEMAND_AUX:
            return "demanded"  # "any solution must include Maduro stepping down"
        if above & _HYPOTHETICAL_AUX:
            return "hypothetical"
    # "reportedly" hedges the event itself; "according to X" only names the source.
    if any(c.lower_ in _REPORTED_ADVERBS for c in children):
        return "reported"
    return "asserted"


def _is_negated(head: Token) -> bool:
    """A negated verb, or an adjective whose copula is: "has not been able to"."""
    if head.dep_ == "acomp" and head.head != head and _is_negated(head.head):
        return True
    return any(c.dep_ == "neg" for c in head.children) or _negated_otherwise(head)


def _negated_otherwise(verb: Token) -> bool:
    """Negation the parser does not label "neg": "would neither accept nor recognise",
    "would no longer implement", "never signed", "no country has recognised"."""
    for child in verb.children:
        if child.lower_ in {"neither", "nor", "never"}:
            return True
        if child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return True
        # "no US president has ever met Maduro", "nobody was arrested"
        if child.dep_ in SUBJECT_DEPS and (
            child.lower_ in {"nobody", "none", "nothing"}
            or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return True
    # "neither accept nor recognise": the second verb hangs from the first
    return verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children)


def noun_modality(noun: Token) -> str:
    """Modality of a nominal event ("a potential meeting", "the planned visit")."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated"  # "no arrests have been made"
    words = {c.lower_ for c in noun.children} | {g.lower_ for g in governors(noun)}
    if words & _HYPOTHETICAL_MODIFIERS:
        return "hypothetical"
    if words & _FUTURE_MODIFIERS:
        return "future"
    return "asserted"
