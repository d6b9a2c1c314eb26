"""The HTTP API and web UI over a store.

Read endpoints are open; `POST /api/articles` needs the bearer token given at start-up
and without one the server is read-only. Every error has one shape,
`{"error": {"status": 404, "message": "..."}}`, never a stack trace.
"""

from __future__ import annotations

import hmac
import html
import io
import itertools
import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsevents import __version__
from newsevents.api._charts import network, series
from newsevents.api._jobs import IngestJobs
from newsevents.errors import ConfigError, NewsEventsError
from newsevents.export import export_events
from newsevents.model import MODALITIES, PLOVER_TYPES
from newsevents.plover import QUAD_CLASSES
from newsevents.store import EVENT_COLUMNS, HAPPENING_COLUMNS, Store

logger = logging.getLogger(__name__)

MAX_PAGE = 1000
MAX_BATCH = 100  # articles per POST
MAX_BODY_BYTES = 10 * 2**20
MAX_ARTICLE_CHARS = 5_000_000
_ID = r"^[0-9a-f]{1,32}$"
_DATE = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"
_DOWNLOADS = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"status": status, "message": message}}, status_code=status, headers=headers
    )


def _error_for(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """JSON for the API, a plain page for a person on the web UI."""
    if request.url.path.startswith(("/api/", "/docs", "/openapi")):
        return _error(status, message, headers)
    body = (
        f'<!doctype html><title>{status}</title><link rel="stylesheet" href="/static/style.css">'
        f'<main><h1>{status}</h1><p class="warning">{html.escape(message)}</p>'
        '<p><a href="/">Back to the events</a></p></main>'
    )
    return HTMLResponse(body, status_code=status, headers=headers)


class _Guard:
    """Refuse what no endpoint can take before the app sees it: a NUL character in the
    URL (400; PostgreSQL cannot even compare with one) and request bodies over a size
    (413), whether the client declares the length or streams it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url = scope.get("raw_path", b"") + b"?" + scope.get("query_string", b"")
        if b"%00" in url or b"\x00" in url or "\x00" in scope.get("path", ""):
            await _error(400, "NUL characters are not allowed in a URL")(scope, receive, send)
            return
        if scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")  # bytes.isdigit(): ASCII only
        too_big = _error(413, f"request body over {self.limit} bytes")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await too_big(scope, receive, send)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await too_big(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class ArticleIn(BaseModel):
    """One article: its text or its HTML, with what is known about it."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    published: date | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class IngestRequest(BaseModel):
    """One article (`text` or `html`, with `url`, `title`, `published`), or a batch of
    them as `articles`."""

    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] | None = Field(None, min_length=1, max_length=MAX_BATCH)
    text: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    published: date | None = None

    def batch(self) -> list[ArticleIn]:
        if self.articles is not None:
            return self.articles
        return [ArticleIn.model_validate(self.model_dump(exclude={"articles"}))]

    @model_validator(mode="after")
    def _batch_or_one(self) -> IngestRequest:
        single = (self.text, self.html, self.url, self.title, self.published)
        if self.articles is not None and any(v is not None for v in single):
            raise ValueError("give either articles or one article's fields, not both")
        if self.articles is None and (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html (or a list of articles)")
        return self


def _day(name: str, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(400, f"query.{name}: not a date (YYYY-MM-DD)") from None


def happening_filters(
    actor: Annotated[str | None, Query(max_length=100, description="Code prefix or name")] = None,
    type: Annotated[str | None, Query(max_length=16, description="PLOVER type")] = None,
    quad: Annotated[str | None, Query(pattern="^[1-4]?$", description="Quad class 1-4")] = None,
    since: Annotated[str | None, Query(pattern=_DATE, description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(pattern=_DATE, description="YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(pattern="^([A-Za-z]{3})?$")] = None,
    modality: Annotated[str | None, Query(max_length=16)] = None,
    min_sources: Annotated[str | None, Query(pattern="^[0-9]{0,6}$")] = None,
    dyad: Annotated[
        str | None, Query(pattern="^([A-Za-z]{3,16},[A-Za-z]{3,16})?$", description="A,B codes")
    ] = None,
    story: Annotated[
        str | None, Query(pattern="^([0-9a-f]{1,32})?$", description="Story id")
    ] = None,
    place: Annotated[
        str | None, Query(pattern="^([A-Za-z]{3})?$", description="ISO3 of the event's place")
    ] = None,
) -> dict[str, Any]:
    """The filters every listing, chart and download takes. An empty value is no filter,
    as a web form sends its empty fields."""
    if type and type.upper() not in PLOVER_TYPES:
        raise HTTPException(400, f"unknown type {type!r}; one of {', '.join(PLOVER_TYPES)}")
    if modality and modality not in MODALITIES:
        raise HTTPException(400, f"unknown modality {modality!r}; one of {', '.join(MODALITIES)}")
    return {
        "actor": actor or None,
        "type": type or None,
        "quad_class": int(quad) if quad else None,
        "since": _day("since", since),
        "until": _day("until", until),
        "country": country or None,
        "modality": modality or None,
        "min_sources": int(min_sources) if min_sources else None,
        "dyad": tuple(dyad.split(",")) if dyad else None,
        "story": story or None,
        "place": place or None,
    }


_MENTION_FILTERS = ("actor", "type", "since", "until", "country")


def mention_filters(
    chosen: Annotated[dict[str, Any], Depends(happening_filters)],
) -> dict[str, Any]:
    """Mentions take the filters their own rows carry."""
    return {k: chosen[k] for k in _MENTION_FILTERS}


Filters = Annotated[dict[str, Any], Depends(happening_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _read_token(token_file: str | None) -> str | None:
    if token_file is None:
        return None
    try:
        token = FilePath(token_file).read_text("utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"Cannot read the token file {token_file}: {exc.strerror}") from None
    if len(token) < 16:
        raise ConfigError(f"The token in {token_file} is too short: use at least 16 characters")
    return token


def create_app(db: str, *, token_file: str | None = None) -> FastAPI:
    """The API and web UI over the database at `db` (a SQLite path or a database URL)."""
    store = Store.open(db, must_exist=True)
    token = _read_token(token_file)
    jobs = IngestJobs(store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()  # a queued job finishes its batch: nothing half-written

    app = FastAPI(title="newsevents", version=__version__, description=__doc__, lifespan=lifespan)
    app.state.store, app.state.jobs, app.state.writable = store, jobs, token is not None
    app.add_middleware(_Guard, limit=MAX_BODY_BYTES)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error_for(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error_for(request, 400, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(NewsEventsError)
    async def engine_error(request: Request, exc: NewsEventsError) -> Response:
        return _error_for(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error")  # the trace goes to the log, not the client
        return _error_for(request, 500, "internal error; see the server log")

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "this server is read-only: start it with --token-file")
        scheme, _, given = (authorization or "").partition(" ")
        challenge = {"WWW-Authenticate": "Bearer"}
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(401, "send the token as 'Authorization: Bearer TOKEN'", challenge)
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "wrong token", challenge)

    @app.get("/api/events", tags=["events"])
    def list_events(chosen: Filters, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Happenings (mentions merged across articles), oldest first, with their
        mentions, articles and independent sources; filtered and paginated."""
        return {
            "items": store.query_happenings(**chosen, limit=limit, offset=offset),
            "total": store.count_happenings(**chosen),
            "limit": limit,
            "offset": offset,
        }

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(event_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
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

    @app.get("/api/mentions", tags=["events"])
    def list_mentions(
        chosen: Annotated[dict[str, Any], Depends(mention_filters)],
        limit: Limit = 100,
        offset: Offset = 0,
        all: Annotated[bool, Query(description="Include the copies' mentions")] = False,
    ) -> dict[str, Any]:
        """Every article's report of an event, with its evidence, oldest first."""
        items = store.query_events(**chosen, limit=limit, offset=offset, include_duplicates=all)
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/api/actors", tags=["actors"])
    def list_actors(
        q: Annotated[str | None, Query(max_length=100)] = None, limit: Limit = 100
    ) -> dict[str, Any]:
        """Actor codes by the number of happenings they take part in."""
        return {"items": store.actor_counts(search=q, limit=limit)}

    @app.get("/api/dyads", tags=["charts"])
    def dyad(
        a: Annotated[str, Query(pattern="^[A-Za-z]{3,16}$")],
        b: Annotated[str, Query(pattern="^[A-Za-z]{3,16}$")],
        chosen: Filters,
        period: Annotated[str, Query(pattern="^(week|month|year)$")] = "month",
    ) -> dict[str, Any]:
        """Happenings between two actors (either direction, code prefixes) per period:
        counts by quad class and type, cooperation vs conflict, Goldstein score."""
        chosen["dyad"] = (a, b)
        rows = series(store, period=period, **chosen)
        return {"a": a.upper(), "b": b.upper(), "period": period, "series": rows}

    @app.get("/api/timeline", tags=["charts"])
    def timeline(
        chosen: Filters, period: Annotated[str, Query(pattern="^(week|month|year)$")] = "month"
    ) -> dict[str, Any]:
        """Happenings per period by quad class and type."""
        return {"period": period, "series": series(store, period=period, **chosen)}

    @app.get("/api/network", tags=["charts"])
    def actor_network(
        chosen: Filters, top: Annotated[int, Query(ge=2, le=200)] = 30
    ) -> dict[str, Any]:
        """The most active actors and the happenings between them."""
        return network(store, top=top, **chosen)

    @app.get("/api/stories", tags=["stories"])
    def list_stories(
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

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
        """One story with its articles and happenings."""
        found = store.query_stories(story_id=story_id, limit=1)
        if not found:
            raise HTTPException(404, f"no story {story_id!r}")
        return found[0] | {
            "articles": store.story_documents(story_id),
            "events": store.query_happenings(story=story_id, limit=None),
        }

    @app.get("/api/stats", tags=["stats"])
    def stats() -> dict[str, Any]:
        """Rows per table, happenings per type and quad class, the span of dates."""
        per_type: dict[str, int] = {}
        per_quad: dict[str, int] = {}
        days: list[str] = []
        for kind, quad, day in store.happening_facts("type", "quad_class", "date_start"):
            per_type[kind] = per_type.get(kind, 0) + 1
            per_quad[QUAD_CLASSES[quad]] = per_quad.get(QUAD_CLASSES[quad], 0) + 1
            if day:
                days.append(str(day)[:10])
        return {
            "counts": store.counts(),
            "types": dict(sorted(per_type.items())),
            "quad_classes": per_quad,
            "first_date": min(days, default=None),
            "last_date": max(days, default=None),
            "writable": token is not None,
            "version": __version__,
        }

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def get_document(doc_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
        """One article: its clean text, what cleaning removed, and its events."""
        document = store.document(doc_id)
        if document is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        events = store.query_events(doc_id=doc_id, limit=None, include_duplicates=True)
        return document | {"events": events}

    @app.get("/api/download/{view}", tags=["downloads"])
    def download(
        view: Annotated[str, Path(pattern="^(events|mentions)$")],
        chosen: Filters,
        format: Annotated[str, Query(pattern="^(csv|jsonl|parquet)$")] = "csv",
    ) -> Response:
        """The filtered view as CSV, JSON Lines or Parquet: happenings (`events`) or
        every report (`mentions`)."""
        if view == "mentions":
            rows = store.iter_event_rows(**{k: chosen[k] for k in _MENTION_FILTERS})
            columns: tuple[str, ...] = EVENT_COLUMNS
        else:
            rows, columns = store.iter_happenings(**chosen), HAPPENING_COLUMNS
        headers = {"Content-Disposition": f'attachment; filename="{view}.{format}"'}
        if format == "parquet":  # a footer-last format: built whole, then sent
            buffer = io.BytesIO()
            export_events(rows, "parquet", buffer, columns=columns)
            return Response(buffer.getvalue(), media_type=_DOWNLOADS[format], headers=headers)
        chunks = _streamed(rows, format, columns)
        first = next(chunks)  # a failing query answers an error here, not a cut-off 200
        return StreamingResponse(
            itertools.chain([first], chunks), media_type=_DOWNLOADS[format], headers=headers
        )

    writer = [Depends(require_token)]

    @app.post("/api/articles", status_code=202, tags=["ingest"], dependencies=writer)
    def post_articles(body: IngestRequest) -> dict[str, Any]:
        """Queue one article or a batch (at most 100) for coding; needs the bearer token.
        Poll `/api/jobs/{id}` for its status, documents and events."""
        job = jobs.submit([a.model_dump(exclude_none=True) for a in body.batch()])
        return job.as_dict() | {"status_url": f"/api/jobs/{job.id}"}

    @app.get("/api/jobs/{job_id}", tags=["ingest"], dependencies=writer)
    def get_job(job_id: Annotated[str, Path(pattern=_ID)]) -> dict[str, Any]:
        """An ingest job's status and results; needs the bearer token."""
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id!r}")
        return job.as_dict()

    from newsevents.web import add_pages  # the pages use the routes' store and filters

    add_pages(app, store)
    return app


def _streamed(rows: Iterator[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> Iterator[str]:
    """Text downloads in chunks, so a large view never sits whole in memory."""
    buffer = io.StringIO()
    pending: list[dict[str, Any]] = []
    first = True
    for row in rows:
        pending.append(row)
        if len(pending) >= 1000:
            yield _chunk(pending, fmt, columns, header=first, buffer=buffer)
            pending, first = [], False
    if pending or first:
        yield _chunk(pending, fmt, columns, header=first, buffer=buffer)


def _chunk(
    rows: list[dict[str, Any]],
    fmt: str,
    columns: tuple[str, ...],
    *,
    header: bool,
    buffer: io.StringIO,
) -> str:
    buffer.seek(0)
    buffer.truncate()
    export_events(rows, fmt, buffer, columns=columns)
    text = buffer.getvalue()
    if fmt == "csv" and not header:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return text
