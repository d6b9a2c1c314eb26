"""`newsevents run PATH...`: process articles into a database."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from newsevents.cli._app import (
    DEFAULT_DB,
    EXIT_INTERRUPTED,
    EXIT_PARTIAL,
    ClassifierOption,
    DbOption,
    app,
    console,
    user_errors,
)
from newsevents.events import CLASSIFIER_NAME
from newsevents.ingest import DEFAULT_MAX_BYTES, expand_paths
from newsevents.pipeline import DEFAULT_BATCH_SIZE, Options, Pipeline, RunStats


@app.command("run")
@user_errors
def run_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[
        int, typer.Option(help="Documents per batch and transaction.")
    ] = DEFAULT_BATCH_SIZE,
    max_bytes: Annotated[
        int, typer.Option(help="Skip (and record) inputs larger than this.")
    ] = DEFAULT_MAX_BYTES,
    actors: Annotated[
        list[Path] | None,
        typer.Option(help="Extra actor dictionary (.tsv or PETRARCH text format); repeatable."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes that parse and code  [default: the core count]"),
    ] = None,
    patterns: Annotated[
        Path | None, typer.Option(help="A verbs.toml to use instead of the shipped patterns.")
    ] = None,
    classifier: ClassifierOption = CLASSIFIER_NAME,
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Publication date (YYYY-MM-DD) of the inputs whose metadata and byline "
            "give none; relative dates ('last week') resolve against it.",
        ),
    ] = None,
) -> None:
    """Process articles into the database; a re-run skips what is already stored."""
    options = Options(
        actors=tuple(str(a) for a in actors or ()),
        workers=workers or os.cpu_count() or 1,
        batch_size=batch_size,
        max_bytes=max_bytes,
        patterns=str(patterns) if patterns else None,
        classifier=classifier,
        published=published.date() if published else None,
    )
    stats = run_paths(paths, db=db, options=options)
    if stats.failed:
        raise typer.Exit(EXIT_PARTIAL)


def run_paths(paths: list[str], *, db: str, options: Options) -> RunStats:
    """Run the pipeline with a progress bar and print the summary; shared with `demo`."""
    from newsevents.store import Store

    files = expand_paths(paths)
    pipeline = Pipeline(options)
    stats = RunStats()
    with Store.open(db) as store, _progress() as progress:
        task = progress.add_task("articles", total=len(files) if _countable(files) else None)

        def report(current: RunStats) -> None:
            progress.update(task, completed=current.seen)

        try:
            stats = pipeline.run(files, store, progress=report)
        except KeyboardInterrupt:
            progress.stop()
            console.print("Interrupted: every finished batch is stored; run again to continue.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    _summary(stats, db)
    return stats


def _countable(files: list[str]) -> bool:
    """One file is one article unless it is stdin, JSON Lines, an archive or a feed."""
    many = (".jsonl", ".ndjson", ".warc", ".rss", ".atom")
    return not any(f == "-" or any(kind in f.lower() for kind in many) for f in files)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )


def _summary(stats: RunStats, db: str) -> None:
    console.print(
        f"{stats.stored} articles stored ({stats.duplicates} copies of earlier ones), "
        f"{stats.skipped} already done, {stats.failed} failed, {stats.events} events -> {db}",
        highlight=False,
    )
    if stats.copies:
        kinds = ", ".join(f"{n} {kind}" for kind, n in stats.copies.most_common())
        console.print(
            f"  copies by kind: {kinds}; their events count once, with their originals "
            f"(review: newsevents dedup --db {db}; release one: --not-copy ID)",
            highlight=False,
        )
    for error in stats.errors[:20]:
        console.print(f"  [yellow]failed[/] {error.origin}: {error.reason}", highlight=False)
    if len(stats.errors) > 20:
        console.print(f"  ... and {len(stats.errors) - 20} more (see the errors table)")
