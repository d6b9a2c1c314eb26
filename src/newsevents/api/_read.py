"""Read-only routes: happenings, mentions, actors, stories, articles, statistics."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from newsevents import __version__
from newsevents.api._schemas import ActorList, HappeningPage, HappeningWithMentions, MentionPage
from newsevents.codebook import codebook
from newsevents.plover import QUAD_CLASSES
from newsevents.store import EventFilter
from newsevents.views import Limit, Offset, Sort, StoreDep, Where

router = APIRouter()
_ID = r"^[0-9a-f]{1,32}$"
_DATE = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"


@router.get("/api/events", tags=["events"], response_model=HappeningPage)
def list_events(
    store: StoreDep, where: Where, limit: Limit = 100, offset: Offset = 0, sort: Sort = "date"
) -> dict[str, Any]:
    """Happenings (mentions merged across articles), with their mentions, articles and
    independent sources; filtered, sorted (oldest first by default) and paginated."""
    return {
        "items": store.query_happenings(where, limit=limit, offset=offset, sort=sort),
        "total": store.count_happenings(where),
        "limit": limit,
        "offset": offset,
    }


@router.get("/api/events/{event_id}", tags=["events"], response_model=HappeningWithMentions)
def get_event(store: StoreDep, event_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
    """One happening (or the happening of a mention id) with every mention's evidence:
    sentence, character spans, article and URL."""
    found = store.query_happenings(happening_id=event_id, limit=1)
    if not found:
        mention = store.query_events(event_id=event_id, limit=1, include_duplicates=True)
        owner = mention[0].get("happening_id") if mention else None
        found = store.query_happenings(happening_id=owner, limit=1) if owner else []
    if not found:
        raise HTTPException(404, f"no event {event_id!r}")
    happening = found[0]
    return happening | {"mentions": store.mentions_of([happening["id"]])[happening["id"]]}


@router.get("/api/mentions", tags=["events"], response_model=MentionPage)
def list_mentions(
    store: StoreDep,
    where: Where,
    limit: Limit = 100,
    offset: Offset = 0,
    all: Annotated[bool, Query(description="Include the copies' mentions")] = False,
) -> dict[str, Any]:
    """Every article's report of the happenings the filter keeps, oldest first."""
    items = store.query_events(where, limit=limit, offset=offset, include_duplicates=all)
    return {"items": items, "limit": limit, "offset": offset}


@router.get("/api/actors", tags=["actors"], response_model=ActorList)
def list_actors(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=100, description="Code prefix or name")] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    """Actor codes by the number of happenings they take part in."""
    return {"items": store.actor_counts(search=q, limit=limit)}


@router.get("/api/stories", tags=["stories"])
def list_stories(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=100, description="Words of the title")] = None,
    since: Annotated[str | None, Query(pattern=_DATE)] = None,
    until: Annotated[str | None, Query(pattern=_DATE)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Developing stories, latest first: title, time span, articles, happenings."""
    items = store.query_stories(
        limit=limit,
        offset=offset,
        search=q,
        since=_day("since", since),
        until=_day("until", until),
    )
    return {"items": items, "limit": limit, "offset": offset}


def _day(name: str, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(400, f"query.{name}: not a date (YYYY-MM-DD)") from None


@router.get("/api/stories/{story_id}", tags=["stories"])
def get_story(store: StoreDep, story_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
    """One story with its articles and happenings."""
    found = store.query_stories(story_id=story_id, limit=1)
    if not found:
        raise HTTPException(404, f"no story {story_id!r}")
    return found[0] | {
        "articles": store.story_documents(story_id),
        "events": store.query_happenings(EventFilter(story=story_id), limit=None),
    }


@router.get("/api/stats", tags=["stats"])
def stats(store: StoreDep, request: Request) -> dict[str, Any]:
    """Rows per table, happenings per modality, and the asserted ones (what charts
    count) per type and quad class; the span of dates and how many are undated."""
    per_type: dict[str, int] = {}
    per_quad: dict[str, int] = {}
    per_modality: dict[str, int] = {}
    days: list[str] = []
    facts = store.happening_facts("type", "quad_class", "date_start", "modality")
    for kind, quad, day, modality in facts:
        per_modality[modality] = per_modality.get(modality, 0) + 1
        if modality == "asserted":
            per_type[kind] = per_type.get(kind, 0) + 1
            per_quad[QUAD_CLASSES[quad]] = per_quad.get(QUAD_CLASSES[quad], 0) + 1
        if day:
            days.append(str(day)[:10])
    return {
        "counts": store.counts(),
        "modalities": dict(sorted(per_modality.items())),
        "types": dict(sorted(per_type.items())),
        "quad_classes": per_quad,
        "undated": len(facts) - len(days),
        "first_date": min(days, default=None),
        "last_date": max(days, default=None),
        "writable": request.app.state.token is not None,
        "version": __version__,
    }


@router.get("/api/codebook", tags=["codebook"])
def get_codebook() -> dict[str, Any]:
    """What every code means: types and modes (CAMEO code, Goldstein score, quad
    class), quad classes, modalities, actor sectors and the record's fields."""
    return codebook()


@router.get("/api/documents/{doc_id}", tags=["documents"])
def get_document(store: StoreDep, doc_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
    """One article: its clean text, what cleaning removed, and its events."""
    document = store.document(doc_id)
    if document is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    events = store.query_events(doc_id=doc_id, limit=None, include_duplicates=True)
    return document | {"events": events}
