"""Server-rendered pages: explorer, evidence, article, timeline, dyad, network, ingest.

Charts are SVG drawn here, on the server: no JavaScript library to vendor, nothing
fetched at run time, and every bar, line and edge is a link to the happenings behind
it. The only script is the ingest page's, which posts to the API with the token.
"""

from __future__ import annotations

import math
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from newsevents.api._app import Filters  # the API's filters: one definition for both
from newsevents.api._charts import network, series
from newsevents.model import MODALITIES, PLOVER_TYPES
from newsevents.plover import QUAD_CLASSES
from newsevents.store import Store

PAGE_SIZE = 50
_ID = r"^[0-9a-f]{1,32}$"
_QUAD_COLOURS = {1: "#4c9be8", 2: "#1f7a3a", 3: "#e89b2f", 4: "#c0392b"}


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


def _form_values(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items() if v}


def _bar_chart(rows: list[dict[str, Any]], link: dict[str, Any]) -> Markup:
    """Stacked bars per period by quad class; each segment links to its happenings."""
    if not rows:
        return Markup('<p class="empty">No dated happenings match.</p>')
    width, height, pad = 900, 260, 30
    step = (width - 2 * pad) / len(rows)
    peak = max(r["total"] for r in rows) or 1
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + 40}" role="img">']
    for i, row in enumerate(rows):
        x, y = pad + i * step, height
        for quad in (1, 2, 3, 4):
            count = row["quad_classes"][str(quad)]
            if not count:
                continue
            h = (height - pad) * count / peak
            y -= h
            href = "/?" + _query(link, since=row["since"], until=row["until"], quad=quad)
            parts.append(
                f'<a href="{escape(href)}"><rect x="{x + 1:.1f}" y="{y:.1f}" '
                f'width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="{_QUAD_COLOURS[quad]}">'
                f"<title>{escape(row['period'])}: {count} {QUAD_CLASSES[quad]}</title></rect></a>"
            )
        if len(rows) <= 24 or i % math.ceil(len(rows) / 24) == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height + 14}" text-anchor="middle">'
                f"{escape(row['period'][:7])}</text>"
            )
    parts.append(f'<text x="{pad}" y="{pad - 8}">max {peak} per period</text></svg>')
    return Markup("".join(parts))


def _dyad_chart(rows: list[dict[str, Any]], link: dict[str, Any]) -> Markup:
    """Cooperation above the axis, conflict below, per period; each bar is a link."""
    if not rows:
        return Markup('<p class="empty">No dated happenings between these actors.</p>')
    width, half, pad = 900, 120, 30
    step = (width - 2 * pad) / len(rows)
    peak = max(max(r["cooperation"], r["conflict"]) for r in rows) or 1
    axis = pad + half
    parts = [
        f'<svg class="chart" id="dyad-chart" viewBox="0 0 {width} {2 * half + 2 * pad + 20}" '
        'role="img">',
        f'<line x1="{pad}" x2="{width - pad}" y1="{axis}" y2="{axis}" stroke="#555"/>',
    ]
    for i, row in enumerate(rows):
        x = pad + i * step + 1
        href = escape("/?" + _query(link, since=row["since"], until=row["until"]))
        for kind, sign, colour in (("cooperation", -1, "#1f7a3a"), ("conflict", 1, "#c0392b")):
            h = half * row[kind] / peak
            y = axis - h if sign < 0 else axis
            parts.append(
                f'<a href="{href}"><rect class="{kind}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(row['period'])}: {row[kind]} {kind}, "
                f"score {row['score']}</title></rect></a>"
            )
        if len(rows) <= 24 or i % math.ceil(len(rows) / 24) == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{2 * half + 2 * pad + 10}" '
                f'text-anchor="middle">{escape(row["period"][:7])}</text>'
            )
    parts.append(
        f'<text x="{pad}" y="{pad - 10}">cooperation ▲ (max {peak})</text>'
        f'<text x="{pad}" y="{2 * half + 2 * pad - 8}">conflict ▼</text></svg>'
    )
    return Markup("".join(parts))


