"""Names to places, in context: the event's actors' countries first, then the countries
the article points to, then the gazetteer's own order (a division before a city of the
same name elsewhere, then population)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import cache

from newsevents.actors import ActorDictionary, load_dictionary
from newsevents.actors._dictionary import CAPITAL_SOURCE, COUNTRY_SOURCE
from newsevents.model import Place
from newsevents.place._build import data_text
from newsevents.place._gazetteer import Entry, fold, lookup

# A namesake in the article's countries wins unless the usual reading is this many times
# bigger: "Paris" in an article about the US is still in France, "Georgia" beside
# "Atlanta" is the US state.
CONTEXT_RATIO = 50
# A country's own name gives way to a division or city only this close in size: "Georgia"
# (the state) in an American story, not "Jordan" (a town in Minnesota).
COUNTRY_RATIO = 5
CAPITAL_RATIO = 10  # a capital's name means the capital unless a reading is 10 times bigger
SURE, GUESS, UNKNOWN = 0.9, 0.6, 0.2


@cache
def not_places() -> frozenset[str]:
    """Festivals, holidays and celestial bodies: never an event's place."""
    lines = data_text("not_places.txt").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


@cache
def abbreviations() -> dict[str, tuple[str, str]]:
    """Abbreviations of divisions as written ("Ill.", "NC", "B.C.") -> (country ISO3,
    the division's name in admin1.tsv)."""
    found: dict[str, tuple[str, str]] = {}
    for line in data_text("abbreviations.tsv").splitlines():
        if not line or line.startswith("#") or line.startswith("forms\t"):
            continue
        forms, country, division = line.split("\t")
        found.update(dict.fromkeys(forms.split("|"), (country, division)))
    return found


def abbreviated(written: str) -> list[Entry]:
    """The division an abbreviation names, as its one reading; [] for any other name."""
    division = abbreviations().get(written.strip())
    if division is None:
        return []
    country, name = division
    return [e for e in lookup(name) if e.feature == "admin1" and e.country == country][:1]


@cache
def our_names() -> re.Pattern[str]:
    """The landmarks and regions of places.tsv, as written (capitalised), as one pattern."""
    names = {
        name.strip()
        for line in data_text("places.tsv").splitlines()[1:]
        if line and not line.startswith("#") and not line.startswith("names\t")
        for name in line.split("\t")[0].split("|")
        if name.strip()[:1].isupper()
    }
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def clear_country(entries: list[Entry]) -> str | None:
    """The country a name surely points to: its readings' only country, or that of a
    reading far bigger than any elsewhere."""
    if not entries:
        return None
    first = entries[0]
    rivals = [e for e in entries[1:] if e.country != first.country]
    if first.country and all(e.population * 10 <= first.population for e in rivals):
        return first.country
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """What tells same-named places apart, in the order it is asked."""

    places: Collection[str] = ()  # countries the article's other places clearly name
    actors: Collection[str] = ()  # countries of the event's own actors
    article: Collection[str] = ()  # countries of the article's actors

    def layers(self) -> tuple[Collection[str], ...]:
        return (self.places, self.actors, self.article)


class PlaceResolver:
    """Names to places, with the dictionaries loaded once."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or load_dictionary()

    def candidates(self, name: str) -> list[Entry]:
        """Every place a name may be, the usual reading first; [] for a non-place."""
        key = fold(name).removeprefix("the ")
        if key in not_places():
            return []
        entries = abbreviated(name) or lookup(name)
        bare = name.removeprefix("the ").removeprefix("The ")
        country = self.dictionary.country(bare.title() if bare.isupper() else bare)
        if country is not None and country.kind == CAPITAL_SOURCE and entries:
            # "Washington" the capital before the state, not "Victoria" (Seychelles)
            # before the Australian state; a landmark stays first.
            floor, iso3 = entries[0].population / CAPITAL_RATIO, country.iso3

            def capital_first(e: Entry) -> bool:
                capital = e.feature == "city" and e.country == iso3 and e.population >= floor
                return not (e.feature == "landmark" or capital)

            entries = sorted(entries, key=capital_first)
        return entries

    def resolve(
        self,
        name: str,
        start: int,
        end: int,
        basis: str,
        context: Context | Collection[str] = (),
        entries: list[Entry] | None = None,
    ) -> Place:
        """The place `name` names in its context (a `Context`, or the event's actors'
        countries); kept as written when unknown."""
        if not isinstance(context, Context):
            context = Context(actors=context)
        written = name.strip()
        if entries is None:
            entries = self.candidates(written)
        key = written.removeprefix("the ").removeprefix("The ")
        country = self.dictionary.country(key)
        if not entries:
            if country is not None and country.kind == COUNTRY_SOURCE:
                return Place(written, start, end, basis, SURE, country=country.iso3,
                             feature="country")  # fmt: skip
            return Place(written, start, end, basis, UNKNOWN)  # kept as written, unresolved
        chosen, sure = _choose(entries, context)
        alike = {(e.country, e.admin1, e.feature) for e in entries}
        confidence = SURE if sure or len(alike) == 1 else GUESS
        return with_entry(Place(written, start, end, basis, confidence), chosen)


def _choose(entries: list[Entry], context: Context) -> tuple[Entry, bool]:
    """The reading the context points to, and whether the context settled it."""
    usual = entries[0]
    for layer in context.layers():
        local = [e for e in entries if e.country in layer]
        if not local:
            continue
        best = local[0]
        if best is usual:
            return best, True
        ratio = COUNTRY_RATIO if usual.feature == "country" else CONTEXT_RATIO
        if best.population * ratio >= usual.population:
            return best, True
    return usual, False


def with_entry(place: Place, entry: Entry) -> Place:
    return replace(
        place,
        country=entry.country,
        admin1=entry.admin1,
        admin1_name=entry.admin1_name,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id or None,
        feature=entry.feature,
    )


def countries_of(entries_by_name: Iterable[list[Entry]]) -> set[str]:
    """The countries a set of names clearly points to."""
    return {c for entries in entries_by_name if (c := clear_country(entries))}
