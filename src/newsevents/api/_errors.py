"""One JSON error shape for the API (`{"error": {"status": 404, "message": "..."}}`), a
plain page for a person on the web UI, and a guard in front of the app."""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsevents.errors import InputError, NewsEventsError

logger = logging.getLogger(__name__)


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


class Guard:
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


def install_error_handlers(app: FastAPI) -> None:
    """Every error in one shape; stack traces go to the log, never to the client."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error_for(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error_for(request, 400, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error_for(request, 400, str(exc))

    @app.exception_handler(NewsEventsError)
    async def engine_error(request: Request, exc: NewsEventsError) -> Response:
        return _error_for(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error")  # the trace goes to the log, not the client
        return _error_for(request, 500, "internal error; see the server log")
