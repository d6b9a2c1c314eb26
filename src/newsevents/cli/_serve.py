"""`newsevents serve`: the web UI and HTTP API (OpenAPI docs at /docs)."""

from __future__ import annotations

from typing import Annotated

import typer

from newsevents.cli._app import DEFAULT_DB, DbOption, app, console, user_errors


@app.command("serve")
@user_errors
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_file: Annotated[
        str | None,
        typer.Option(
            help="File holding the bearer token that POST /api/articles needs; "
            "without it the server is read-only."
        ),
    ] = None,
) -> None:
    """Serve the web UI (events, evidence, timeline, dyads, network) and the JSON API."""
    import uvicorn

    from newsevents.api import create_app

    app = create_app(db, token_file=token_file)
    mode = "accepts articles with the token" if token_file else "read-only"
    console.print(f"newsevents on http://{host}:{port}/ ({mode}); API docs at /docs")
    uvicorn.run(app, host=host, port=port)