def _network_chart(graph: dict[str, Any], link: dict[str, Any]) -> Markup:
    """Actors on a circle, edges weighted by happenings and coloured by quad class."""
    nodes = graph["nodes"]
    if not nodes:
        return Markup('<p class="empty">No interactions match.</p>')
    size, radius = 700, 280
    centre = size / 2
    where = {
        n["code"]: (
            centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2),
        )
        for i, n in enumerate(nodes)
    }
    heaviest = max((e["events"] for e in graph["edges"]), default=1)
    parts = [f'<svg class="chart" id="network-chart" viewBox="0 0 {size} {size}" role="img">']
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = where[edge["a"]], where[edge["b"]]
        href = escape("/?" + _query(link, dyad=f"{edge['a']},{edge['b']}"))
        width = 1 + 6 * math.log1p(edge["events"]) / math.log1p(heaviest)
        parts.append(
            f'<a href="{href}"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{_QUAD_COLOURS[edge["quad_class"]]}" stroke-width="{width:.1f}" '
            f'stroke-opacity="0.7"><title>{escape(edge["a"])}–{escape(edge["b"])}: '
            f"{edge['events']} happenings</title></line></a>"
        )
    biggest = max(n["events"] for n in nodes)
    for node in nodes:
        x, y = where[node["code"]]
        r = 4 + 10 * math.sqrt(node["events"] / biggest)
        href = escape("/?" + _query(link, actor=node["code"]))
        parts.append(
            f'<a href="{href}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#333">'
            f"<title>{escape(node['code'])}: {node['events']}</title></circle>"
            f'<text x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle">'
            f"{escape(node['code'])}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def add_pages(app: FastAPI, store: Store) -> None:
    """Mount the web UI on the API app; pages read the same store with the same filters."""
    folder = resources.files("newsevents.web")
    templates = Jinja2Templates(directory=str(folder / "templates"))
    templates.env.globals |= {
        "types": PLOVER_TYPES,
        "modalities": MODALITIES,
        "quads": QUAD_CLASSES,
        "quad_colours": _QUAD_COLOURS,
        "highlight": highlight,
        "query": _query,
    }
    app.mount("/static", StaticFiles(directory=str(folder / "static")), name="static")

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(
            request, name, {"params": _form_values(request), **context}
        )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def explorer(
        request: Request,
        chosen: Filters,
        page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        total = store.count_happenings(**chosen)
        rows = store.query_happenings(
            **chosen, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE
        )
        evidence = store.mentions_of([r["id"] for r in rows])
        return page(
            request,
            "explorer.html",
            rows=rows,
            evidence=evidence,
            total=total,
            page_number=page_number,
            pages=max(1, math.ceil(total / PAGE_SIZE)),
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: Annotated[str, Path(pattern=_ID)]) -> HTMLResponse:
        found = store.query_happenings(happening_id=event_id, limit=1)
        if not found:
            raise HTTPException(404, f"no event {event_id!r}")
        mentions = store.mentions_of([event_id])[event_id]
        return page(request, "event.html", event=found[0], mentions=mentions)

    @app.get("/articles/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: Annotated[str, Path(pattern=_ID)]) -> HTMLResponse:
        document = store.document(doc_id)
        if document is None:
            raise HTTPException(404, f"no article {doc_id!r}")
        events = store.query_events(doc_id=doc_id, limit=None, include_duplicates=True)
        return page(request, "article.html", document=document, events=events)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(
        request: Request,
        chosen: Filters,
        period: Annotated[str, Query(pattern="^(week|month|year)$")] = "month",
    ) -> HTMLResponse:
        rows = series(store, period=period, **chosen)
        chart = _bar_chart(rows, _form_values(request))
        return page(request, "timeline.html", rows=rows, chart=chart, period=period)

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request,
        chosen: Filters,
        a: Annotated[str, Query(pattern="^[A-Za-z]{0,16}$")] = "",
        b: Annotated[str, Query(pattern="^[A-Za-z]{0,16}$")] = "",
        period: Annotated[str, Query(pattern="^(week|month|year)$")] = "month",
    ) -> HTMLResponse:
        rows: list[dict[str, Any]] = []
        chart = Markup('<p class="empty">Choose two actors, e.g. USA and VEN.</p>')
        if len(a) >= 3 and len(b) >= 3:
            chosen["dyad"] = (a, b)
            rows = series(store, period=period, **chosen)
            link = {k: v for k, v in _form_values(request).items() if k not in {"a", "b", "period"}}
            chart = _dyad_chart(rows, link | {"dyad": f"{a.upper()},{b.upper()}"})
        actors = store.actor_counts(limit=200)
        return page(
            request, "dyad.html", rows=rows, chart=chart, a=a, b=b, period=period, actors=actors
        )

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request, chosen: Filters, top: Annotated[int, Query(ge=2, le=200)] = 30
    ) -> HTMLResponse:
        graph = network(store, top=top, **chosen)
        link = {k: v for k, v in _form_values(request).items() if k != "top"}
        return page(
            request, "network.html", graph=graph, chart=_network_chart(graph, link), top=top
        )

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        request: Request,
        q: Annotated[str | None, Query(max_length=100)] = None,
        page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        rows = store.query_stories(
            search=q or None, limit=PAGE_SIZE + 1, offset=(page_number - 1) * PAGE_SIZE
        )
        return page(
            request,
            "stories.html",
            rows=rows[:PAGE_SIZE],
            more=len(rows) > PAGE_SIZE,
            page_number=page_number,
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: Annotated[str, Path(pattern=_ID)]) -> HTMLResponse:
        found = store.query_stories(story_id=story_id, limit=1)
        if not found:
            raise HTTPException(404, f"no story {story_id!r}")
        return page(
            request,
            "story.html",
            story=found[0],
            articles=store.story_documents(story_id),
            events=store.query_happenings(story=story_id, limit=None),
        )

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request) -> HTMLResponse:
        return page(request, "ingest.html", writable=app.state.writable)
