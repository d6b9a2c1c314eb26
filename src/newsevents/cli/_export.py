"""`newsevents export`: write every event (or a filtered set) to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli._app import DEFAULT_DB, DbOption, app, console, user_errors
from newsevents.export import PER_MENTION, export_events
from newsevents.store import HAPPENING_COLUMNS, Store


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
    mentions: Annotated[
        bool,
        typer.Option(
            "--mentions",
            help="One row per mention (each article's report, with its evidence) instead "
            "of one per happening; gdelt writes a happening's first report with its counts, "
            "plover always writes mentions.",
        ),
    ] = False,
    all_: Annotated[
        bool, typer.Option("--all", help="With --mentions: include the copies' mentions.")
    ] = False,
) -> None:
    """Export happenings (mentions merged across articles, with their counts), or every
    mention with its actor codes, date, evidence and article."""
    with Store.open(db, must_exist=True) as store:
        if format_ == "gdelt" and not mentions:
            rows = store.iter_first_reports(actor=actor, type=type_)
            count = export_events(rows, format_, out)  # type: ignore[arg-type]
            what = "happenings"
        elif mentions or format_ in PER_MENTION:
            rows = store.iter_event_rows(actor=actor, type=type_, include_duplicates=all_)
            count = export_events(rows, format_, out)  # type: ignore[arg-type]
            what = "mentions"
        else:
            rows = store.iter_happenings(actor=actor, type=type_)
            count = export_events(rows, format_, out, columns=HAPPENING_COLUMNS)  # type: ignore[arg-type]
            what = "happenings"
    console.print(f"{count} {what} -> {out}", highlight=False)
