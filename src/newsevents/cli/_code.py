"""`newsevents code "SENTENCE"`: code one piece of text and print its events."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console

from newsevents.cli._app import app, user_errors
from newsevents.errors import CodingError
from newsevents.ingest import document_from_text
from newsevents.pipeline import Pipeline


@app.command("code")
@user_errors
def code_command(
    text: Annotated[str, typer.Argument(help="A sentence or a short article.")],
    published: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Publication date, YYYY-MM-DD.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="One JSON object per event.")] = False,
) -> None:
    """Show the events the coder finds in TEXT, with actors, modality and evidence."""
    day = published.date() if published else None
    done, errors = Pipeline().process_documents([document_from_text(text, "<text>", day)])
    if errors:  # an empty text, or a coder bug (logged with its trace)
        raise CodingError(f"{errors[0].stage}: {errors[0].reason}")
    [document] = done
    out = Console()
    for event in document.events:
        record = {
            "type": event.type,
            "mode": event.mode,
            "modality": event.modality,
            "source": event.source.actor.code if event.source else None,
            "source_text": event.source.text if event.source else None,
            "target": event.target.actor.code if event.target else None,
            "target_text": event.target.text or None if event.target else None,
            "target_implied": bool(event.target and event.target.implied),
            "trigger": event.trigger,
            "date_start": str(event.date.start or ""),
            "date_end": str(event.date.end or ""),
            "confidence": event.confidence,
            "place": event.place.name if event.place else None,
            "place_country": event.place.country if event.place else None,
            "place_admin1": event.place.admin1_name if event.place else None,
            # the figures counted; `magnitude_details` adds bounds and the words
            "magnitudes": {kind: m.value for kind, m in event.magnitudes.items()},
            "magnitude_details": {kind: m.as_dict() for kind, m in event.magnitudes.items()},
        }
        if json_:
            print(json.dumps(record, ensure_ascii=False))
        else:
            out.print(record, highlight=False)
    if not document.events and not json_:
        out.print("no events")
