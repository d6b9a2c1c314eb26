"""Copies across the whole corpus, found with Spark joins and groups, never on the driver.

1. Inputs with the same document id (a hash of the normalised raw text) are one
   document: the earliest is kept, the others are listed in its `copies`.
2. Each document's template lines (lines that it and at least two articles before it,
   in arrival order, share) are counted over the whole corpus, as a local index counts
   them while it reads.
3. Documents that share a blocking key (`_blocking.blocking_keys`) form a bucket;
   buckets with the same members are checked once, each in a fresh `DedupIndex`, in
   arrival order: the same order, evidence and decisions as a local run.
4. A document found to copy several others keeps the earliest original; chains
   (C copies B, B copies A) are followed until every copy points at an original.
"""

from __future__ import annotations

from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType, StringType, StructField, StructType

from newsevents.dedup._index import MAX_KEY_ARTICLES, TEMPLATE_MIN_ARTICLES
from newsevents.spark._blocking import SENTENCE_KEY_PREFIX, bucket_copies

DUPLICATE_SCHEMA = StructType(
    [
        StructField("doc_id", StringType(), False),
        StructField("duplicate_of", StringType(), False),
        StructField("original_key", StringType(), False),
        StructField("duplicate_kind", StringType(), False),
        StructField("duplicate_score", DoubleType(), False),
    ]
)
_MAX_HOPS = 16  # copies of copies more than 2**16 deep do not occur


def first_copies(documents: DataFrame) -> DataFrame:
    """One row per document id: the copy with the lowest sort key, plus `copies`, the
    origins of the others (the same article found again at other paths or lines), and
    the earliest `arrival` of them all: a local run codes the first it meets."""
    ranked = documents.groupBy("doc_id").agg(
        F.array_sort(F.collect_list(F.struct("sort_key", "origin"))).alias("found"),
        F.min_by(F.struct(*documents.columns), F.col("sort_key")).alias("first"),
        F.min("arrival").alias("arrival"),
    )
    copies = F.slice(F.col("found.origin"), 2, F.size("found"))
    kept = (F.col(f"first.{name}") for name in documents.columns if name != "arrival")
    return ranked.select(*kept, "arrival", copies.alias("copies"))


def find_duplicates(documents: DataFrame) -> DataFrame:
    """`DUPLICATE_SCHEMA` rows for the documents that copy an earlier one."""
    keyed = _capped(documents.select("doc_id", "arrival", F.explode("blocking_keys").alias("key")))
    buckets = (
        keyed.groupBy("key")
        .agg(F.array_sort(F.collect_list("doc_id")).alias("members"))
        .where(F.size("members") > 1)
        .groupBy("members")
        .agg(F.min("key").alias("bucket"))
    )
    checked = documents.select("doc_id", "arrival", "paragraphs").join(
        _templates(documents), "doc_id", "left"
    )
    members = buckets.select("bucket", F.explode("members").alias("doc_id")).join(checked, "doc_id")
    grouped = members.groupBy("bucket").agg(
        F.collect_list(F.struct("doc_id", "arrival", "paragraphs", "templates")).alias("members")
    )
    found = grouped.rdd.flatMap(lambda row: bucket_copies(row.members))
    claims = documents.sparkSession.createDataFrame(found, DUPLICATE_SCHEMA)
    return _to_originals(_earliest(claims))


def _capped(keyed: DataFrame) -> DataFrame:
    """(doc_id, key) rows, where a sentence key keeps only its first articles in arrival
    order: a local index stops offering candidates by a key once it is a topic's."""
    order = Window.partitionBy("key").orderBy("arrival", "doc_id")
    ranked = keyed.withColumn("rank", F.row_number().over(order))
    is_sentence_key = F.col("key").startswith(SENTENCE_KEY_PREFIX)
    kept = ranked.where(~is_sentence_key | (F.col("rank") <= MAX_KEY_ARTICLES))
    return kept.select("doc_id", "key")


def _templates(documents: DataFrame) -> DataFrame:
    """(doc_id, templates): the lines of each document that, with it, are in enough
    articles up to it in arrival order to be a publisher's template."""
    lines = documents.select("doc_id", "arrival", F.explode("line_prints").alias("line"))
    order = Window.partitionBy("line").orderBy("arrival", "doc_id")
    counted = lines.withColumn("articles", F.row_number().over(order))
    template = counted.where(F.col("articles") >= TEMPLATE_MIN_ARTICLES)
    return template.groupBy("doc_id").agg(F.collect_list("line").alias("templates"))


def _earliest(claims: DataFrame) -> DataFrame:
    """Per copy, the claim naming the earliest original (best score on a tie)."""
    best = F.min(
        F.struct(
            "original_key",
            (-F.col("duplicate_score")).alias("rank"),
            *(c for c in DUPLICATE_SCHEMA.names if c not in {"doc_id", "original_key"}),
        )
    )
    picked = claims.groupBy("doc_id").agg(best.alias("best"))
    return picked.select("doc_id", *(f"best.{c}" for c in DUPLICATE_SCHEMA.names[1:]))


def _to_originals(claims: DataFrame) -> DataFrame:
    """Follow chains of copies by pointer jumping: each round halves their length.

    Each round is checkpointed, so the buckets are checked once, not once per round.
    """
    claims = claims.localCheckpoint()
    for _ in range(_MAX_HOPS):
        parents = claims.select(
            F.col("doc_id").alias("duplicate_of"),
            F.col("duplicate_of").alias("parent_of"),
            F.col("original_key").alias("parent_key"),
        )
        hopped = claims.join(parents, "duplicate_of", "left")
        if hopped.where(F.col("parent_of").isNotNull()).isEmpty():
            return claims
        claims = hopped.select(
            "doc_id",
            F.coalesce("parent_of", "duplicate_of").alias("duplicate_of"),
            F.coalesce("parent_key", "original_key").alias("original_key"),
            "duplicate_kind",
            "duplicate_score",
        ).localCheckpoint()
    return claims
