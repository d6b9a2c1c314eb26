"""`newsevents export`: write every event (or a filtered set) to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli._app import DEFAULT_DB, DbOption, app, console, user_errors
from newsevents.export import export_events
from newsevents.store import Store


@app.command("export")
@user_errors
def export_command(
    out: Annotated[Path, typer.Argument(help="Output file (- for stdout with csv/jsonl).")],
    db: DbOption = DEFAULT_DB,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="csv, jsonl, parquet, plover or gdelt.")
    ] = "csv",
    actor: Annotated[str | None, typer.Option(help="Only events with this actor.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Include events of articles that copy earlier ones.")
    ] = False,
) -> None:
    """Export events, one row each, with actor codes, date, evidence and article."""
    with Store.open(db, must_exist=True) as store:
        rows = store.iter_event_rows(actor=actor, type=type_, include_duplicates=all_)
        count = export_events(rows, format_, out)  # type: ignore[arg-type]
    console.print(f"{count} events -> {out}", highlight=False)
