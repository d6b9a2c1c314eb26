"""A read-only JSON API over a store. Every error has one shape:
`{"error": {"status": 404, "message": "..."}}`, never a stack trace."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsevents import __version__
from newsevents.errors import NewsEventsError
from newsevents.model import PLOVER_TYPES
from newsevents.store import Store
from newsevents.stories import merge_events

MAX_PAGE = 1000


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def event_filters(
    actor: Annotated[str | None, Query(max_length=100)] = None,
    type: Annotated[str | None, Query(max_length=16)] = None,
    since: date | None = None,
    until: date | None = None,
    country: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
) -> dict[str, Any]:
    """The filters every listing takes (actor code or name, PLOVER type, dates, ISO3)."""
    if type is not None and type.upper() not in PLOVER_TYPES:
        raise HTTPException(400, f"unknown type {type!r}; one of {', '.join(PLOVER_TYPES)}")
    return {"actor": actor, "type": type, "since": since, "until": until, "country": country}


def create_app(db: str) -> FastAPI:
    """The API over the database at `db` (a SQLite path or a database URL)."""
    store = Store.open(db, must_exist=True)
    app = FastAPI(title="newsevents", version=__version__, description=__doc__)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error(400, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(NewsEventsError)
    async def engine_error(_: Request, exc: NewsEventsError) -> JSONResponse:
        return _error(503, str(exc))

    @app.get("/api/events")
    def list_events(
        chosen: Annotated[dict[str, Any], Depends(event_filters)],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
        all: bool = False,
    ) -> dict[str, Any]:
        """Event mentions, oldest first, filtered and paginated."""
        items = store.query_events(**chosen, limit=limit, offset=offset, include_duplicates=all)
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/api/events/{event_id}")
    def get_event(
        event_id: Annotated[str, Path(max_length=32, pattern="^[0-9a-f]+$")],
    ) -> dict[str, Any]:
        """One event with its evidence sentence, spans, article and URL."""
        rows = store.query_events(event_id=event_id, limit=1, include_duplicates=True)
        if not rows:
            raise HTTPException(404, f"no event {event_id!r}")
        return rows[0]

    @app.get("/api/happenings")
    def list_happenings(
        chosen: Annotated[dict[str, Any], Depends(event_filters)],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        """Mentions merged across articles, with mentions, articles and independent sources."""
        merged = merge_events(store.iter_event_rows(**chosen, include_duplicates=True))
        return {"items": [m.as_row() for m in merged[:limit]], "limit": limit}

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        """Rows per table."""
        return {"counts": store.counts(), "version": __version__}

    return app
