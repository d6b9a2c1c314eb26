"""`newsevents spark IN OUT`: code a corpus on Apache Spark into Parquet event rows."""

from __future__ import annotations

from typing import Annotated

import typer

from newsevents.cli._app import app, console, user_errors
from newsevents.pipeline import DEFAULT_BATCH_SIZE, Options
from newsevents.spark import run_spark


@app.command("spark")
@user_errors
def spark_command(
    source: Annotated[str, typer.Argument(help="Folder (or any Spark path) of article files.")],
    output: Annotated[str, typer.Argument(help="Where to write the Parquet event rows.")],
    master: Annotated[str, typer.Option(help="Spark master URL.")] = "local[2]",
    partitions: Annotated[int | None, typer.Option(help="Repartition the files first.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per parse batch.")] = DEFAULT_BATCH_SIZE,
) -> None:
    """Run the same pipeline inside Spark partitions (one model load per executor)."""
    count = run_spark(
        source, output, master=master, partitions=partitions, options=Options(batch_size=batch_size)
    )
    console.print(f"{count} events -> {output}", highlight=False)
