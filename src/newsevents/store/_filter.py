"""`EventFilter`: the one definition of which happenings a view shows.

The API, the web pages, the CLI (`events`, `export`, `stories`), the downloads and
every chart take the same value. A chart narrows it (a period, a quad class, a pair of
actors) to count a bar, and the link under the bar is that narrowed filter written
back as query parameters (`to_params`), so a count and the rows its link opens come
from one query and cannot differ.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsevents.errors import InputError
from newsevents.model import MODALITIES, PLOVER_TYPES

# The orders a listing of happenings can take, with their help text.
SORTS: dict[str, str] = {
    "date": "oldest first (undated last)",
    "-date": "newest first (undated last)",
    "sources": "most independent sources first",
    "mentions": "most mentions first",
    "confidence": "most confident first",
}

ANY_MODALITY = "any"  # the switch that lets negated, future... events into aggregates
COUNTED_MODALITY = "asserted"  # what aggregates count unless told otherwise
_HAPPENING_ONLY = (  # fields a mention's own row does not carry
    *("quad_class", "starts_since", "starts_until", "undated", "place", "place_name"),
    "modality",
    *("min_sources", "dyad", "pair", "codes", "story", "q"),
)


@dataclass(frozen=True)
class EventFilter:
    """Which happenings to show; a field left `None` (or False) filters nothing.

    `since`/`until` keep happenings whose date range overlaps the interval;
    `starts_since`/`starts_until` keep those whose first day lies in it (a chart's
    bucket); `undated` keeps only happenings without a date. `actor` is a code prefix
    or a name, `place` the ISO3 country of the happening's place and `place_name` that
    place's exact name (a point on the map), `dyad` two code prefixes (either
    direction); `min_killed` keeps those stating at least N killed (a happening's
    largest figure, a mention's own); `codes` are whole codes that each take part (a
    network node), `pair` two whole codes (a network edge).
    `modality` "any" is no filter, stated explicitly. `q` is a full-text search over
    the actors' names and the evidence sentences (every word, as a prefix).
    """

    actor: str | None = None
    type: str | None = None
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    starts_since: date | None = None
    starts_until: date | None = None
    undated: bool = False
    country: str | None = None
    place: str | None = None
    place_name: str | None = None
    modality: str | None = None
    min_sources: int | None = None
    min_killed: int | None = None
    dyad: tuple[str, ...] | None = None
    pair: tuple[str, ...] | None = None
    codes: tuple[str, ...] = ()
    story: str | None = None
    happening_id: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        if self.type and self.type.upper() not in PLOVER_TYPES:
            raise InputError(f"unknown type {self.type!r}; one of {', '.join(PLOVER_TYPES)}")
        if self.modality and self.modality not in (*MODALITIES, ANY_MODALITY):
            allowed = ", ".join((*MODALITIES, ANY_MODALITY))
            raise InputError(f"unknown modality {self.modality!r}; one of {allowed}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise InputError(f"quad class {self.quad_class} is not 1, 2, 3 or 4")

    def narrowed(self, **changes: Any) -> EventFilter:
        """The same filter with some fields set (a chart's bucket, edge or node)."""
        return dataclasses.replace(self, **changes)

    def counted(self) -> EventFilter:
        """What aggregates count: asserted happenings unless a modality was chosen."""
        return self if self.modality else self.narrowed(modality=COUNTED_MODALITY)

    @property
    def modalities(self) -> str | None:
        """The modality to match, or None for every modality."""
        return None if self.modality == ANY_MODALITY else self.modality

    @property
    def only_happenings(self) -> bool:
        """Whether a field is set that only happenings carry (mentions cannot match it
        on their own row)."""
        return any(getattr(self, name) for name in _HAPPENING_ONLY)

    def to_params(self) -> dict[str, str]:
        """This filter as the query parameters `from_params` reads back."""
        params: dict[str, str] = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value in (None, False, "", ()):
                continue
            name = _PARAM_OF.get(field.name, field.name)
            if isinstance(value, bool):
                params[name] = "1"
            elif isinstance(value, tuple):
                params[name] = ",".join(value)
            elif isinstance(value, date):
                params[name] = value.isoformat()
            else:
                params[name] = str(value)
        return params

    @classmethod
    def from_params(cls, params: Mapping[str, str | None]) -> EventFilter:
        """A filter from query parameters (strings); an empty value is no filter, as a
        web form sends its empty fields. Raises InputError naming a bad value."""
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            name = _PARAM_OF.get(field.name, field.name)
            raw = params.get(name)
            if raw is None or raw == "":
                continue
            values[field.name] = _parse(name, field.name, raw)
        return cls(**values)


_PARAM_OF = {"quad_class": "quad", "happening_id": "happening", "codes": "code"}
PARAMS: tuple[str, ...] = tuple(
    _PARAM_OF.get(f.name, f.name) for f in dataclasses.fields(EventFilter)
)
_FLAGS = {"undated"}
_DATES = {"since", "until", "starts_since", "starts_until"}
_NUMBERS = {"quad_class", "min_sources", "min_killed"}


def _parse(name: str, field: str, raw: str) -> Any:
    if field in _FLAGS:
        if raw.lower() not in {"1", "0", "true", "false", "on", "yes", "no"}:
            raise InputError(f"query.{name}: not a yes/no value (1 or 0)")
        return raw.lower() in {"1", "true", "on", "yes"}
    if field in _DATES:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise InputError(f"query.{name}: not a date (YYYY-MM-DD)") from None
    if field in _NUMBERS:
        if not raw.isascii() or not raw.isdigit():
            raise InputError(f"query.{name}: not a whole number")
        return int(raw)
    if field in {"dyad", "pair", "codes"}:
        codes = tuple(part.strip().upper() for part in raw.split(","))
        if not all(c.isascii() and c.isalpha() and 3 <= len(c) <= 16 for c in codes):
            raise InputError(f"query.{name}: actor codes of 3 to 16 letters, as A,B")
        if field != "codes" and len(codes) != 2:
            raise InputError(f"query.{name}: two actor codes, as A,B")
        return codes
    if field in {"country", "place"}:
        return raw.upper()
    return raw
