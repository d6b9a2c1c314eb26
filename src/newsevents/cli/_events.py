"""`newsevents events`: list happenings (or their mentions) with filters."""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime
from typing import Annotated, Any

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
_MERGED_COLUMNS = (
    ("date_start", "date"),
    ("type", "type"),
    ("source_code", "source"),
    ("source_name", "as named"),
    ("target_code", "target"),
    ("target_name", "as named"),
    ("modality", "modality"),
    ("num_mentions", "mentions"),
    ("num_articles", "articles"),
    ("num_sources", "sources"),
    ("confidence", "conf"),
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
    quad: Annotated[
        int | None,
        typer.Option(
            min=1, max=4, help="Quad class: 1 verbal/2 material cooperation, 3/4 conflict."
        ),
    ] = None,
    min_sources: Annotated[
        int | None, typer.Option(min=1, help="Happenings told by at least N sources.")
    ] = None,
    story: Annotated[str | None, typer.Option(help="Only this story's happenings (an id).")] = None,
    mentions: Annotated[
        bool,
        typer.Option(
            "--mentions", help="One row per mention (each article's report) with its evidence."
        ),
    ] = False,
    happening: Annotated[
        str | None, typer.Option(help="With --mentions: the mentions of this happening id.")
    ] = None,
    all_: Annotated[
        bool,
        typer.Option("--all", help="With --mentions: include the mentions in copied articles."),
    ] = False,
    format_: FormatOption = "table",
) -> None:
    """List happenings, oldest first: each with its mentions, articles and independent
    sources; --mentions lists every article's report instead."""
    if type_ is not None and type_.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(f"unknown type {type_!r}; one of {', '.join(PLOVER_TYPES)}")
    if format_ not in {"table", "csv", "jsonl"}:
        raise typer.BadParameter(f"unknown format {format_!r}; use table, csv or jsonl")
    filters: dict[str, Any] = {
        "actor": actor,
        "type": type_,
        "country": country,
        "since": since.date() if since else None,
        "until": until.date() if until else None,
    }
    with Store.open(db, must_exist=True) as store:
        if mentions:
            rows = store.query_events(
                **filters, happening_id=happening, limit=limit or None, include_duplicates=all_
            )
        else:
            rows = store.query_happenings(
                **filters,
                quad_class=quad,
                min_sources=min_sources,
                story=story,
                limit=limit or None,
            )
    if not mentions:
        _print_merged(rows, format_)
    elif format_ == "table":
        _print_table(rows, _TABLE_COLUMNS)
    else:
        export_events(rows, format_, sys.stdout)  # type: ignore[arg-type]


def _print_merged(rows: list[dict[str, object]], format_: str) -> None:
    if format_ == "table":
        _print_table(rows, _MERGED_COLUMNS)
    elif format_ == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)


def _print_table(rows: list[dict[str, object]], columns: tuple[tuple[str, str], ...]) -> None:
    table = Table(show_lines=False)
    for _, title in columns:
        table.add_column(title, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(key) is None else str(row[key]) for key, _ in columns))
    Console().print(table)
    Console(stderr=True).print(f"{len(rows)} events")
