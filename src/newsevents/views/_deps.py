"""FastAPI dependencies every route shares: the store, the event filter, paging, and
the refusal of query parameters a route does not take."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from newsevents.store import SORTS, EventFilter, Store

MAX_PAGE = 1000
_DATE = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"
_CODES = r"^([A-Za-z]{3,16}(,[A-Za-z]{3,16})*)?$"
_PAIR = r"^([A-Za-z]{3,16},[A-Za-z]{3,16})?$"
_ISO3 = r"^([A-Za-z]{3})?$"


def store_of(request: Request) -> Store:
    """The store the app was created over."""
    return request.app.state.store  # type: ignore[no-any-return]


# Each an optional text parameter; an empty value (a form's empty field) is none.
_Actor = Annotated[
    str | None, Query(max_length=100, description="Actor code prefix (VEN, USAGOV) or name")
]
_Type = Annotated[str | None, Query(max_length=16, description="PLOVER event type")]
_Quad = Annotated[
    str | None, Query(pattern="^[1-4]?$", description="Quad class: 1/2 cooperation, 3/4 conflict")
]
_Since = Annotated[
    str | None, Query(pattern=_DATE, description="Date range overlaps from (YYYY-MM-DD)")
]
_Until = Annotated[
    str | None, Query(pattern=_DATE, description="Date range overlaps until (YYYY-MM-DD)")
]
_StartsSince = Annotated[
    str | None, Query(pattern=_DATE, description="First day on or after (a chart bucket)")
]
_StartsUntil = Annotated[
    str | None, Query(pattern=_DATE, description="First day on or before (a chart bucket)")
]
_Undated = Annotated[
    str | None, Query(pattern="^(0|1|true|false)?$", description="Only undated happenings")
]
_Country = Annotated[
    str | None, Query(pattern=_ISO3, description="ISO3 country of source or target")
]
_Place = Annotated[
    str | None, Query(pattern=_ISO3, description="ISO3 country of the event's place")
]
_PlaceName = Annotated[
    str | None, Query(max_length=200, description="Exact name of the event's place (a map point)")
]
_Modality = Annotated[
    str | None,
    Query(
        max_length=16, description="asserted, negated, ...; 'any' lets every modality into charts"
    ),
]
_MinSources = Annotated[
    str | None, Query(pattern="^[0-9]{0,6}$", description="At least N independent sources")
]
_MinKilled = Annotated[
    str | None, Query(pattern="^[0-9]{0,9}$", description="At least N killed (fatalities)")
]
_Dyad = Annotated[
    str | None, Query(pattern=_PAIR, description="A,B code prefixes, either direction")
]
_Pair = Annotated[str | None, Query(pattern=_PAIR, description="A,B whole codes, either direction")]
_Code = Annotated[str | None, Query(pattern=_CODES, description="Whole codes that each take part")]
_Story = Annotated[str | None, Query(pattern="^([0-9a-f]{1,32})?$", description="Story id")]
_Q = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Full-text search: actors' names and evidence sentences, each word a prefix",
    ),
]


def event_filter(
    actor: _Actor = None,
    type: _Type = None,
    quad: _Quad = None,
    since: _Since = None,
    until: _Until = None,
    starts_since: _StartsSince = None,
    starts_until: _StartsUntil = None,
    undated: _Undated = None,
    country: _Country = None,
    place: _Place = None,
    place_name: _PlaceName = None,
    modality: _Modality = None,
    min_sources: _MinSources = None,
    min_killed: _MinKilled = None,
    dyad: _Dyad = None,
    pair: _Pair = None,
    code: _Code = None,
    story: _Story = None,
    q: _Q = None,
) -> EventFilter:
    """The filter every listing, chart and download takes. An empty value is no
    filter, as a web form sends its empty fields."""
    given = {
        "actor": actor,
        "type": type,
        "quad": quad,
        "since": since,
        "until": until,
        "starts_since": starts_since,
        "starts_until": starts_until,
        "undated": undated,
        "country": country,
        "place": place,
        "place_name": place_name,
        "modality": modality,
        "min_sources": min_sources,
        "min_killed": min_killed,
        "dyad": dyad,
        "pair": pair,
        "code": code,
        "story": story,
        "q": q,
    }
    return EventFilter.from_params(given)


_KNOWN: dict[int, frozenset[str]] = {}


def reject_unknown_parameters(request: Request) -> None:
    """A misspelled parameter (`actr=VEN`) is a 400 naming it, never silently ignored."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = _KNOWN.get(id(route))
    if known is None:
        known = _KNOWN[id(route)] = frozenset(_query_names(route.dependant))
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        taken = ", ".join(sorted(known)) or "none"
        raise HTTPException(
            400, f"unknown query parameter(s): {', '.join(unknown)}; this endpoint takes: {taken}"
        )


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


StoreDep = Annotated[Store, Depends(store_of)]
Where = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many rows")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip")]
Sort = Annotated[
    str,
    Query(
        pattern="^-?(date|sources|mentions|confidence)$",
        description="; ".join(f"{k}: {v}" for k, v in SORTS.items()),
    ),
]
Period = Annotated[
    str, Query(pattern="^(week|month|year)$", description="Bucket size: week, month or year")
]
