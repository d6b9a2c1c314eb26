"""Run the pipeline on Spark: article inputs in, Parquet tables out.

Under OUTPUT: `documents/` (one row per article, with the copy it repeats, if any),
`events/` (the columns of `store.EVENT_COLUMNS`, so local runs, exports and Spark
output read the same, partitioned by `event_month`, YYYY-MM or `unknown`) and
`errors/` (every input that could not be coded, with the reason).
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from functools import partial

from pyspark import StorageLevel
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

from newsevents.export import arrow_schema
from newsevents.pipeline import Options
from newsevents.spark._code import code_partition, output_schema
from newsevents.spark._dedup import find_duplicates, first_copies
from newsevents.spark._read import read_articles
from newsevents.store import EVENT_COLUMNS

logger = logging.getLogger(__name__)

DEFAULT_MASTER = "local[2]"
_TASKS_PER_CORE = 2  # small inputs (one JSONL file) still keep every core busy
_SHUFFLES = "spark.sql.shuffle.partitions"
_DOCUMENT_COLUMNS = (
    "doc_id",
    "origin",
    "copies",
    "url",
    "title",
    "format",
    "published_at",
    "published_basis",
    "paragraphs",
    "removed",
    "raw_chars",
    "event_count",
    "coder_version",
    "duplicate_of",
    "duplicate_kind",
    "duplicate_score",
)


@dataclass(frozen=True, slots=True)
class SparkRun:
    """What a Spark run wrote."""

    documents: int
    duplicates: int  # documents that copy an earlier one
    events: int
    errors: int


def spark_session(master: str | None = DEFAULT_MASTER) -> SparkSession:
    """The session newsevents runs in; `master=None` takes it from spark-submit."""
    # Local workers must run this interpreter, where newsevents and its model are.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsevents").config("spark.ui.enabled", "false")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def run_spark(
    source: str,
    output: str,
    *,
    master: str | None = DEFAULT_MASTER,
    options: Options | None = None,
    partitions: int | None = None,
) -> SparkRun:
    """Code every article under `source` on Spark and write the tables under `output`.

    Uses the active session if there is one (and leaves it running), else starts one.
    """
    options = options or Options()
    owned = SparkSession.getActiveSession() is None
    spark = spark_session(master)
    shuffles = spark.conf.get(_SHUFFLES)
    try:
        articles = read_articles(spark, source, options.max_bytes)
        wanted = partitions or _TASKS_PER_CORE * spark.sparkContext.defaultParallelism
        if partitions or articles.rdd.getNumPartitions() < wanted:
            articles = articles.repartition(wanted)
        if not spark.sparkContext.getConf().contains(_SHUFFLES):
            # Spark's default of 200 is for large tables; per-document rows need as
            # many partitions as the articles were spread over.
            spark.conf.set(_SHUFFLES, str(wanted))
        tasks = articles.rdd.mapPartitions(partial(code_partition, options=options))
        schema = from_arrow_schema(output_schema(arrow_schema()))
        coded = spark.createDataFrame(tasks, schema).persist(StorageLevel.MEMORY_AND_DISK)
        try:  # coded once, read by the three tables
            return _write(spark, coded, output.rstrip("/"))
        finally:
            coded.unpersist()
    finally:
        if owned:
            spark.stop()
        elif shuffles is not None:
            spark.conf.set(_SHUFFLES, shuffles)


def _write(spark: SparkSession, coded: DataFrame, output: str) -> SparkRun:
    documents = first_copies(_part(coded, "document")).cache()
    duplicates = find_duplicates(documents)
    marked = documents.join(duplicates, "doc_id", "left").select(*_DOCUMENT_COLUMNS)
    marked.write.mode("overwrite").parquet(f"{output}/documents")
    kept = documents.select("doc_id", "origin")
    copy_of = duplicates.select("doc_id", "duplicate_of")
    events = (
        _part(coded, "event")
        .join(kept, ["doc_id", "origin"], "left_semi")  # events of the copy kept only
        .dropDuplicates(["event_id"])
        .drop("duplicate_of")
        .join(copy_of, "doc_id", "left")
        .select(*EVENT_COLUMNS, _month(F.col("date_start")).alias("event_month"))
    )
    events.write.mode("overwrite").partitionBy("event_month").parquet(f"{output}/events")
    errors = _part(coded, "error")
    errors.write.mode("overwrite").parquet(f"{output}/errors")
    documents.unpersist()
    written = spark.read.parquet(f"{output}/documents")
    documents_count, duplicates_count = written.agg(
        F.count("*"), F.count("duplicate_of")
    ).collect()[0]
    run = SparkRun(
        documents=documents_count,
        duplicates=duplicates_count,
        events=spark.read.parquet(f"{output}/events").count(),
        errors=spark.read.parquet(f"{output}/errors").count(),
    )
    logger.info("%s -> %s", run, output)
    return run


def _part(coded: DataFrame, kind: str) -> DataFrame:
    return coded.where(F.col(kind).isNotNull()).select(f"{kind}.*")


def _month(day: Column) -> Column:
    return F.coalesce(F.date_format(day, "yyyy-MM"), F.lit("unknown"))
