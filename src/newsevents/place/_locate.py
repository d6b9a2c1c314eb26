"""Event locations: from the event's own sentence first, then from the article.

A sentence's place is a GPE, LOC or FAC entity that is not one of the event's actors
("Caracas rejected..." names the government, not a place), preferring one introduced
by a locative preposition ("in Caracas", "off the coast of ..."), then the one nearest
the trigger. Without one, the event takes the place its article names most, at a lower
confidence. Names resolve through the actor dictionary's country names and the GeoNames
gazetteer; among several cities of one name, one in the event's actors' countries wins,
then the most populous.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from newsevents.actors import ActorDictionary, load_dictionary
from newsevents.actors._dictionary import COUNTRY_SOURCE
from newsevents.model import Event, Place
from newsevents.place._gazetteer import Entry, fold, gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE = frozenset({"in", "at", "near", "off", "outside", "inside", "across", "into", "from"})
ARTICLE_FACTOR = 0.6  # an article-level place is a guess about this event


class PlaceResolver:
    """Names to places, with the dictionaries loaded once."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or load_dictionary()

    def resolve(self, name: str, start: int, end: int, basis: str, countries: set[str]) -> Place:
        written = name.strip()
        key = written.removeprefix("the ").removeprefix("The ")
        country = self.dictionary.country(key)
        entries = gazetteer().get(fold(key), [])
        if country is not None and country.kind == COUNTRY_SOURCE:
            entries = [e for e in entries if e.feature == "country" and e.country == country.iso3]
            chosen = entries[0] if entries else None
            place = Place(written, start, end, basis, 0.9, country=country.iso3, feature="country")
            return _with_entry(place, chosen) if chosen else place
        if not entries:
            return Place(written, start, end, basis, 0.2)  # kept as written, unresolved
        local = [e for e in entries if e.country in countries]
        chosen = (local or entries)[0]
        alike = {e.geonames_id for e in entries}
        confidence = 0.9 if len(alike) == 1 or local else 0.6
        return _with_entry(Place(written, start, end, basis, confidence), chosen)


def _with_entry(place: Place, entry: Entry) -> Place:
    return replace(
        place,
        country=entry.country,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id,
        feature=entry.feature,
    )


def _actor_spans(event: Event) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in (event.source, event.target) if m is not None]


def _candidates(docs: Sequence[Doc], offsets: Sequence[int]) -> list[tuple[int, int, Span]]:
    """Every place entity of the article, with its span in the document text."""
    found = []
    for doc, offset in zip(docs, offsets, strict=True):
        for entity in doc.ents:
            if entity.label_ in PLACE_LABELS:
                found.append((offset + entity.start_char, offset + entity.end_char, entity))
    return found


def locate_events(
    events: Sequence[Event],
    docs: Sequence[Doc],
    offsets: Sequence[int],
    resolver: PlaceResolver,
) -> None:
    """Set each event's place (in place): its sentence's, else the article's."""
    if not events:
        return
    entities = _candidates(docs, offsets)
    named = Counter(fold(e.text) for _, _, e in entities)
    for event in events:
        countries = {m.actor.country for m in (event.source, event.target) if m and m.actor.country}
        actors = _actor_spans(event)
        own = [
            (start, end, entity)
            for start, end, entity in entities
            if event.sentence_start <= start < event.sentence_end
            and not any(a < end and start < b for a, b in actors)
        ]
        if own:
            start, end, entity = min(own, key=lambda item: _rank(item, event))
            event.place = resolver.resolve(entity.text, start, end, "sentence", countries)
            continue
        if entities:
            start, end, entity = max(
                entities, key=lambda item: (named[fold(item[2].text)], -item[0])
            )
            place = resolver.resolve(entity.text, start, end, "article", countries)
            event.place = replace(place, confidence=round(place.confidence * ARTICLE_FACTOR, 2))


def _rank(item: tuple[int, int, Span], event: Event) -> tuple[int, int]:
    start, _, entity = item
    before = entity.doc[entity.start - 1].lower_ if entity.start > 0 else ""
    if before == "the" and entity.start > 1:
        before = entity.doc[entity.start - 2].lower_
    return (0 if before in LOCATIVE else 1, abs(start - event.trigger_start))
