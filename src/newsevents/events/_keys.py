"""The keys and conditions a pattern is matched against: the lookup keys of a verb or
noun ("blow up", "hunger strike") and the lemmas of what it acts on, who does it and the
prepositions it takes."""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.events._syntax import (
    ANY_SUBJECT_DEPS,
    SETTING_PREPS,
    lemma_of,
    misread_object,
    noun_forms,
    noun_holders,
    shared_passive,
    subject_heads,
)

# words the small model may tag as an adverb where they are a verb's particle
PARTICLES = frozenset({"down", "up", "out", "off", "back", "in", "over", "away", "aside"})


def object_lemmas(token: Token) -> set[str]:
    """Lemmas a pattern's `objects` condition is checked against."""
    lemmas: set[str] = set()
    sharing = shared_passive(token)  # "were arrested and beaten": the arrested are beaten
    shared = [] if sharing is None else [c for c in sharing.children if c.dep_ == "nsubjpass"]
    for child in [*token.children, *shared]:
        if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            for noun in (child, *child.conjuncts):  # "blocked tracks and highways"
                lemmas |= noun_forms(noun)
                # "placed X and several judges under house arrest"
                lemmas |= {
                    form
                    for prep in noun.children
                    if prep.dep_ == "prep"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                    for form in noun_forms(pobj)
                }
        elif child.dep_ == "prep" and child.lower_ not in SETTING_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    lemmas |= noun_forms(pobj)
        elif misread_object(token, child):
            lemmas |= noun_forms(child)
        elif child.dep_ in {"xcomp", "ccomp"} or (
            child.dep_ == "advcl" and any(c.lower_ == "to" for c in child.children)
        ):  # "agreed to withdraw", "said (that) ...", "sent troops to lead the mission"
            lemmas.add(child.lemma_.lower())
            for c in child.children:
                if c.dep_ in ANY_SUBJECT_DEPS | {"dobj"}:
                    lemmas |= noun_forms(c) if child.dep_ == "advcl" else {lemma_of(c)}
    return lemmas


def subject_lemmas(token: Token) -> set[str]:
    """Lemmas a pattern's `subjects` condition is checked against: who does the verb,
    or, for a noun, who holds it ("workers began a strike", "the strike by workers",
    "the workers' strike"); for a quantity, what it counts ("thousands of farmers")."""
    if token.pos_ == "VERB":
        heads = subject_heads(token)
    else:
        heads = noun_holders(token)
        if token.dep_ == "dobj" and token.head.pos_ in {"VERB", "AUX"}:
            heads += subject_heads(token.head)
    lemmas: set[str] = set()
    for head in heads:
        lemmas |= noun_forms(head)
        lemmas |= {lemma_of(c) for c in head.children if c.dep_ in {"compound", "amod"}}
    return lemmas


def prep_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"prep", "agent"}}


def verb_keys(verb: Token) -> list[str]:
    """Lookup keys for a verb, most specific first: "blow up", "call for", "open fire"."""
    lemma = lemma_of(verb)
    # "stepped down": the small model often tags the particle as an adverb
    keys = [
        f"{lemma} {c.lower_}"
        for c in verb.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == verb.i + 1)
    ]
    # "lathi-charged", "baton-charged": the word hyphened before the verb
    doc = verb.doc
    keys += [
        f"{lemma_of(c)} {lemma}"
        for c in verb.children
        if c.i == verb.i - 2 and doc[verb.i - 1].text == "-" and c.is_alpha
    ]
    keys += [f"{lemma} {lemma_of(c)}" for c in verb.children if c.dep_ == "dobj"]
    # "fired on Tuesday" is no "fire on": a phrase of time makes no phrasal verb
    keys += [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prep" and not _of_time(c)]
    return [*keys, lemma]


def _of_time(preposition: Token) -> bool:
    return any(o.ent_type_ in {"DATE", "TIME"} for o in preposition.children if o.dep_ == "pobj")


def noun_keys(noun: Token) -> list[str]:
    """A noun's lemma, preceded by its compound forms ("hunger strike", "phone call")."""
    lemma = noun.lemma_.lower()
    if noun.tag_ == "VBG":  # a gerund read as a verb: "resorted to firing"
        lemma = noun.lower_
    modifiers = (c for c in noun.children if c.dep_ in {"compound", "amod"})
    return [*_split_compound(noun), *(f"{c.lower_} {lemma}" for c in modifiers), lemma]


def _split_compound(noun: Token) -> list[str]:
    """The compound the parser split in two, the second noun read as an adverbial of the
    verb: "staged a flag march" read as "staged a flag" + "march"."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is None or after.dep_ != "npadvmod" or after.pos_ != "NOUN":
        return []
    if after.head != noun.head and after.head != noun.head.head:  # "participated in a flag"
        return []
    return [f"{noun.lower_} {after.lemma_.lower()}"]
