"""The actor dictionary on disk: parsed once, then read in a fraction of the time.

With the Phoenix rows the shipped tables hold some 30,000 names; parsing them costs most
of a second at every start. The parsed tables are kept as marshal data beside the
gazetteer's (`NEWSEVENTS_CACHE_DIR`, else the user's cache folder), in a file named by a
key over everything they are built from (our data files, this package's version and the
loader's code), so an edit or an upgrade builds a new one. A file that does not load is
rebuilt; a folder that cannot be written only costs the parse.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from array import array
from collections.abc import Callable, Iterator, MutableMapping
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents._cachefile import cache_dir, read_cache, write_cache

if TYPE_CHECKING:
    from newsevents.actors._dictionary import ActorDictionary, RoleSpan

logger = logging.getLogger(__name__)

FORMAT = 2  # bump when the stored shape changes
DATA_FILES = (
    "countries.tsv",
    "actors.tsv",
    "leaders.tsv",
    "phoenix_actors.tsv",
    "agents.tsv",
    "phoenix_agents.tsv",
)
_SOURCES = ("_dictionary.py", "_cache.py")


def cache_key() -> str:
    """A digest of everything the tables are built from."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for package in ("newsevents", "pycountry"):
        try:
            digest.update(f"{package}={metadata.version(package)}|".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?|".encode())
    here = Path(__file__).parent
    for source in _SOURCES:
        digest.update((here / source).read_bytes())
    data = resources.files("newsevents") / "data"
    for name in DATA_FILES:
        digest.update(data.joinpath(name).read_bytes())
    return digest.hexdigest()[:20]


def cache_path() -> Path:
    return cache_dir() / f"actors-{cache_key()}.marshal"


_SEP = "\x00"
_TEXT = ("name", "country", "sector", "qid")


def _day(value: date | None) -> int:
    return value.toordinal() if value else 0


def _pack_roles(table: MutableMapping[str, list[RoleSpan]]) -> dict[str, Any]:
    """Names and their roles as a few long columns: one string per text field (split
    on load), numbers as bytes. That loads in milliseconds and keeps the garbage
    collector out of the way."""
    starts, numbers, days = array("I", [0]), array("I"), array("I")
    text: dict[str, list[str]] = {f: [] for f in _TEXT}
    for roles in table.values():
        for role in roles:
            numbers.append(len(days) // 2)
            days.extend((_day(role.start), _day(role.end)))
            for f in _TEXT:
                text[f].append(getattr(role, f) or "")
        starts.append(len(numbers))
    packed: dict[str, Any] = {f: _SEP.join(values) for f, values in text.items()}
    packed |= {"keys": _SEP.join(table), "starts": starts.tobytes()}
    return packed | {"numbers": numbers.tobytes(), "days": days.tobytes()}


class LazyRoles(MutableMapping[str, list["RoleSpan"]]):
    """Folded name -> roles, each list made on first lookup (most names never come).
    A user's dictionary may add names (`setdefault(key, []).append(role)`)."""

    def __init__(self, packed: dict[str, Any]) -> None:
        keys = packed["keys"].split(_SEP) if packed["keys"] else []
        self._index = dict(zip(keys, range(len(keys)), strict=True))
        self._text = {f: packed[f].split(_SEP) for f in _TEXT}
        self._starts, self._numbers, self._days = array("I"), array("I"), array("I")
        self._starts.frombytes(packed["starts"])
        self._numbers.frombytes(packed["numbers"])
        self._days.frombytes(packed["days"])
        self._made: dict[str, list[RoleSpan]] = {}

    def __getitem__(self, key: str) -> list[RoleSpan]:
        if key not in self._made:
            k = self._index[key]  # KeyError: not a name (nor one added)
            self._made[key] = [
                self._role(n) for n in self._numbers[self._starts[k] : self._starts[k + 1]]
            ]
        return self._made[key]

    def _role(self, n: int) -> RoleSpan:
        from newsevents.actors._dictionary import RoleSpan

        name, country, sector, qid = (self._text[f][n] for f in _TEXT)
        start, end = (date.fromordinal(d) if d else None for d in self._days[2 * n : 2 * n + 2])
        return RoleSpan(name, country or None, sector or None, start, end, qid or None)

    def __setitem__(self, key: str, roles: list[RoleSpan]) -> None:
        self._made[key] = roles

    def __delitem__(self, key: str) -> None:
        raise TypeError("names are not removed from a loaded dictionary")

    def __iter__(self) -> Iterator[str]:
        yield from self._index
        yield from (key for key in self._made if key not in self._index)

    def __len__(self) -> int:
        return len(self._index) + sum(key not in self._index for key in self._made)


def pack(table: ActorDictionary) -> dict[str, Any]:
    """The tables as marshal-ready values."""
    return {
        "countries": {k: (e.iso3, e.name, e.kind) for k, e in table.countries.items()},
        "country_names": dict(table.country_names),
        "named": _pack_roles(table.named),
        "imported": _pack_roles(table.imported),
        "agents": dict(table.agents),
        "max_name_tokens": table.max_name_tokens,
        "lower_first_words": sorted(table.lower_first_words),
    }


def unpack(packed: dict[str, Any]) -> ActorDictionary:
    from newsevents.actors._dictionary import ActorDictionary, CountryEntry

    return ActorDictionary(
        countries={k: CountryEntry(*v) for k, v in packed["countries"].items()},
        country_names=packed["country_names"],
        named=LazyRoles(packed["named"]),
        imported=LazyRoles(packed["imported"]),
        agents={k: tuple(v) for k, v in packed["agents"].items()},  # type: ignore[misc]
        max_name_tokens=packed["max_name_tokens"],
        lower_first_words=set(packed["lower_first_words"]),
    )


def load_or_build(build: Callable[[], ActorDictionary]) -> ActorDictionary:
    """The cached tables, or a fresh build that is then cached."""
    path = cache_path()
    cached = read_cache(path, unpack, "actor")
    if cached is not None:
        return cached
    table = build()
    write_cache(path, pack(table), "actors")
    return table
