"""`newsevents events`: list happenings (or their mentions) with filters."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli import _filters as filters
from newsevents.cli._app import DEFAULT_DB, DbOption, FormatOption, app, user_errors

_TABLE_COLUMNS = (
    ("date_start", "date"),
    ("type", "type"),
    ("source_code", "source"),
    ("source_text", "as named"),
    ("target_code", "target"),
    ("target_text", "as named"),
    ("modality", "modality"),
    ("killed", "killed"),
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
    ("killed", "killed"),
    ("num_mentions", "mentions"),
    ("num_articles", "articles"),
    ("num_sources", "sources"),
    ("confidence", "conf"),
)


@app.command("events")
@user_errors
def events_command(
    db: DbOption = DEFAULT_DB,
    actor: filters.Actor = None,
    type_: filters.Type = None,
    since: filters.Since = None,
    until: filters.Until = None,
    country: filters.Country = None,
    place: filters.Place = None,
    quad: filters.Quad = None,
    modality: filters.Modality = None,
    min_sources: filters.MinSources = None,
    min_killed: filters.MinKilled = None,
    dyad: filters.Dyad = None,
    place_name: filters.PlaceName = None,
    pair: filters.Pair = None,
    code: filters.Code = None,
    story: filters.Story = None,
    undated: filters.Undated = False,
    search: filters.Search = None,
    sort: filters.Sort = "date",
    limit: Annotated[int, typer.Option(help="At most this many events (0: all).")] = 100,
    mentions: Annotated[
        bool,
        typer.Option(
            "--mentions", help="One row per mention (each article's report) with its evidence."
        ),
    ] = False,
    happening: Annotated[
        str | None,
        typer.Option(help="With --mentions: every mention of this happening id, copies too."),
    ] = None,
    all_: Annotated[
        bool,
        typer.Option("--all", help="With --mentions: include the mentions in copied articles."),
    ] = False,
    format_: FormatOption = "table",
) -> None:
    """List happenings, oldest first: each with its mentions, articles and independent
    sources; --mentions lists every article's report instead."""
    from newsevents.export import export_events
    from newsevents.store import Store

    if format_ not in {"table", "csv", "jsonl"}:
        raise typer.BadParameter(f"unknown format {format_!r}; use table, csv or jsonl")
    filters.check_sort(sort)
    where = filters.from_command(locals())
    with Store.open(db, must_exist=True) as store:
        if mentions:
            # A happening counts the mentions in copies too: list all it counts.
            rows = store.query_events(
                where.narrowed(happening_id=happening),
                limit=limit or None,
                include_duplicates=all_ or happening is not None,
            )
        else:
            rows = store.query_happenings(where, limit=limit or None, sort=sort)
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
