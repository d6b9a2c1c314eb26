"""Finding the figures a sentence states, through its dependency parse.

A figure counts only when it quantifies the people a cue word is about: the object
of "killed" or the subject of passive "were arrested" (`Vocabulary.verbs`), the
subject of "died" or "marched" (`intransitive`), a number modifying "dead" or
"deaths" (`nouns`), the figure a total ("the death toll") rises to (`totals`). Any
other number in the sentence (a date, an age, money, "Article 370") is never read.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.magnitudes._numbers import Figure, read_figure
from newsevents.magnitudes._vocab import Vocabulary

# Entity types a number can carry and still count people ("five" is CARDINAL).
# A DATE is allowed: the parser takes "between 10 and 20 soldiers" for one; dates
# never reach here as the people a cue is about.
_NOT_PEOPLE = frozenset({"TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_NOT_PERSONS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})
_PASSIVE_SUBJECT = ("nsubjpass",)
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "ADJ", "PROPN", "NUM"})
_TOTAL_PREPOSITIONS = frozenset({"to", "at", "of"})
_AFTER = frozenset({"more", "fewer", "less"})  # "300 or more": a bound after the number


@dataclass(frozen=True, slots=True)
class Found:
    """A figure of one kind, the words it is written with and the cue it measures."""

    kind: str
    figure: Figure
    words: Span  # "at least 14", "a 45-year-old man"
    cue: Token  # "killed", "dead", "toll"


def find_figures(sentence: Span, vocab: Vocabulary) -> list[Found]:
    """Every figure the sentence states, at most one per cue word."""
    found: list[Found] = []
    claimed: set[int] = set()  # number tokens already read: "killed five protesters"
    # Verbs and totals first: their people may be named by a crowd noun ("protesters").
    for reader in (_verb_figure, _total_figure, _noun_figure, _gathering_figure):
        for token in sentence:
            hit = reader(token, vocab, claimed)
            if hit is not None:
                found.append(hit)
                claimed.update(t.i for t in hit.words)
    return found


def _verb_figure(token: Token, vocab: Vocabulary, claimed: set[int]) -> Found | None:
    if token.pos_ not in _VERB_POS:
        return None
    lemma = token.lemma_.lower()
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # "shot dead two men", "gunned down four": the verb and a word it governs
    besides = [*token.children, *(g for c in objects for g in c.children if g.dep_ == "amod")]
    named = [lemma, *(f"{lemma} {word.lower_}" for word in besides)]
    said = _results(token, besides) if lemma not in vocab.not_results else []
    results = [vocab.results.get(r) for r in said]
    kind = next((k for k in results if k), None)  # "stabbed to death": killed
    transitive = kind is not None or any(n in vocab.verbs for n in named)
    kind = kind or next((vocab.verbs[n] for n in reversed(named) if n in vocab.verbs), None)
    kind = kind or vocab.intransitive.get(lemma)
    if kind is None:
        return None
    for people in _people_of(token, transitive):
        quantity = _quantity(people, kind, vocab, claimed)
        if quantity is not None:
            return Found(kind, quantity[0], quantity[1], token)
    return None


def _results(verb: Token, besides: list[Token]) -> list[str]:
    """What the verb did to its people: "dead" ("shot dead"), "to death"."""
    found = [word.lower_ for word in besides]
    for child in verb.children:
        if child.dep_ == "prep":
            found += [f"{child.lower_} {g.lemma_.lower()}" for g in child.children]
    return found


def _gathering_figure(token: Token, vocab: Vocabulary, claimed: set[int]) -> Found | None:
    """Crowds of gatherings: "tens of thousands launched marches", "5,000 joined the rally"."""
    kind = vocab.gatherings.get(token.lemma_.lower())
    if kind is None or token.pos_ != "NOUN":
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj") or verb.pos_ not in _VERB_POS:
        return None
    for people in (c for c in verb.children if c.dep_ == "nsubj"):
        quantity = _quantity(people, kind, vocab, claimed)
        if quantity is not None:
            return Found(kind, quantity[0], quantity[1], token)
    return None


def _people_of(verb: Token, transitive: bool) -> list[Token]:
    """Who the verb is about: the passive subject, the object ("killed five"), the
    subject of an intransitive or reduced passive ("dozens injured"), or the noun a
    participle modifies ("five people killed in the attack")."""
    children = list(verb.children)
    people = [c for c in children if c.dep_ in _PASSIVE_SUBJECT]
    if transitive:
        people += [c for c in children if c.dep_ == "dobj"]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    if not people and (not transitive or (verb.tag_ == "VBN" and not perfect)):
        people = [c for c in children if c.dep_ == "nsubj"]
    if not people and verb.dep_ == "acl" and verb.tag_ == "VBN":
        people = [verb.head]
    return people


def _noun_figure(token: Token, vocab: Vocabulary, claimed: set[int]) -> Found | None:
    """Figures of nouns: "11 dead", "30 deaths", "5,000 protesters", "the arrest of 50"."""
    if token.pos_ not in _NOUN_POS:
        return None
    kind = vocab.nouns.get(token.lemma_.lower()) or vocab.nouns.get(token.lower_)
    if kind is None:
        return None
    quantity = _counted(token, vocab, claimed)
    if quantity is None:
        of = _object_of(token, "of")
        quantity = _quantity(of, kind, vocab, claimed) if of is not None else None
    return Found(kind, quantity[0], quantity[1], token) if quantity else None


def _total_figure(token: Token, vocab: Vocabulary, claimed: set[int]) -> Found | None:
    """Figures of totals: "the death toll rose to 30", "a death toll of 30",
    "the toll was 30", "a crowd of 5,000"."""
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    modifiers = [c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")]
    named = [f"{m} {lemma}" for m in modifiers] + [lemma]
    kind = next((vocab.totals[n] for n in named if n in vocab.totals), None)
    if kind is None:
        return None
    candidates = [_object_of(token, p) for p in _TOTAL_PREPOSITIONS]
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
        candidates += [_object_of(verb, p) for p in _TOTAL_PREPOSITIONS]
        candidates += [c for c in verb.children if c.dep_ in ("attr", "dobj", "npadvmod")]
    for number in candidates:
        if number is None or number.i in claimed or number.ent_type_ == "DATE":
            continue  # "the toll rose on 12 May"
        if _is_figure(number, vocab):
            quantity = _number_words(number, vocab)
            if quantity is not None:
                return Found(kind, quantity[0], quantity[1], token)
    return None


def _object_of(head: Token, preposition: str) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _quantity(
    people: Token, kind: str, vocab: Vocabulary, claimed: set[int]
) -> tuple[Figure, Span] | None:
    """The figure of a group of people named by one token and its conjuncts ("five
    protesters and two police officers": 7)."""
    parts = [_one_quantity(p, kind, vocab, claimed) for p in (people, *people.conjuncts)]
    if len(parts) == 1 or any(p is None for p in parts):
        return parts[0]
    figures = [p[0] for p in parts if p is not None]
    spans = [p[1] for p in parts if p is not None]
    doc = people.doc
    words = doc[min(s.start for s in spans) : max(s.end for s in spans)]
    total = sum(f.value for f in figures)
    return Figure(total, total if any(f.low for f in figures) else None, None), words


def _one_quantity(
    people: Token, kind: str, vocab: Vocabulary, claimed: set[int]
) -> tuple[Figure, Span] | None:
    if people.i in claimed or people.lemma_.lower() in vocab.organisations:
        return None
    if _is_figure(people, vocab):  # "killing at least 11", "dozens injured"
        return _number_words(people, vocab)
    counted = _counted(people, vocab, claimed)
    if counted is not None:
        return counted
    if kind in vocab.singular_kinds and _one_person(people, vocab):
        words = people.doc[min(t.i for t in people.subtree if t.i <= people.i) : people.i + 1]
        return Figure(1, None, None), words
    return None


def _counted(noun: Token, vocab: Vocabulary, claimed: set[int]) -> tuple[Figure, Span] | None:
    """The number that modifies a noun: "five protesters", "several people"."""
    for child in noun.children:
        if child.i in claimed or child.i > noun.i:
            continue
        if child.dep_ in ("nummod", "amod", "quantmod") and _is_figure(child, vocab):
            return _number_words(child, vocab)
    return None


def _is_figure(token: Token, vocab: Vocabulary) -> bool:
    if token.ent_type_ in _NOT_PEOPLE:
        return False
    return token.like_num or token.lower_ in vocab.vague or token.lower_ in vocab.units


def _number_words(number: Token, vocab: Vocabulary) -> tuple[Figure, Span] | None:
    """The figure a number token heads, with its bounds ("at least", "tens of")."""
    start = min(t.i for t in number.subtree if t.i <= number.i)
    end = number.i + 1
    for child in number.children:  # "10 and 20", "10 to 20": a range; "300 or more"
        if child.dep_ in ("conj", "prep", "quantmod") and child.i > number.i:
            last = max(t.i for t in child.subtree)
            if number.doc[last].like_num or child.lower_ in _AFTER:
                end = last + 1
    words = number.doc[start:end]
    figure = read_figure([t.text for t in words], vocab)
    return (figure, words) if figure is not None else None


def _one_person(noun: Token, vocab: Vocabulary) -> bool:
    """A singular person: "a 45-year-old man", "the journalist", "Navalny", "he"."""
    if noun.tag_ == "PRP":
        return noun.lower_ in vocab.pronouns
    if noun.ent_type_ in _NOT_PERSONS:
        return False
    if noun.tag_ == "NNP":  # a name the recogniser did not type is most often a person's
        return noun.ent_type_ in ("PERSON", "")
    if noun.tag_ != "NN" or not any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    aged = any(c.dep_ == "amod" and c.lower_ == "old" for c in noun.subtree)
    return aged or noun.lemma_.lower() in vocab.persons
