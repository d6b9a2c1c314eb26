"""`newsevents demo`: process the bundled sample articles and show what came out."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli._app import app, user_errors
from newsevents.cli._run import run_paths
from newsevents.pipeline import Options

DEMO_DB = "newsevents-demo.db"


@app.command("demo")
@user_errors
def demo_command(
    db: Annotated[str, typer.Option("--db", help="Where to store the demo database.")] = DEMO_DB,
) -> None:
    """Process the bundled sample articles (synthetic, for trying the tool) into a database."""
    from newsevents.store import Store

    with resources.as_file(resources.files("newsevents") / "data" / "demo") as folder:
        run_paths([str(folder)], db=db, options=Options())
    with Store.open(db) as store:
        rows = store.query_events(limit=None)
        counts = store.counts()
    out = Console()
    by_type = Counter(str(row["type"]) for row in rows)
    out.print(f"\n[bold]{counts.get('documents', 0)} articles, {len(rows)} events[/] in {db}")
    table = Table("type", "events", title="Events by PLOVER type")
    for kind, number in by_type.most_common():
        table.add_row(kind, str(number))
    out.print(table)
    out.print(f"Next: newsevents events --db {db} --actor VEN --format table")
