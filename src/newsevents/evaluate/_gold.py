"""Reading gold files: JSON Lines items with `text` or `file` and their `events`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsevents.errors import InputError
from newsevents.model import MAGNITUDE_KINDS


@dataclass(frozen=True, slots=True)
class GoldLocation:
    """Where the annotator says the event happened; admin1 where the text says it."""

    name: str | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None  # the division's name ("Gujarat") or GeoNames code ("09")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    source_countries: frozenset[str]
    source_sectors: frozenset[str]
    target_countries: frozenset[str]
    target_sectors: frozenset[str]
    modality: str | None
    date_start: date | None
    date_end: date | None
    evidence: str
    location: GoldLocation | None = None
    # The figures its evidence states, kind -> (min, max) bounds of the number ("at
    # least 14" is (14, None), "hundreds" (200, 999)); None when it states none.
    magnitudes: dict[str, tuple[int | None, int | None]] | None = field(
        default=None,
        compare=False,  # a dict: not part of the event's hash
    )

    @property
    def key(self) -> tuple[object, ...]:
        """Events with the same key are one event (a headline repeating the lead)."""
        return (self.type, self.source_countries, self.source_sectors,
                self.target_countries, self.target_sectors)  # fmt: skip


@dataclass(slots=True)
class GoldItem:
    id: str
    text: str
    published: date | None
    events: list[GoldEvent] | None  # None: the item is not scored for events
    extra: dict[str, object] = field(default_factory=dict)


def _date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _side(actors: object, key: str) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(str(a[key]).upper() for a in actors if isinstance(a, dict) and a.get(key))


def _location(raw: object) -> GoldLocation | None:
    if not isinstance(raw, dict) or not (raw.get("country") or raw.get("admin1")):
        return None

    def text(key: str) -> str | None:
        return str(raw[key]).strip() or None if raw.get(key) else None

    country = text("country")
    return GoldLocation(text("name"), country.upper() if country else None, text("admin1"))


_KIND_OF = {"deported": "displaced"}  # the gold's "deported (or displaced)"


def _bound(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"magnitudes: a bound must be a whole number, not {value!r}")
    return value


def _magnitudes(raw: object) -> dict[str, tuple[int | None, int | None]] | None:
    """`[{"kind": "killed", "min": 14, "max": null, "text": ...}]` as kind -> bounds."""
    if not isinstance(raw, list) or not raw:
        return None
    figures = {}
    for figure in raw:
        kind = _KIND_OF.get(str(figure.get("kind")), str(figure.get("kind")))
        if kind not in MAGNITUDE_KINDS:
            raise TypeError(f"magnitudes: kind {kind!r} is not one of {MAGNITUDE_KINDS}")
        figures[kind] = (_bound(figure.get("min")), _bound(figure.get("max")))
    return figures


def _event(raw: dict[str, object]) -> GoldEvent:
    when = raw.get("date") if isinstance(raw.get("date"), dict) else {}
    assert isinstance(when, dict)
    return GoldEvent(
        type=str(raw["type"]).upper(),
        source_countries=_side(raw.get("source"), "country"),
        source_sectors=_side(raw.get("source"), "sector"),
        target_countries=_side(raw.get("target"), "country"),
        target_sectors=_side(raw.get("target"), "sector"),
        modality=str(raw["modality"]) if raw.get("modality") else None,
        date_start=_date(when.get("start")),
        date_end=_date(when.get("end")),
        evidence=str(raw.get("evidence") or raw.get("trigger") or ""),
        location=_location(raw.get("location")),
        magnitudes=_magnitudes(raw.get("magnitudes")),
    )


def load_gold(path: Path) -> list[GoldItem]:
    """Items of a gold file; `file` paths are relative to the gold file's folder."""
    if not path.is_file():
        raise InputError(f"No such gold file: {path}", origin=str(path))
    items = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if "text" in raw:
                text = str(raw["text"])
            else:
                text = (path.parent / str(raw["file"])).read_text("utf-8")
            events = [_event(e) for e in raw["events"]] if "events" in raw else None
        except (json.JSONDecodeError, KeyError, OSError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a gold item ({exc})", origin=str(path)) from exc
        items.append(
            GoldItem(str(raw.get("id", number)), text, _date(raw.get("published")), events)
        )
    return items
