"""`newsevents export`: write every event (or a filtered set) to a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli import _filters as filters
from newsevents.cli._app import DEFAULT_DB, DbOption, app, console, user_errors
from newsevents.errors import InputError

if TYPE_CHECKING:  # loaded where used: `code` never needs them
    from newsevents.store import EventFilter, Store


@app.command("export")
@user_errors
def export_command(
    out: Annotated[Path, typer.Argument(help="Output file (- for stdout with csv/jsonl).")],
    db: DbOption = DEFAULT_DB,
    format_: Annotated[
        str, typer.Option("--format", "-f", help="csv, jsonl, parquet, plover or gdelt.")
    ] = "csv",
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
    mention with its actor codes, date, evidence and article; takes every filter
    `events` takes."""
    from newsevents.store import Store

    filters.check_sort(sort)
    where = filters.from_command(locals())
    check_target(out)
    with Store.open(db, must_exist=True) as store:
        try:
            count, what = _write(
                store, where, out, format_, mentions=mentions, all_=all_, sort=sort
            )
        except OSError as exc:
            raise InputError(f"Cannot write {out}: {exc.strerror or exc}") from None
    console.print(f"{count} {what} -> {out}", highlight=False)


def check_target(out: Path) -> None:
    """A path a file can be written to, said in one line before any work is done."""
    if str(out) == "-":
        return
    if out.is_dir():
        raise InputError(f"Cannot write {out}: it is a folder; give a file name inside it")
    folder = out.parent
    if not folder.is_dir():
        raise InputError(f"Cannot write {out}: no folder {folder}; create it first")


def _write(
    store: Store,
    where: EventFilter,
    out: Path,
    format_: str,
    *,
    mentions: bool,
    all_: bool,
    sort: str,
) -> tuple[int, str]:
    """Happenings (in `sort` order), or mentions (oldest first)."""
    from newsevents.export import PER_MENTION, export_events
    from newsevents.store import HAPPENING_COLUMNS

    if format_ == "gdelt" and not mentions:
        rows = store.iter_first_reports(where)
        return export_events(rows, format_, out), "happenings"
    if mentions or format_ in PER_MENTION:
        rows = store.iter_event_rows(where, include_duplicates=all_)
        return export_events(rows, format_, out), "mentions"
    rows = store.iter_happenings(where, sort=sort)
    return export_events(rows, format_, out, columns=HAPPENING_COLUMNS), "happenings"
