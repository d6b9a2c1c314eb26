"""`newsevents events`: list coded events with filters."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli._app import DEFAULT_DB, DbOption, FormatOption, app, user_errors
from newsevents.export import export_events
from newsevents.model import PLOVER_TYPES
from newsevents.store import Store

DateOption = typer.Option(formats=["%Y-%m-%d"], help="YYYY-MM-DD")
_TABLE_COLUMNS = (
    ("date_start", "date"),
    ("type", "type"),
    ("source_code", "source"),
    ("source_text", "as named"),
    ("target_code", "target"),
    ("target_text", "as named"),
    ("modality", "modality"),
    ("confidence", "conf"),
    ("trigger", "trigger"),
)


@app.command("events")
@user_errors
def events_command(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Actor code prefix (VEN, USAGOV) or name.")
    ] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="PLOVER event type, e.g. ACCUSE.")
    ] = None,
    since: Annotated[datetime | None, DateOption] = None,
    until: Annotated[datetime | None, DateOption] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country of source or target.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events (0: all).")] = 100,
    all_: Annotated[
        bool, typer.Option("--all", help="Include events of articles that copy earlier ones.")
    ] = False,
    format_: FormatOption = "table",
) -> None:
    """List events, oldest first, filtered by actor, type, dates and country."""
    if type_ is not None and type_.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(f"unknown type {type_!r}; one of {', '.join(PLOVER_TYPES)}")
    if format_ not in {"table", "csv", "jsonl"}:
        raise typer.BadParameter(f"unknown format {format_!r}; use table, csv or jsonl")
    with Store.open(db) as store:
        rows = store.query_events(
            actor=actor,
            type=type_,
            country=country,
            limit=limit or None,
            since=since.date() if since else None,
            until=until.date() if until else None,
            include_duplicates=all_,
        )
    if format_ == "table":
        _print_table(rows)
    else:
        export_events(rows, format_, sys.stdout)  # type: ignore[arg-type]


def _print_table(rows: list[dict[str, object]]) -> None:
    table = Table(show_lines=False)
    for _, title in _TABLE_COLUMNS:
        table.add_column(title, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(key) is None else str(row[key]) for key, _ in _TABLE_COLUMNS))
    Console().print(table)
    Console(stderr=True).print(f"{len(rows)} events")
