"""Run the pipeline on Spark: files in, Parquet event rows out.

Each partition runs `Pipeline.process_documents` on its articles in batches; the
pipeline (model, patterns, dictionaries) is built once per executor process and
reused by every partition it runs. Rows have the columns of `store.EVENT_COLUMNS`, so
local runs, exports and Spark output read the same. Copies are not marked here: the
dedup index is global state, run `newsevents dedup` over the corpus for that.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from newsevents.errors import ConfigError
from newsevents.export import arrow_schema, document_rows
from newsevents.ingest import documents_from_bytes
from newsevents.model import Document
from newsevents.pipeline import DEFAULT_BATCH_SIZE, Options, Pipeline

logger = logging.getLogger(__name__)

_EXTENSIONS = "*.{txt,text,html,htm,jsonl,ndjson,gz}"


@cache
def _executor_pipeline(options: Options) -> Pipeline:
    """One pipeline per executor process: the model loads once, not once per task."""
    return Pipeline(options)


def _code_partition(files: Iterable[Any], options: Options) -> Iterator[dict[str, Any]]:
    pipeline = _executor_pipeline(options)
    batch: list[Document] = []
    for file in files:
        for item in documents_from_bytes(
            bytes(file.content), file.path, max_bytes=options.max_bytes
        ):
            if isinstance(item, Document):
                batch.append(item)
            else:
                logger.warning("%s: %s", item.origin, item.reason)
            if len(batch) >= options.batch_size:
                yield from _rows(pipeline, batch)
                batch = []
    yield from _rows(pipeline, batch)


def _rows(pipeline: Pipeline, batch: list[Document]) -> Iterator[dict[str, Any]]:
    done, errors = pipeline.process_documents(batch)
    for error in errors:
        logger.warning("%s: %s", error.origin, error.reason)
    for document in done:
        yield from document_rows(document)


def run_spark(
    source: str,
    output: str,
    *,
    master: str | None = "local[2]",
    options: Options | None = None,
    partitions: int | None = None,
) -> int:
    """Code every article under `source` on Spark and write event rows as Parquet to
    `output`; returns the number of events written."""
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql.pandas.types import from_arrow_schema
    except ImportError as exc:
        raise ConfigError("Spark support needs pyspark: pip install 'newsevents[spark]'") from exc
    options = options or Options(batch_size=DEFAULT_BATCH_SIZE)
    # Workers must run this interpreter, where newsevents and its model are installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsevents").config("spark.ui.enabled", "false")
    if master:  # under spark-submit the master comes from the command line
        builder = builder.master(master)
    spark = builder.getOrCreate()
    try:
        files = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", _EXTENSIONS)
            .load(source)
        )
        if partitions:
            files = files.repartition(partitions)
        schema = from_arrow_schema(arrow_schema())
        rows = files.rdd.mapPartitions(lambda part: _code_partition(part, options))
        events = spark.createDataFrame(rows, schema=schema)
        events.write.mode("overwrite").parquet(output)
        return int(spark.read.parquet(output).count())
    finally:
        spark.stop()
