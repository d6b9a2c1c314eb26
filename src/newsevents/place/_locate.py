"""Event locations: from the event's own sentence first, then its target, then the article.

A sentence's place is a name the gazetteer knows that is not one of the event's actors
and does not act in the sentence ("Beijing wants ...", "the Kremlin said"), preferring
one introduced by a locative preposition ("in Caracas", "at the White House"), then the
one nearest the trigger. Festivals, celestial bodies and people are not places. Without
one, an attack, a coercion or a deployment happens at its target when the target is a
place ("shelled Kharkiv"). Else the event takes the place its article names most, at a
lower confidence. Same-named places are told apart by the event's actors, then by the
countries the article points to. Names that fit together are read together: a city
followed by its state ("Monroe, La.") is the one there, and "Georgia" beside "Savannah"
is the US state. A name written as a division ("the state of Punjab", "Michoacan
state") is that division even when the recogniser missed it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsevents.actors._dictionary import CAPITAL_SOURCE
from newsevents.model import Event, Place
from newsevents.place._gazetteer import Entry, fold
from newsevents.place._names import DIVISION_WORDS
from newsevents.place._resolve import (
    CONTEXT_RATIO,
    COUNTRY_RATIO,
    Context,
    PlaceResolver,
    countries_of,
    not_places,
    our_names,
)
from newsevents.time import load_vocabulary

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small model tags many places as a person or an organisation ("shelled Kharkiv"):
# such a name counts when the gazetteer knows it as a place of some size.
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
BARE = "BARE"  # a proper noun after "in", "at" ... with no entity label of a place
OTHER_MIN_POPULATION = 100_000
LOCATIVE_MIN_POPULATION = 20_000  # "missiles at Eilat": the preposition says it's a place
LOCATIVE = frozenset(
    {"in", "at", "near", "off", "outside", "inside", "across", "into", "from", "around",
     "throughout", "within", "along", "towards", "toward", "to"}
)  # fmt: skip
ACTING = frozenset({"nsubj", "poss", "agent"})
# Events that happen where their target is: an attack on a city, a deployment to a region.
TARGET_PLACED = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
ARTICLE_FACTOR = 0.6  # an article-level place is a guess about this event
# A state's police, courts and government arrest and deport on its own soil.
DOMESTIC_TYPES = frozenset({"COERCE"})
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "GOV"})
ACTOR_CONFIDENCE = 0.4


@dataclass(slots=True)
class _Candidate:
    start: int  # character span in the document text
    end: int
    written: str  # the name as written
    name: str  # the name to look up ("Kharkiv region" for "Kharkiv" in "the Kharkiv region")
    entries: list[Entry]
    locative: bool
    acting: bool


def _locative(span: Span) -> bool:
    root = _division_head(span.root) or span.root
    if root.dep_ in {"compound", "amod"} and root.head.dep_ == "pobj":
        root = root.head  # "in the Kharkiv region"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _division_head(token: Token) -> Token | None:
    """The division word a name is "of" ("the state of Punjab" -> "state"), or None."""
    of = token.head
    if token.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in DIVISION_WORDS:
        return of.head
    return None


def _name(span: Span) -> str:
    """The name with its division word when one follows ("the Kharkiv region", "New York
    State Attorney General")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in DIVISION_WORDS:
        return f"{span.text} {doc[span.end].text}"
    division = _division_head(span.root)
    if division is not None and division.i == span.start - 2:
        return f"{division.text} of {span.text}"  # "the state of Oaxaca": the state
    return span.text


def _acting(span: Span, resolver: PlaceResolver) -> bool:
    """A name that does something here and names an actor: "Beijing wants", "the
    Kremlin said", "Moscow's offer", "condemned by Washington"."""
    root = span.root
    dep = "agent" if root.dep_ == "pobj" and root.head.lower_ == "by" else root.dep_
    if dep not in ACTING:
        return False
    key = span.text.removeprefix("the ").removeprefix("The ")
    return (
        span.label_ == "ORG"
        or resolver.dictionary.country(key) is not None
        or bool(resolver.dictionary.roles(key))
    )


def _persons(docs: Sequence[Doc]) -> set[str]:
    """Words of the article's people: "Sondland" after "Gordon Sondland"."""
    return {
        fold(token.text)
        for doc in docs
        for entity in doc.ents
        if entity.label_ == "PERSON" and len(entity) > 1
        for token in entity
    }


def _is_place_name(span: Span, entries: list[Entry], persons: set[str], locative: bool) -> bool:
    if fold(span.text) in persons:
        return False
    if not entries:
        return span.label_ in PLACE_LABELS and locative  # "in Xyzzyville": kept unresolved
    if span.label_ in PLACE_LABELS:
        return True
    first = entries[0]
    if first.feature == "admin1" and _after_a_place(span):
        return True  # "Springfield, IL": the recogniser often takes the code for a firm
    floor = LOCATIVE_MIN_POPULATION if locative else OTHER_MIN_POPULATION
    # a city's size, or its namesake division's (GeoNames counts Kherson as 66,000)
    size = max(
        e.population for e in entries if (e.country, e.admin1) == (first.country, first.admin1)
    )
    big = first.feature != "city" or size >= floor
    return big and (locative or span.root.dep_ in {"dobj", "pobj", "compound"})


def _candidates(
    docs: Sequence[Doc], offsets: Sequence[int], resolver: PlaceResolver, persons: set[str]
) -> list[_Candidate]:
    """Every place the article names, with its span in the document text."""
    found = []
    for doc, offset in zip(docs, offsets, strict=True):
        here = _doc_candidates(doc, offset, resolver, persons)
        _narrow_by_division(here, doc.text, offset)
        found.extend(here)
    return found


def _after_a_place(span: Span) -> bool:
    """A name in apposition to a place it follows ("Raleigh, NC")."""
    root = span.root
    return root.dep_ == "appos" and root.head.ent_type_ in PLACE_LABELS and root.head.i < root.i


def _doc_candidates(
    doc: Doc, offset: int, resolver: PlaceResolver, persons: set[str]
) -> list[_Candidate]:
    found = []
    for span in [*doc.ents, *_unrecognised(doc), *_bare_locatives(doc)]:
        if span.label_ not in PLACE_LABELS | OTHER_LABELS | {BARE}:
            continue
        country = resolver.dictionary.country(span.text)
        if span.label_ in OTHER_LABELS and country and country.kind != CAPITAL_SOURCE:
            continue  # "Russian", "Americans": the country's people, not a place
        if span.label_ not in PLACE_LABELS and resolver.dictionary.roles(span.text):
            continue  # a person or group the actor dictionary knows
        name, locative = _name(span), _locative(span)
        if fold(span.text).removeprefix("the ") in not_places():
            continue  # "Diwali", "Titan"
        entries = resolver.candidates(name)
        if _is_place_name(span, entries, persons, locative):
            start, end = offset + span.start_char, offset + span.end_char
            acting = _acting(span, resolver)
            found.append(_Candidate(start, end, span.text, name, entries, locative, acting))
    return found


_Where = tuple[str | None, str | None]  # (country, admin1 code)


def _nested_first(candidates: list[_Candidate]) -> set[str]:
    """Names of one article that fit together are read together: "Georgia" and
    "Savannah" are the US state and a city in it, not the country and a region of Ghana.
    A reading that fits another name's division (a city in it, or the division of its
    city) comes first unless the usual reading is far bigger (the resolver's ratios).
    Returns the countries of the names read so: the article clearly points to them."""
    paired = set()
    for candidate in candidates:
        others = [c for c in candidates if fold(c.name) != fold(candidate.name)]
        divisions = {(e.country, e.admin1) for c in others for e in c.entries if _is(e, "admin1")}
        towns = {(e.country, e.admin1) for c in others for e in c.entries if _is(e, "city")}
        fitting = [e for e in candidate.entries if _fits(e, divisions, towns)]
        if not fitting:
            continue
        entries = candidate.entries
        ratio = COUNTRY_RATIO if entries[0].feature == "country" else CONTEXT_RATIO
        if fitting[0] is entries[0] or fitting[0].population * ratio >= entries[0].population:
            candidate.entries = [fitting[0], *(e for e in entries if e is not fitting[0])]
            paired.add(str(fitting[0].country))
    return paired


def _fits(entry: Entry, divisions: set[_Where], towns: set[_Where]) -> bool:
    """A city in one of the divisions, or the division of one of the towns."""
    where = (entry.country, entry.admin1)
    if _is(entry, "admin1"):
        return where in towns
    return _is(entry, "city") and where in divisions


def _is(entry: Entry, feature: str) -> bool:
    return entry.feature == feature and entry.admin1 is not None


def _narrow_by_division(candidates: list[_Candidate], text: str, base: int) -> None:
    """A place followed by its division ("Monroe, La.", "Springfield, Missouri",
    "Kaduna, Kaduna State") is the one in that division."""
    ordered = sorted(candidates, key=lambda c: c.start)
    for place, division in pairwise(ordered):
        if not division.entries or division.entries[0].feature != "admin1":
            continue
        if text[place.end - base : division.start - base].strip() != ",":
            continue
        where = (division.entries[0].country, division.entries[0].admin1)
        inside = [
            e for e in place.entries if (e.country, e.admin1) == where and e.feature != "admin1"
        ]
        place.entries = inside or place.entries


def _countries(event: Event) -> set[str]:
    return {m.actor.country for m in (event.source, event.target) if m and m.actor.country}


def _unrecognised(doc: Doc) -> list[Span]:
    """Our landmarks and regions where the recogniser saw no entity ("at Mar-a-Lago")."""
    spans = []
    for match in our_names().finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), label="FAC")
        if span is not None and not any(t.ent_type_ for t in span):
            spans.append(span)
    return spans


