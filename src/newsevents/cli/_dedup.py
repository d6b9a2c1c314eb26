"""`newsevents dedup`: find copies in files, explain a decision, review and release
the copies a database holds."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.clean import clean
from newsevents.cli._app import app, console, user_errors
from newsevents.errors import InputError, NewsEventsError
from newsevents.ingest import DEFAULT_MAX_BYTES, expand_paths, iter_documents
from newsevents.model import IngestError

if TYPE_CHECKING:  # loaded where used: `code` never needs them
    from newsevents.dedup import DuplicateGroup, Explanation


@app.command("dedup")
@user_errors
def dedup_command(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, globs, or - for stdin.")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Skip inputs larger than this.")
    ] = DEFAULT_MAX_BYTES,
    explain_pair: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--explain",
            help="Why B is or is not a copy of A: two files, or two stored ids with --db.",
            metavar="A B",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(help="A database: list its copies, or use with --explain/--not-copy."),
    ] = None,
    not_copy: Annotated[
        list[str] | None,
        typer.Option("--not-copy", help="Release a stored copy (id or prefix): its events count."),
    ] = None,
) -> None:
    """Group copies of the same article: exact, syndicated, near and reworded (spun).

    With --db and no files, list the copies stored there; --not-copy ID releases one.
    """
    if explain_pair:
        _explain(explain_pair, db, max_bytes, json_)
    elif not_copy:
        _release(not_copy, _need_db(db, "--not-copy"))
    elif paths:
        _group_files(paths, max_bytes, json_)
    elif db:
        _list_copies(db, json_)
    else:
        raise InputError("Give files to check, or --db to list a database's copies.")


def _need_db(db: str | None, option: str) -> str:
    if not db:
        raise InputError(f"{option} works on a database: add --db PATH_OR_URL.")
    return db


def _paragraphs_of_files(paths: list[str], max_bytes: int) -> list[tuple[str, str, list[str]]]:
    """(display name, document id, clean paragraphs) of each readable article."""
    found, names = [], set[str]()
    for item in iter_documents(expand_paths(paths), max_bytes=max_bytes):
        if isinstance(item, IngestError):
            console.print(f"[yellow]skipped[/] {item.origin}: {item.reason}", highlight=False)
            continue
        try:
            paragraphs = clean(item.raw, item.format).paragraphs
        except NewsEventsError as exc:
            console.print(f"[yellow]skipped[/] {item.origin}: {exc}", highlight=False)
            continue
        found.append((_display_id(item.origin, names), item.id, paragraphs))
    return found


def _group_files(paths: list[str], max_bytes: int, json_: bool) -> None:
    from newsevents.dedup import DedupIndex

    index = DedupIndex()
    for name, doc_id, paragraphs in _paragraphs_of_files(paths, max_bytes):
        index.add(name, paragraphs, raw_id=doc_id)
    groups = index.groups()
    if json_:
        print(json.dumps({"groups": [_as_json(g) for g in groups]}, ensure_ascii=False))
    else:
        _print(groups, len(index))


def _explain(pair: tuple[str, str], db: str | None, max_bytes: int, json_: bool) -> None:
    from newsevents.dedup import explain, fingerprints
    from newsevents.dedup._index import TEMPLATE_MIN_ARTICLES
    from newsevents.store import Store

    if db:
        with Store.open(db, must_exist=True) as store:
            first, second = (store.resolve_document_id(i) for i in pair)
            texts = [(store.document(i) or {}).get("paragraphs") or [] for i in (first, second)]
            counts = Counter(f for _, ps in store.iter_paragraphs() for f in fingerprints(ps))
        templates = {f for f, n in counts.items() if n >= TEMPLATE_MIN_ARTICLES}
        same_raw = False
    else:
        read = [_paragraphs_of_files([p], max_bytes) for p in pair]
        if not all(read):
            raise InputError("--explain needs two readable articles.")
        texts = [r[0][2] for r in read]
        templates, same_raw = set(), read[0][0][1] == read[1][0][1]
    result = explain(texts[0], texts[1], templates=templates, same_raw=same_raw)
    if json_:
        print(json.dumps(dataclasses.asdict(result), ensure_ascii=False))
    else:
        _print_explanation(pair, result)


def _print_explanation(pair: tuple[str, str], result: Explanation) -> None:
    verdict = "not a copy" if result.kind == "canonical" else f"{result.kind} copy"
    console.print(
        f"{pair[1]} is [bold]{verdict}[/] of {pair[0]} (score {result.score:.2f})\n"
        f"word 5-grams: Jaccard {result.jaccard:.2f}, containment {result.containment:.2f}; "
        f"sentences of facts told again in order: {result.coverage[0]:.2f} of A's, "
        f"{result.coverage[1]:.2f} of B's; {result.templates} template lines set aside",
        highlight=False,
    )
    table = Table("A", "B", "shared", title="aligned sentences", show_lines=True)
    for ours, theirs, share in result.aligned:
        table.add_row(ours, theirs, f"{share:.2f}")
    Console().print(table)


def _list_copies(db: str, json_: bool) -> None:
    from newsevents.store import Store

    with Store.open(db, must_exist=True) as store:
        rows = store.copies()
    if json_:
        print(json.dumps({"copies": rows}, ensure_ascii=False, default=str))
        return
    kinds = Counter(r["duplicate_kind"] for r in rows)
    title = f"{len(rows)} copies: " + ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    table = Table("copy", "origin", "kind", "score", "copy of", title=title)
    for row in rows:
        score = row["duplicate_score"]
        table.add_row(
            row["id"],
            row["origin"],
            row["duplicate_kind"],
            "" if score is None else f"{score:.2f}",
            row["duplicate_of"] or "",
        )
    Console().print(table)


def _release(ids: list[str], db: str) -> None:
    from newsevents.store import Store

    with Store.open(db, must_exist=True) as store:
        for typed in ids:
            doc_id = store.resolve_document_id(typed)
            if store.release_copy(doc_id):
                console.print(f"released {doc_id}: no longer a copy, its events count")
            else:
                console.print(f"{doc_id} is not a copy: nothing to release")


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
