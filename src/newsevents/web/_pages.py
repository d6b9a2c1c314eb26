"""Server-rendered pages: explorer, evidence, article, timeline, dyad, network, map,
ingest.

Pages read the same store through the same dependencies as the API, with the same
`EventFilter`; the only script is the ingest page's, which posts to the API with the
token, and the explorer's evidence toggle.
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import PurePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from newsevents.codebook import codebook
from newsevents.model import MODALITIES, PLOVER_TYPES
from newsevents.plover import QUAD_CLASSES
from newsevents.store import ANY_MODALITY, SORTS, EventFilter
from newsevents.views import (
    Period,
    Sort,
    StoreDep,
    Where,
    map_counts,
    network,
    series,
    undated,
)
from newsevents.web._map_svg import outlines, world_map
from newsevents.web._svg import QUAD_COLOURS, bar_chart, dyad_chart, network_chart, rows_link

PAGE_SIZE = 50
_ID = r"^[0-9a-f]{1,32}$"
_FOLDER = resources.files("newsevents.web")
_TEMPLATES = Jinja2Templates(directory=str(_FOLDER / "templates"))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def highlight(mention: dict[str, Any]) -> Markup:
    """The evidence sentence with its trigger, source, target, place and speaker marked."""
    sentence, offset = mention["sentence"], mention["sentence_start"]
    spans = []
    for role in ("reported_by", "source", "trigger", "target", "place"):
        start, end = mention.get(f"{role}_start"), mention.get(f"{role}_end")
        if (
            start is not None
            and end is not None
            and offset <= start < end <= offset + len(sentence)
        ):
            spans.append((start - offset, end - offset, role))
    spans.sort()
    pieces, cursor = [], 0
    for start, end, role in spans:
        if start < cursor:
            continue  # an overlapping span (an actor inside the trigger phrase) is shown once
        pieces.append(escape(sentence[cursor:start]))
        pieces.append(Markup('<mark class="{}">{}</mark>').format(role, sentence[start:end]))
        cursor = end
    pieces.append(escape(sentence[cursor:]))
    return Markup("").join(pieces)


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in (params | changes).items() if v not in (None, "", ())}
    return urlencode(merged)


def shown_origin(origin: str | None) -> str:
    """Where an article came from, without the server's folders: a URL as it is, a
    local file by its name alone."""
    if not origin or "://" in origin:
        return origin or ""
    return PurePath(origin).name or origin


_TEMPLATES.env.filters["origin"] = shown_origin
_TEMPLATES.env.globals |= {
    "types": PLOVER_TYPES,
    "modalities": MODALITIES,
    "any_modality": ANY_MODALITY,
    "quads": QUAD_CLASSES,
    "quad_colours": QUAD_COLOURS,
    "highlight": highlight,
    "query": _query,
    "rows_link": rows_link,
}


def mount(app: FastAPI) -> None:
    """Mount the web UI and its static files on the API app."""
    app.mount("/static", StaticFiles(directory=str(_FOLDER / "static")), name="static")
    app.include_router(router)


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items() if v}
    return _TEMPLATES.TemplateResponse(request, name, {"params": params, **context})


@router.get("/")
def explorer(
    request: Request,
    store: StoreDep,
    where: Where,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    sort: Sort = "date",
) -> HTMLResponse:
    total = store.count_happenings(where)
    offset = (page_number - 1) * PAGE_SIZE
    rows = store.query_happenings(where, limit=PAGE_SIZE, offset=offset, sort=sort)
    return _page(
        request,
        "explorer.html",
        rows=rows,
        evidence=store.mentions_of([r["id"] for r in rows]),
        total=total,
        link=where.to_params() | ({"sort": sort} if sort != "date" else {}),
        where=where,
        sort=sort,
        sorts=SORTS,
        page_number=page_number,
        pages=max(1, math.ceil(total / PAGE_SIZE)),
    )


@router.get("/events/{event_id}")
def event_page(
    request: Request, store: StoreDep, event_id: Annotated[str, Path(pattern=_ID)]
) -> HTMLResponse:
    found = store.query_happenings(happening_id=event_id, limit=1)
    if not found:
        raise HTTPException(404, f"no event {event_id!r}")
    mentions = store.mentions_of([event_id])[event_id]
    return _page(request, "event.html", event=found[0], mentions=mentions)


@router.get("/articles/{doc_id}")
def article_page(
    request: Request, store: StoreDep, doc_id: Annotated[str, Path(pattern=_ID)]
) -> HTMLResponse:
    document = store.document(doc_id)
    if document is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    events = store.query_events(doc_id=doc_id, limit=None, include_duplicates=True)
    return _page(request, "article.html", document=document, events=events)


def _counting(where: EventFilter) -> dict[str, Any]:
    """What a chart page says about the modality it counts (the switch's state)."""
    counted = where.counted()
    return {"counted": counted, "all_modalities": counted.modality == ANY_MODALITY}


@router.get("/timeline")
def timeline_page(
    request: Request, store: StoreDep, where: Where, period: Period = "month"
) -> HTMLResponse:
    counted = where.counted()
    rows = series(store, counted, period=period)
    return _page(
        request,
        "timeline.html",
        rows=rows,
        chart=bar_chart(rows),
        period=period,
        undated=undated(store, counted),
        **_counting(where),
    )


@router.get("/dyad")
def dyad_page(
    request: Request,
    store: StoreDep,
    where: Where,
    a: Annotated[str, Query(pattern="^[A-Za-z]{0,16}$")] = "",
    b: Annotated[str, Query(pattern="^[A-Za-z]{0,16}$")] = "",
    period: Period = "month",
) -> HTMLResponse:
    rows: list[dict[str, Any]] = []
    chart = Markup('<p class="empty">Choose two actors, e.g. USA and VEN.</p>')
    none: dict[str, Any] | None = None
    if len(a) >= 3 and len(b) >= 3:
        counted = where.counted().narrowed(dyad=(a.upper(), b.upper()))
        rows = series(store, counted, period=period)
        chart, none = dyad_chart(rows), undated(store, counted)
    return _page(
        request,
        "dyad.html",
        rows=rows,
        chart=chart,
        a=a,
        b=b,
        period=period,
        undated=none,
        actors=store.actor_counts(limit=200),
        **_counting(where),
    )


@router.get("/network")
def network_page(
    request: Request,
    store: StoreDep,
    where: Where,
    top: Annotated[int, Query(ge=2, le=200)] = 30,
) -> HTMLResponse:
    graph = network(store, where.counted(), top=top)
    return _page(
        request,
        "network.html",
        graph=graph,
        chart=network_chart(graph),
        top=top,
        **_counting(where),
    )


@router.get("/map")
def map_page(request: Request, store: StoreDep, where: Where) -> HTMLResponse:
    counts = map_counts(store, where.counted())
    return _page(
        request,
        "map.html",
        counts=counts,
        chart=world_map(counts),
        names={iso3: name for iso3, (name, _) in outlines().items()},
        **_counting(where),
    )


@router.get("/stories")
def stories_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    rows = store.query_stories(
        search=q or None, limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE
    )
    return _page(
        request,
        "stories.html",
        rows=rows[:PAGE_SIZE],
        more=len(rows) > PAGE_SIZE,
        page_number=page_number,
    )


@router.get("/stories/{story_id}")
def story_page(
    request: Request, store: StoreDep, story_id: Annotated[str, Path(pattern=_ID)]
) -> HTMLResponse:
    found = store.query_stories(story_id=story_id, limit=1)
    if not found:
        raise HTTPException(404, f"no story {story_id!r}")
    return _page(
        request,
        "story.html",
        story=found[0],
        articles=store.story_documents(story_id),
        events=store.query_happenings(EventFilter(story=story_id), limit=None),
    )


@router.get("/codebook")
def codebook_page(request: Request) -> HTMLResponse:
    return _page(request, "codebook.html", book=codebook())


@router.get("/ingest")
def ingest_page(request: Request) -> HTMLResponse:
    return _page(request, "ingest.html", writable=request.app.state.writable)
