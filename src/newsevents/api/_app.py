"""The HTTP API and web UI over a store.

Read endpoints are open; `POST /api/articles` needs the bearer token given at start-up
and without one the server is read-only. Every error has one shape,
`{"error": {"status": 404, "message": "..."}}`, never a stack trace; a query
parameter a route does not take is such an error (400), naming it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path as FilePath

from fastapi import Depends, FastAPI

from newsevents import __version__
from newsevents.api import _chart_routes, _downloads, _ingest, _read
from newsevents.api._docs import mount_docs
from newsevents.api._errors import Guard, install_error_handlers
from newsevents.api._jobs import IngestJobs
from newsevents.errors import ConfigError
from newsevents.store import Store
from newsevents.views import reject_unknown_parameters
from newsevents.web import mount as mount_pages

MAX_BODY_BYTES = 10 * 2**20


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
        store.close()  # its pooled connections closed now, not whenever collected

    app = FastAPI(
        title="newsevents",
        version=__version__,
        description=__doc__,
        lifespan=lifespan,
        dependencies=[Depends(reject_unknown_parameters)],
        docs_url=None,  # served from package files below, not from a CDN
        redoc_url=None,
    )
    app.state.store, app.state.jobs, app.state.token = store, jobs, token
    app.state.writable = token is not None
    app.add_middleware(Guard, limit=MAX_BODY_BYTES)
    install_error_handlers(app)
    for module in (_read, _chart_routes, _downloads, _ingest):
        app.include_router(module.router)
    mount_docs(app)
    mount_pages(app)
    return app