def _bare_locatives(doc: Doc) -> list[Span]:
    """Proper nouns after a locative preposition, or named as a division ("the state of
    Punjab"), that the recogniser missed or took for a date or a product ("in Amhara",
    "in Maracaibo"): checked against the gazetteer. A month or a weekday is a date
    ("sent in March": not the English town)."""
    spans = []
    calendar = load_vocabulary()
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ != "pobj":
            continue
        if token.text.rstrip(".") in calendar.months or token.lower_ in calendar.weekdays:
            continue
        if token.head.lower_ not in LOCATIVE and _division_head(token) is None:
            continue
        if token.ent_type_ in PLACE_LABELS | OTHER_LABELS:
            continue
        first = min((c.i for c in token.children if c.dep_ == "compound"), default=token.i)
        spans.append(Span(doc, first, token.i + 1, label=BARE))
    return spans


def _actor_spans(event: Event) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in (event.source, event.target) if m and not m.implied]


def _overlaps(candidate: _Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(a < candidate.end and candidate.start < b for a, b in spans)


def _in_sentence(candidates: list[_Candidate], event: Event) -> list[_Candidate]:
    return [c for c in candidates if event.sentence_start <= c.start < event.sentence_end]


def _own(candidates: list[_Candidate], event: Event) -> _Candidate | None:
    """The sentence's place: not an actor, not acting; locative first, then nearest."""
    actors = _actor_spans(event)
    own = [
        c
        for c in _in_sentence(candidates, event)
        if not c.acting and not _overlaps(c, actors) and (c.entries or c.locative)
    ]
    if not own:
        return None
    trigger = event.trigger_start
    return min(own, key=lambda c: (not c.locative, not c.entries, abs(c.start - trigger)))


def _target_is_place(event: Event) -> bool:
    """An attack, coercion or deployment happens at its target; a visit too, and any act
    whose target follows a locative preposition ("flew to Paris for talks")."""
    if event.type in TARGET_PLACED or event.mode == "visit":
        return True
    assert event.target is not None
    before = event.sentence[: max(0, event.target.start - event.sentence_start)]
    return bool(_BEFORE_PLACE.search(before))


_BEFORE_PLACE = re.compile(r"\b(?:in|at|to|into|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)
# A target's words name where it happened when they name a place of this kind.
_PLACE_FEATURES = frozenset({"city", "admin1", "admin2", "landmark", "region"})


def _target(
    candidates: list[_Candidate], event: Event, resolver: PlaceResolver, persons: set[str]
) -> _Candidate | None:
    """The event's target as its place, when the target is a place and the act is one
    that happens at its target."""
    if event.target is None or event.target.implied or not _target_is_place(event):
        return None
    span = [(event.target.start, event.target.end)]
    hits = [c for c in _in_sentence(candidates, event) if c.entries and _overlaps(c, span)]
    if hits:
        return hits[0]
    if event.target.actor.sector is not None:
        return None  # a kind of actor, whatever town shares its name ("Police", Poland)
    entries = resolver.candidates(event.target.text)  # a name the recogniser missed
    if not entries or fold(event.target.text) in persons:
        return None
    first = entries[0]
    if first.feature in _PLACE_FEATURES or (event.type in TARGET_PLACED and first.country):
        mention = event.target
        return _Candidate(
            mention.start, mention.end, mention.text, mention.text, entries, False, False
        )
    return None


def locate_events(
    events: Sequence[Event],
    docs: Sequence[Doc],
    offsets: Sequence[int],
    resolver: PlaceResolver,
) -> None:
    """Set each event's place (in place): its sentence's, its target's, else the article's."""
    if not events:
        return
    persons = _persons(docs)
    candidates = _candidates(docs, offsets, resolver, persons)
    paired = _nested_first(candidates)
    context = Context(
        places=paired | countries_of(c.entries for c in candidates if not c.acting),
        article={country for e in events for country in _countries(e)},
    )
    named = Counter(fold(c.name) for c in candidates if c.entries and not c.acting)
    for event in events:
        here = replace(context, actors=_countries(event))
        chosen, basis = _own(candidates, event), "sentence"
        if chosen is None:
            chosen, basis = _target(candidates, event, resolver, persons), "target"
        if chosen is not None:
            event.place = resolver.resolve(
                chosen.written, chosen.start, chosen.end, basis, here, chosen.entries
            )
            continue
        event.place = _from_article(candidates, named, event, here, resolver)


def _from_article(
    candidates: list[_Candidate],
    named: Counter[str],
    event: Event,
    context: Context,
    resolver: PlaceResolver,
) -> Place | None:
    """The article's place for an event whose sentence names none: one in the event's
    actors' countries first (Indians deported by Mexican authorities, in a story about
    Texas, are in Mexico when it names a Mexican place); else, for an arrest or a
    deportation by a state's police, courts or government, that state; else the place
    the article names most."""
    known = [c for c in candidates if c.entries and not c.acting]
    local = [c for c in known if c.entries[0].country in context.actors]
    source = event.source
    if (
        not local
        and event.type in DOMESTIC_TYPES
        and source is not None
        and source.actor.sector in DOMESTIC_SECTORS
        and source.actor.country
    ):
        country = source.actor.country
        name = resolver.dictionary.country_names.get(country, country)
        return Place(name, source.start, source.end, "actor", ACTOR_CONFIDENCE,
                     country=country, feature="country")  # fmt: skip
    known = local or known
    if not known:
        return None
    best = max(known, key=lambda c: (named[fold(c.name)], -c.start))
    place = resolver.resolve(best.written, best.start, best.end, "article", context, best.entries)
    return replace(place, confidence=round(place.confidence * ARTICLE_FACTOR, 2))
