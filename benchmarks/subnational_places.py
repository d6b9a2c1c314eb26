"""Which state and province names of real pages the place resolver leaves unresolved.

    .venv/bin/python benchmarks/subnational_places.py [GOLD.jsonl] [--top N]

GOLD defaults to the dev split of our annotated pages (built with
training/gold/build_pages_gold.py into a temporary file). Each page's text is cleaned
and parsed as the pipeline does it; every GPE and LOC entity is looked up with the
pipeline's place resolver, in the context of the countries the page's other places
clearly name. A mention is a first-level division of the USA, India, Nigeria, Mexico or
Canada when one of its forms ("Lagos State", "the state of Texas", "California's") is
the name of such a division in admin1.tsv or an admin1 alias of places.tsv, or, as
written, its letter code there (US postal codes: "NC") or an abbreviation of
abbreviations.tsv ("Ill."); a country's own name written bare ("Mexico") is the country.
Prints those mentions with what they resolve to (country, admin1 code and name) or
UNRESOLVED, their unresolved count, then how many of all GPE/LOC mentions are
unresolved and the most frequent of them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from newsevents.actors._dictionary import COUNTRY_SOURCE
from newsevents.clean import clean
from newsevents.ingest import document_from_text
from newsevents.model import Place
from newsevents.nlp import parse_paragraphs
from newsevents.pipeline import Pipeline
from newsevents.place import PlaceResolver
from newsevents.place._build import data_text
from newsevents.place._locate import _name
from newsevents.place._names import admin1_forms, fold
from newsevents.place._resolve import Context, abbreviations, countries_of, not_places

ROOT = Path(__file__).resolve().parents[1]
BUILD_GOLD = ROOT / "training/gold/build_pages_gold.py"
COUNTRIES = {"US": "USA", "IN": "IND", "NG": "NGA", "MX": "MEX", "CA": "CAN"}
LABELS = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class Mention:
    page: str
    text: str  # the entity as written
    name: str  # with its division word when one follows ("Lagos State")
    division: tuple[str, str, str] | None  # (country, admin1 code, name) it names
    place: Place


@cache
def written_codes() -> dict[str, tuple[str, str, str]]:
    """Division codes as written ("NC" in "Raleigh, NC"): the letter codes of admin1.tsv
    (US postal codes), and the abbreviations the resolver reads ("Ill.", "B.C.")."""
    found: dict[str, tuple[str, str, str]] = {}
    by_name: dict[tuple[str, str], tuple[str, str, str]] = {}
    for line in _rows("admin1.tsv"):
        alpha2, _, code = line[0].partition(".")
        if alpha2 in COUNTRIES:
            division = (COUNTRIES[alpha2], code, line[1])
            by_name[(division[0], line[2])] = division
            if code.isalpha():
                found[code] = division
    for form, (country, name) in abbreviations().items():
        if (country, name) in by_name:
            found[form] = by_name[(country, name)]
    return found


@cache
def divisions() -> dict[str, tuple[str, str, str]]:
    """Folded forms of every first-level division of the five countries -> (ISO3,
    admin1 code, name), from admin1.tsv and the admin1 aliases of places.tsv."""
    found: dict[str, tuple[str, str, str]] = {}
    names: dict[tuple[str, str], str] = {}
    for line in _rows("admin1.tsv"):
        alpha2, _, code = line[0].partition(".")
        if alpha2 in COUNTRIES:
            division = (COUNTRIES[alpha2], code, line[1])
            names[division[:2]] = line[1]
            for form in admin1_forms(line[1]) | admin1_forms(line[2]):
                found[form] = division
    for line in _rows("places.tsv"):
        key = (line[2], line[3])
        if line[1] == "admin1" and key in names:
            for form in line[0].split("|"):
                found.update(dict.fromkeys(admin1_forms(form), (*key, names[key])))
    return found


def _rows(name: str) -> Iterator[list[str]]:
    for line in data_text(name).splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith(("code\t", "names\t")):
            yield line.split("\t")


def division_of(name: str, resolver: PlaceResolver) -> tuple[str, str, str] | None:
    """The division of the five countries `name` names, or None."""
    if name.strip() in written_codes():
        return written_codes()[name.strip()]
    bare = name.strip().removesuffix("'s").removesuffix("’s")
    stripped = bare.removeprefix("the ").removeprefix("The ")
    country = resolver.dictionary.country(stripped.title() if stripped.isupper() else stripped)
    if country is not None and country.kind == COUNTRY_SOURCE and fold(stripped) == fold(bare):
        return None  # "Mexico" the country, not the State of Mexico
    for form in sorted(admin1_forms(bare), key=len, reverse=True):
        if form in divisions():
            return divisions()[form]
    return None


def page_texts(path: Path) -> Iterator[tuple[str, str]]:
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            yield str(item.get("id", "?")), item["text"]


def paragraphs_of(text: str) -> list[str]:
    document = document_from_text(text, "<page>")
    return clean(document.raw, document.format, english_only=False).paragraphs


def page_mentions(page: str, docs: list[Doc], resolver: PlaceResolver) -> list[Mention]:
    """Every GPE/LOC entity of a page, resolved in the page's context."""
    spans: list[tuple[Span, str]] = [
        (span, _name(span)) for doc in docs for span in doc.ents if span.label_ in LABELS
    ]
    entries = [resolver.candidates(name) for _, name in spans]
    context = Context(places=countries_of(entries))
    mentions = []
    for (span, name), found in zip(spans, entries, strict=True):
        place = resolver.resolve(name, span.start_char, span.end_char, "sentence", context, found)
        mentions.append(Mention(page, span.text, name, division_of(name, resolver), place))
    return mentions


