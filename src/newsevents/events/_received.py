"""Event nouns their subject receives, and event nouns whose "from" phrase is who acts.

"The government faced criticism from Uganda", "the president drew condemnation", "the
minister came under criticism": the subject of a receiving verb (`receiving_verbs` in
verbs.toml) is the target of the event the noun names, not its actor; the actor is
the noun's holder ("Ugandan criticism") or its "from" phrase. For nouns of the types
`from_source_types` lists ("criticism from Uganda", "aid from Japan") the "from" phrase
is the actor wherever the noun stands; for others it is a place left ("withdrawal from
Syria").
"""

from __future__ import annotations

from spacy.tokens import Token


def receiving_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The verb whose subject receives `noun`: "faced criticism", "came under criticism"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in verbs:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if f"{verb.lemma_.lower()} {head.lower_}" in verbs:
            return verb
    return None


def prep_objects(head: Token, prepositions: set[str] | frozenset[str]) -> list[Token]:
    """The objects of the phrases with these prepositions that hang from `head`."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
