"""Actor dictionaries: the shipped TSV files under `newsevents/data/`, read once.

Our tables: `countries.tsv` (names, demonyms, capitals, government metonyms per ISO3,
on top of pycountry's names), `actors.tsv` and `leaders.tsv` (people and organisations,
one row per role span) and `agents.tsv` (generic agent nouns that give a sector:
"authorities", "troops", "cartel"). Beside them, imported from the Phoenix dictionaries
(`training/dictionaries/import_phoenix_actors.py`): `phoenix_actors.tsv`, whose names
match in any case and only where ours and the country names have none, and
`phoenix_agents.tsv`, under ours. The parsed tables are cached on disk (`_cache.py`).
"""

from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry

from newsevents.errors import ConfigError

logger = logging.getLogger(__name__)

COUNTRY_SOURCE = "country"  # the country itself ("Venezuela", "the US")
DEMONYM_SOURCE = "demonym"  # "Venezuelan": a modifier, gives the country only
CAPITAL_SOURCE = "capital"  # "Caracas", "the White House": the government by metonymy


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-free, apostrophe-normalised, space-collapsed form used as a lookup key
    (cached: the same names come back in every article)."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """One row of actors.tsv: a named actor's code during a span of dates."""

    name: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    qid: str | None

    def valid_on(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class CountryEntry:
    iso3: str
    name: str
    kind: str  # COUNTRY_SOURCE, DEMONYM_SOURCE or CAPITAL_SOURCE


@dataclass(slots=True)
class ActorDictionary:
    """Lookup tables keyed by folded surface forms."""

    countries: dict[str, CountryEntry] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> display name
    named: MutableMapping[str, list[RoleSpan]] = field(default_factory=dict)
    # imported dictionaries (Phoenix), keyed by lower-cased folded forms: they match
    # whatever their case, and only where `named` (ours) has no entry
    imported: MutableMapping[str, list[RoleSpan]] = field(default_factory=dict)
    agents: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # term -> sector, iso3
    max_name_tokens: int = 1
    # first words of names that start in lower case ("al" of "al-Qaeda"): names else
    # start with a capital, which keeps the matcher off ordinary words
    lower_first_words: set[str] = field(default_factory=set)

    def roles(self, surface: str, *, imported: bool = True) -> list[RoleSpan]:
        """The roles of a name: ours, else (unless `imported` is False) an imported one."""
        key = fold(surface)
        own = self.named.get(key)
        if own or not imported:
            return own or []
        return self.imported.get(key.lower(), [])

    def country(self, surface: str) -> CountryEntry | None:
        return self.countries.get(fold(surface))

    def agent(self, term: str) -> tuple[str, str | None] | None:
        return self.agents.get(fold(term).lower())


def _rows(path: Path | resources.abc.Traversable) -> Iterator[dict[str, str]]:
    """TSV rows as dicts; `#` lines are comments. Errors name the file and line."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            raise ConfigError(f"{path}: row {reader.line_num} has the wrong number of columns")
        yield {k.strip(): (v or "").strip() for k, v in row.items()}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _parse_date(value: str, path: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{path}: bad date {value!r}, expected YYYY-MM-DD") from exc


def _add_country(table: ActorDictionary, surface: str, entry: CountryEntry) -> None:
    key = fold(surface)
    # First writer wins, so a curated alias is never overridden by a pycountry variant.
    table.countries.setdefault(key, entry)
    table.max_name_tokens = max(table.max_name_tokens, len(key.split()))


def _load_pycountry(table: ActorDictionary) -> None:
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        table.country_names.setdefault(country.alpha_3, name)
        for surface in {country.name, name, getattr(country, "official_name", None)} - {None}:
            _add_country(table, str(surface), CountryEntry(country.alpha_3, name, COUNTRY_SOURCE))


def _load_countries(table: ActorDictionary, path: Path | resources.abc.Traversable) -> None:
    kinds = (
        ("names", COUNTRY_SOURCE),
        ("demonyms", DEMONYM_SOURCE),
        ("capitals", CAPITAL_SOURCE),
        ("government_names", CAPITAL_SOURCE),
    )
    for row in _rows(path):
        iso3 = row["iso3"].upper()
        names = _split(row.get("names", ""))
        display = table.country_names.get(iso3) or (names[0] if names else iso3)
        table.country_names[iso3] = display
        for column, kind in kinds:
            for surface in _split(row.get(column, "")):
                _add_country(table, surface, CountryEntry(iso3, display, kind))


def _role_rows(path: Path | resources.abc.Traversable) -> Iterator[tuple[RoleSpan, set[str]]]:
    """Each row of an actors file as a role and its folded surface forms."""
    for row in _rows(path):
        role = RoleSpan(
            name=row["name"],
            country=row.get("country", "").upper() or None,
            sector=row.get("sector", "").upper() or None,
            start=_parse_date(row.get("start", ""), path),
            end=_parse_date(row.get("end", ""), path),
            qid=row.get("qid") or None,
        )
        # Folded forms, once each: "Nicolas Maduro" and "Nicolás Maduro" are one key.
        yield role, {fold(s) for s in (row["name"], *_split(row.get("aliases", "")))}


def _load_actors(table: ActorDictionary, path: Path | resources.abc.Traversable) -> None:
    for role, keys in _role_rows(path):
        for key in keys:
            _add_named(table, key, role)


def _load_imported(table: ActorDictionary, path: Path | resources.abc.Traversable) -> None:
    """Rows of an imported dictionary (`phoenix_actors.tsv`), matched in any case."""
    for role, keys in _role_rows(path):
        for key in {k.lower() for k in keys}:
            table.imported.setdefault(key, []).append(role)
            table.max_name_tokens = max(table.max_name_tokens, len(key.split()))


def _load_petrarch(table: ActorDictionary, path: Path) -> None:
    from newsevents.actors._petrarch import read_petrarch, split_code

    for actor in read_petrarch(path):
        for code, start, end in actor.roles:
            country, sector = split_code(code)
            role = RoleSpan(actor.name, country, sector, start, end, None)
            for key in {fold(s) for s in (actor.name, *actor.aliases)}:
                _add_named(table, key, role)


def _add_named(table: ActorDictionary, key: str, role: RoleSpan) -> None:
    table.named.setdefault(key, []).append(role)
    table.max_name_tokens = max(table.max_name_tokens, len(key.split()))
    if key[:1].islower():
        table.lower_first_words.add(re.split(r"[\s-]", key, maxsplit=1)[0])


def _load_agents(table: ActorDictionary, path: Path | resources.abc.Traversable) -> None:
    for row in _rows(path):
        sector = row["sector"].upper()
        for term in _split(row["term"]):
            table.agents[fold(term).lower()] = (sector, row.get("country", "").upper() or None)


def _data_file(name: str) -> resources.abc.Traversable:
    return resources.files("newsevents") / "data" / name


def build_shipped() -> ActorDictionary:
    """The shipped tables, parsed from `data/` (`load_dictionary` reads them cached)."""
    table = ActorDictionary()
    _load_countries(table, _data_file("countries.tsv"))
    _load_pycountry(table)
    _load_actors(table, _data_file("actors.tsv"))
    _load_actors(table, _data_file("leaders.tsv"))
    _load_imported(table, _data_file("phoenix_actors.tsv"))
    _load_agents(table, _data_file("phoenix_agents.tsv"))
    _load_agents(table, _data_file("agents.tsv"))  # ours last: they win
    return table


@cache
def load_dictionary(extra_actors: tuple[Path, ...] = ()) -> ActorDictionary:
    """The shipped dictionaries (from the on-disk cache, `_cache.py`) plus any user actor
    files, loaded once per process."""
    from newsevents.actors._cache import load_or_build

    table = load_or_build(build_shipped)
    for path in extra_actors:
        if not path.exists():
            raise ConfigError(f"Actor dictionary not found: {path}")
        if path.suffix.lower() == ".tsv":
            _load_actors(table, path)
        else:  # PETRARCH/Phoenix text dictionaries
            _load_petrarch(table, path)
    logger.info(
        "actor dictionary: %d country forms, %d names (%d imported), %d agent terms",
        len(table.countries),
        len(table.named),
        len(table.imported),
        len(table.agents),
    )
    return table
