"""`newsevents spark IN OUT`: code a corpus on Apache Spark into Parquet tables."""

from __future__ import annotations

from typing import Annotated

import typer

from newsevents.cli._app import EXIT_PARTIAL, app, console, user_errors
from newsevents.errors import ConfigError
from newsevents.ingest import DEFAULT_MAX_BYTES
from newsevents.pipeline import DEFAULT_BATCH_SIZE, Options


@app.command("spark")
@user_errors
def spark_command(
    source: Annotated[
        str,
        typer.Argument(
            help="File, folder or glob of .txt/.html/.jsonl/.parquet/.warc(.gz)/RSS/Atom "
            "articles; any Hadoop URI."
        ),
    ],
    output: Annotated[
        str,
        typer.Argument(
            help="Folder for the documents/, events/, happenings/, stories/ and errors/ "
            "Parquet tables."
        ),
    ],
    master: Annotated[str, typer.Option(help="Spark master URL.")] = "local[2]",
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Tasks to spread the articles over.")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per parse batch.")] = DEFAULT_BATCH_SIZE,
    max_bytes: Annotated[
        int, typer.Option(help="Skip (and record) inputs larger than this.")
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Run the same pipeline inside Spark partitions (one model load per executor)."""
    try:  # pyspark is an optional dependency: only this command needs it
        from newsevents.spark import run_spark
    except ImportError as exc:
        raise ConfigError("Spark support needs pyspark: pip install 'newsevents[spark]'") from exc
    run = run_spark(
        source,
        output,
        master=master,
        partitions=partitions,
        options=Options(batch_size=batch_size, max_bytes=max_bytes),
    )
    console.print(
        f"{run.documents} documents ({run.duplicates} copies), {run.events} events in "
        f"{run.happenings} happenings, {run.stories} stories, {run.errors} errors -> {output}",
        highlight=False,
    )
    if run.errors:
        raise typer.Exit(EXIT_PARTIAL)
