"""`newsevents actor NAME [--date D]`: how a name resolves, on a date."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console

from newsevents.actors import ActorResolver
from newsevents.cli._app import app, user_errors


@app.command("actor")
@user_errors
def actor_command(
    name: Annotated[str, typer.Argument(help="A person, organisation, country or capital.")],
    date_: Annotated[
        datetime | None, typer.Option("--date", formats=["%Y-%m-%d"], help="YYYY-MM-DD")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show the actor a name resolves to on a date (roles change: Trump ELI, then GOV)."""
    resolver = ActorResolver()
    when = date_.date() if date_ else None
    actor = resolver.resolve_name(name, when)
    roles = [
        {
            "code": f"{r.country or ''}{r.sector or ''}",
            "start": str(r.start or ""),
            "end": str(r.end or ""),
        }
        for r in resolver.dictionary.roles(name)
    ]
    record: dict[str, object] = {
        "name": name,
        "date": str(when or ""),
        "actor": None,
        "roles": roles,
    }
    if actor is not None:
        record["actor"] = {**asdict(actor), "code": actor.code}
    if json_:
        print(json.dumps(record, ensure_ascii=False))
        return
    out = Console()
    if actor is None:
        out.print(f"{name!r} is not in the actor dictionaries")
        raise typer.Exit(1)
    out.print(
        f"{name} -> [bold]{actor.code}[/] ({actor.name}{', ' + actor.qid if actor.qid else ''})"
    )
    for role in roles:
        out.print(f"  {role['code']:<8} {role['start'] or '...':>10} - {role['end'] or '...'}")
