"""Run the pipeline on Spark: article inputs in, Parquet tables out.

Under OUTPUT, the tables a local store holds:

- `documents/`: one row per article (the store's columns but the text and write time,
  plus `copies`), with the copy it repeats, if any, and its story;
- `events/`: `store.EVENT_COLUMNS`, so local runs, exports and Spark output read the
  same, partitioned by `event_month` (YYYY-MM or `unknown`);
- `happenings/`: `store.HAPPENING_COLUMNS`, the mentions merged across articles by the
  store's own `merge_events`, one merge key per group (`_merge`);
- `stories/`: the story clusters (`_stories`);
- `errors/`: every input that could not be coded, with the reason.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from pyspark import AccumulatorParam, StorageLevel
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

from newsevents.export import arrow_schema
from newsevents.pipeline import Options
from newsevents.spark._code import code_partition, error_schema, output_schema
from newsevents.spark._dedup import find_duplicates, first_copies
from newsevents.spark._inputs import read_partition
from newsevents.spark._merge import merge_happenings
from newsevents.spark._read import read_articles, unread_errors
from newsevents.spark._stories import assign_stories
from newsevents.store import EVENT_COLUMNS, HAPPENING_COLUMNS

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
    "published_start",
    "published_end",
    "paragraphs",
    "removed",
    "raw_chars",
    "event_count",
    "coder_version",
    "duplicate_of",
    "duplicate_kind",
    "duplicate_score",
    "story_id",
)


@dataclass(frozen=True, slots=True)
class SparkRun:
    """What a Spark run wrote."""

    documents: int
    duplicates: int  # documents that copy an earlier one
    events: int
    happenings: int
    stories: int
    errors: int


class _Union(AccumulatorParam[set[str]]):
    """The inputs the tasks read, gathered on the driver (a set: a retried task adds
    nothing twice)."""

    def zero(self, value: set[str]) -> set[str]:
        return set()

    def addInPlace(self, value1: set[str], value2: set[str]) -> set[str]:
        value1 |= value2
        return value1


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
        inputs = read_articles(spark, source, options.max_bytes)
        wanted = partitions or _TASKS_PER_CORE * spark.sparkContext.defaultParallelism
        if not spark.sparkContext.getConf().contains(_SHUFFLES):
            # Spark's default of 200 is for large tables; per-document rows need as
            # many partitions as the articles were spread over.
            spark.conf.set(_SHUFFLES, str(wanted))
        seen = spark.sparkContext.accumulator(set(), _Union())
        items = inputs.articles.rdd.mapPartitions(
            partial(read_partition, max_bytes=options.max_bytes, seen=seen.add)
        )
        # A WARC archive or a Parquet table is read by one task: its articles are
        # spread over the cluster before they are coded.
        if partitions or inputs.whole_files or items.getNumPartitions() < wanted:
            items = items.repartition(wanted)
        tasks = items.mapPartitions(partial(code_partition, options=options))
        schema = from_arrow_schema(output_schema(arrow_schema()))
        coded = spark.createDataFrame(tasks, schema).persist(StorageLevel.MEMORY_AND_DISK)
        try:  # coded once, read by every table
            return _write(
                spark,
                coded,
                output.rstrip("/"),
                lambda: unread_errors(spark, inputs.files, seen.value),
            )
        finally:
            coded.unpersist()
    finally:
        if owned:
            spark.stop()
        elif shuffles is not None:
            spark.conf.set(_SHUFFLES, shuffles)


def _write(
    spark: SparkSession,
    coded: DataFrame,
    output: str,
    unread: Callable[[], list[tuple[str, str, str]]],
) -> SparkRun:
    documents = first_copies(_part(coded, "document")).cache()
    duplicates = find_duplicates(documents)  # checkpointed: joining it again is cheap
    marked = documents.join(duplicates, "doc_id", "left")
    story_of, stories = assign_stories(marked)
    stories.write.mode("overwrite").parquet(f"{output}/stories")
    placed = marked.join(story_of, "doc_id", "left")
    placed.select(*_DOCUMENT_COLUMNS).write.mode("overwrite").parquet(f"{output}/documents")
    # What the events need of their articles, without the articles' text.
    context = placed.select("doc_id", "origin", "url", "duplicate_of", "story_id", "arrival")
    context = context.cache()
    events = _events(coded, context).cache()
    happenings = merge_happenings(_mentions(events, context)).cache()
    happenings.select(*HAPPENING_COLUMNS).write.mode("overwrite").parquet(f"{output}/happenings")
    links = happenings.select(
        F.explode("mentions").alias("event_id"), F.col("id").alias("happening_id")
    )
    (
        events.drop("happening_id")
        .join(links, "event_id", "left")
        .select(*EVENT_COLUMNS, _month(F.col("date_start")).alias("event_month"))
        .write.mode("overwrite")
        .partitionBy("event_month")
        .parquet(f"{output}/events")
    )
    # Every input has been read by now: the ones no task saw can be told apart.
    skipped = spark.createDataFrame(unread(), from_arrow_schema(error_schema()))
    errors = _part(coded, "error").unionByName(skipped)
    errors.write.mode("overwrite").parquet(f"{output}/errors")
    for table in (happenings, events, context, documents):
        table.unpersist()
    return _counted(spark, output)


def _events(coded: DataFrame, documents: DataFrame) -> DataFrame:
    """The events of the copy of each document kept, with the copy relation found."""
    return (
        _part(coded, "event")
        .join(documents.select("doc_id", "origin"), ["doc_id", "origin"], "left_semi")
        .dropDuplicates(["event_id"])
        .drop("duplicate_of")
        .join(documents.select("doc_id", "duplicate_of"), "doc_id", "left")
    )


def _mentions(events: DataFrame, documents: DataFrame) -> DataFrame:
    """Events with what the merge needs of their article and of the one it copies."""
    context = documents.select("doc_id", "story_id", "arrival")
    originals = documents.select(
        F.col("doc_id").alias("duplicate_of"), F.col("url").alias("original_url")
    )
    return events.join(context, "doc_id").join(originals, "duplicate_of", "left")


def _counted(spark: SparkSession, output: str) -> SparkRun:
    def rows(table: str) -> int:
        return spark.read.parquet(f"{output}/{table}").count()

    written = spark.read.parquet(f"{output}/documents")
    documents, duplicates = written.agg(F.count("*"), F.count("duplicate_of")).collect()[0]
    run = SparkRun(
        documents=documents,
        duplicates=duplicates,
        events=rows("events"),
        happenings=rows("happenings"),
        stories=rows("stories"),
        errors=rows("errors"),
    )
    logger.info("%s -> %s", run, output)
    return run


def _part(coded: DataFrame, kind: str) -> DataFrame:
    return coded.where(F.col(kind).isNotNull()).select(f"{kind}.*")


def _month(day: Column) -> Column:
    return F.coalesce(F.date_format(day, "yyyy-MM"), F.lit("unknown"))