def all_mentions(path: Path) -> list[Mention]:
    resolver = Pipeline().places
    pages = list(page_texts(path))
    paragraphs = [paragraphs_of(text) for _, text in pages]
    parsed = iter(parse_paragraphs([p for page in paragraphs for p in page]))
    mentions = []
    for (page, _), page_paragraphs in zip(pages, paragraphs, strict=True):
        docs = [next(parsed) for _ in page_paragraphs]
        mentions.extend(page_mentions(page, docs, resolver))
    return mentions


def resolved(place: Place) -> bool:
    """A place the gazetteer or the country dictionary knows (a sea has no country)."""
    return place.feature is not None


def verdict(mention: Mention) -> str:
    """UNRESOLVED, the division itself (ok), or another reading ("Washington" the
    capital, a namesake elsewhere)."""
    place = mention.place
    if not resolved(place):
        return "UNRESOLVED"
    assert mention.division is not None
    country, code, _ = mention.division
    if place.country == country and place.admin1 == code:
        return "ok" if place.feature == "admin1" else f"ok ({place.feature})"
    return "other reading"


def show_divisions(mentions: list[Mention]) -> int:
    rows = [m for m in mentions if m.division is not None]
    print(f"{'page':<10} {'mention':<28} {'division':<34} {'resolved to':<40} verdict")
    for m in rows:
        assert m.division is not None
        division = f"{m.division[0]} {m.division[1]} {m.division[2]}"
        place = m.place
        reading = (
            f"{place.country} {place.admin1 or '-'} {place.admin1_name or '-'} [{place.feature}]"
            if resolved(place)
            else "UNRESOLVED"
        )
        print(f"{m.page[:10]:<10} {m.name[:28]:<28} {division[:34]:<34} {reading[:40]:<40} "
              f"{verdict(m)}")  # fmt: skip
    unresolved = sum(verdict(m) == "UNRESOLVED" for m in rows)
    other = sum(verdict(m) == "other reading" for m in rows)
    print(f"\nstate/province mentions: {len(rows)}, unresolved: {unresolved}, "
          f"resolved elsewhere: {other}")  # fmt: skip
    return unresolved


def show_unresolved(mentions: list[Mention], top: int) -> None:
    missing = Counter(m.text for m in mentions if not resolved(m.place))
    total = sum(missing.values())
    known = sum(n for name, n in missing.items() if _not_a_place(name))
    print(f"GPE/LOC mentions: {len(mentions)}, unresolved: {total} "
          f"(of which {known} known non-places: festivals, celestial bodies)")  # fmt: skip
    for name, count in missing.most_common(top):
        print(f"  {count:3d}  {name}")


def _not_a_place(name: str) -> bool:
    return fold(name).removeprefix("the ") in not_places()


def _gold(path: Path | None, folder: Path) -> Path:
    if path is not None:
        return path
    out = folder / "dev.jsonl"
    subprocess.run([sys.executable, str(BUILD_GOLD), "dev", str(out)], check=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", help="gold pages (default: dev split)")
    parser.add_argument("--top", type=int, default=20, help="unresolved names to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        mentions = all_mentions(_gold(args.gold, Path(folder)))
    show_divisions(mentions)
    show_unresolved(mentions, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
