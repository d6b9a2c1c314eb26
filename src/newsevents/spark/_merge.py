"""Happenings on Spark: event mentions merged across articles, key by key, in the tasks.

Mentions merge only within one merge key (type|source country|target country), as in
the store: they are grouped by key across the cluster and each group goes through the
very same `merge_events` a local store runs (which joins USA to USAGOV within a key).
Nothing is collected on the driver; the mentions of one key are held by one task, as a
local store holds them in one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa
from pyspark.sql import DataFrame, Row
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import DoubleType, StructType

from newsevents.export import arrow_schema
from newsevents.model import MAGNITUDE_KINDS
from newsevents.store import HAPPENING_COLUMNS
from newsevents.stories import merge_events, merge_key

# What `merge_events` reads about a mention, as the store selects it: the event, its
# article (url, date, story, the copy it is) and the url of the article it copies.
MENTION_COLUMNS = (
    "event_id",
    "doc_id",
    "duplicate_of",
    "published_at",
    "url",
    "original_url",
    "story_id",
    "type",
    "mode",
    "modality",
    "source_code",
    "source_text",
    "source_country",
    "target_code",
    "target_text",
    "target_country",
    "date_start",
    "date_end",
    "confidence",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "place_confidence",
    *MAGNITUDE_KINDS,
)
# A local store reads a key's mentions in the order it wrote them: article by article
# as they arrived, each article's events in text order. Merging is order-free except
# for ties (two names told equally often), which this order settles the same way.
ORDER_COLUMNS = ("arrival", "sentence_start", "trigger_start", "event_id")


def happening_schema() -> StructType:
    """HAPPENING_COLUMNS as the Parquet export types them, plus `mentions`: event ids."""
    schema = arrow_schema(HAPPENING_COLUMNS).append(pa.field("mentions", pa.list_(pa.string())))
    return from_arrow_schema(schema)


_SCHEMA = happening_schema()
_DOUBLES = frozenset(f.name for f in _SCHEMA.fields if isinstance(f.dataType, DoubleType))


def merge_happenings(mentions: DataFrame) -> DataFrame:
    """One row per happening (`happening_schema`) from mention rows holding
    MENTION_COLUMNS and ORDER_COLUMNS, copies' mentions included."""
    keyed = mentions.select(*MENTION_COLUMNS, *ORDER_COLUMNS[:-1]).rdd.map(_keyed)
    merged = keyed.groupByKey().flatMap(lambda pair: happening_rows(pair[1]))
    return mentions.sparkSession.createDataFrame(merged, _SCHEMA)


def _keyed(row: Row) -> tuple[str, dict[str, Any]]:
    return merge_key(row.type, row.source_code, row.target_code), row.asDict()


def happening_rows(mentions: Iterable[dict[str, Any]]) -> Iterator[tuple[Any, ...]]:
    """The happenings of one key's mentions, as rows of `happening_schema`."""
    ordered = sorted(mentions, key=lambda m: tuple(m[c] for c in ORDER_COLUMNS))
    for happening in merge_events(ordered):
        yield tuple(_value(happening, field) for field in _SCHEMA.names)


def _value(happening: Any, name: str) -> Any:
    value = getattr(happening, name)
    return float(value) if name in _DOUBLES and value is not None else value
