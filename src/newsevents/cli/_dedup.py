"""`newsevents dedup PATH...`: exact, syndicated, near and reworded copies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.clean import clean
from newsevents.cli._app import app, console, user_errors
from newsevents.dedup import DedupIndex, DuplicateGroup
from newsevents.errors import NewsEventsError
from newsevents.ingest import DEFAULT_MAX_BYTES, expand_paths, iter_documents
from newsevents.model import IngestError


@app.command("dedup")
@user_errors
def dedup_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    json_: Annotated[bool, typer.Option("--json", help="Print the groups as JSON.")] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Skip inputs larger than this.")
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Group copies of the same article: exact, syndicated, near and reworded (spun)."""
    index, names = DedupIndex(), set[str]()
    for item in iter_documents(expand_paths(paths), max_bytes=max_bytes):
        if isinstance(item, IngestError):
            console.print(f"[yellow]skipped[/] {item.origin}: {item.reason}", highlight=False)
            continue
        try:
            paragraphs = clean(item.raw, item.format).paragraphs
        except NewsEventsError as exc:
            console.print(f"[yellow]skipped[/] {item.origin}: {exc}", highlight=False)
            continue
        name = _display_id(item.origin, names)
        index.add(name, paragraphs, raw_id=item.id)
    groups = index.groups()
    if json_:
        print(json.dumps({"groups": [_as_json(g) for g in groups]}, ensure_ascii=False))
    else:
        _print(groups, len(index))


def _display_id(origin: str, taken: set[str]) -> str:
    """The file stem ("000_c3ca..."), or stem:line for JSON Lines; the path if taken."""
    path, _, line = origin.partition(".jsonl:") if ".jsonl:" in origin else (origin, "", "")
    stem = Path(path).name.split(".")[0]
    name = f"{stem}:{line}" if line else stem
    if name in taken:
        name = origin
    taken.add(name)
    return name


def _as_json(group: DuplicateGroup) -> dict[str, object]:
    members = [{"id": m.id, "kind": m.kind, "score": m.score} for m in group.members]
    return {"canonical": group.canonical, "members": members}


def _print(groups: list[DuplicateGroup], total: int) -> None:
    table = Table(
        "canonical", "copy", "kind", "score", title=f"{total} articles, {len(groups)} groups"
    )
    for group in groups:
        for member in group.members:
            table.add_row(group.canonical, member.id, member.kind, f"{member.score:.2f}")
    Console().print(table)
