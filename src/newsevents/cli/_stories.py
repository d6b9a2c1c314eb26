"""`newsevents stories`: developing stories, latest first."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from newsevents.cli import _filters as filters
from newsevents.cli._app import DEFAULT_DB, DbOption, app, console, user_errors


@app.command("stories")
@user_errors
def stories_command(
    db: DbOption = DEFAULT_DB,
    title: Annotated[str | None, typer.Option("--search", help="Words of the title.")] = None,
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
    limit: Annotated[int, typer.Option(help="At most this many stories (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stories: articles about one developing story, with their span and counts;
    the event filters keep the stories with a happening they match."""
    from newsevents.store import Store

    where = filters.from_command(locals())
    with Store.open(db, must_exist=True) as store:
        rows = store.query_stories(where, search=title, limit=limit or None)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table()
    for title in ("story", "from", "to", "articles", "happenings", "id"):
        table.add_column(title, overflow="fold")
    for row in rows:
        table.add_row(
            row["title"][:80],
            row["first_seen"] or "?",
            row["last_seen"] or "?",
            str(row["num_articles"]),
            str(row["num_happenings"]),
            row["id"],
        )
    console.print(table)
