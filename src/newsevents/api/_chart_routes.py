"""The charts' numbers: timeline, dyad trend, actor network and map.

Aggregates count asserted happenings unless `modality` is given (`any` counts every
modality); each bucket, node and edge carries the query parameters of its rows."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from newsevents.api._schemas import MapCounts, Network, Series
from newsevents.store import EventFilter, Store
from newsevents.views import Period, StoreDep, Where, map_counts, network, series, undated

router = APIRouter(tags=["charts"])
_CODE = "^[A-Za-z]{3,16}$"


@router.get("/api/timeline", response_model=Series)
def timeline(store: StoreDep, where: Where, period: Period = "month") -> dict[str, Any]:
    """Happenings per period of their first day, by quad class and type, with the
    Goldstein sum; `undated` counts those no period can hold."""
    return _series(store, where.counted(), period)


@router.get("/api/dyads", response_model=Series)
def dyad(
    store: StoreDep,
    a: Annotated[str, Query(pattern=_CODE, description="First actor's code prefix")],
    b: Annotated[str, Query(pattern=_CODE, description="Second actor's code prefix")],
    where: Where,
    period: Period = "month",
) -> dict[str, Any]:
    """Happenings between two actors (either direction, code prefixes) per period:
    counts by quad class and type, cooperation vs conflict, Goldstein score."""
    counted = where.counted().narrowed(dyad=(a.upper(), b.upper()))
    return {"a": a.upper(), "b": b.upper(), **_series(store, counted, period)}


def _series(store: Store, counted: EventFilter, period: str) -> dict[str, Any]:
    """A chart's counts per period, the modality counted, and the undated happenings."""
    return {
        "period": period,
        "modality": counted.modality,
        "series": series(store, counted, period=period),
        "undated": undated(store, counted),
    }


@router.get("/api/network", response_model=Network)
def actor_network(
    store: StoreDep,
    where: Where,
    top: Annotated[int, Query(ge=2, le=200, description="How many actors")] = 30,
) -> dict[str, Any]:
    """The most active actors (whole codes) and the happenings between each pair."""
    counted = where.counted()
    return {"modality": counted.modality} | network(store, counted, top=top)


@router.get("/api/map", response_model=MapCounts)
def event_map(store: StoreDep, where: Where) -> dict[str, Any]:
    """Happenings per country of their place and per place (name, admin1, lat/lon),
    each with the query parameters of exactly its rows."""
    counted = where.counted()
    return {"modality": counted.modality} | map_counts(store, counted)
