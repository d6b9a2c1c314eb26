"""`newsevents serve`: the read-only HTTP API (OpenAPI docs at /docs)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsevents.cli._app import DEFAULT_DB, DbOption, app, user_errors


@app.command("serve")
@user_errors
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve events, happenings and statistics as JSON; read-only."""
    import uvicorn

    from newsevents.api import create_app

    uvicorn.run(create_app(db), host=host, port=port)
