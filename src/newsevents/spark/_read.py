"""Spark's own readers for article inputs, from local paths or any Hadoop URI.

Every input becomes one row of the same shape (`ARTICLE_COLUMNS`): a file's bytes in
`content` (text and HTML files, read as `run` reads them), or a record's fields (a
JSON line, a Parquet row), or an `error` saying why the input has neither. Nothing is
dropped here: bad lines and oversized files become error rows.
"""

from __future__ import annotations

import re
from functools import reduce

from pyspark.errors import AnalysisException
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import BinaryType, StringType, StructField, StructType

from newsevents.errors import InputError
from newsevents.spark._code import RECORD_FIELDS

ARTICLE_COLUMNS = ("origin", "content", *RECORD_FIELDS, "error")
# Globs for Spark's file listing (Hadoop glob syntax) and the same as regexes.
_GLOBS = {
    "files": "*.{txt,text,html,htm,txt.gz,text.gz,html.gz,htm.gz}",
    "jsonl": "*.{jsonl,ndjson,jsonl.gz,ndjson.gz}",
    "parquet": "*.parquet",
}
_PATTERNS = {
    "files": r"\.(txt|text|html|htm)(\.gz)?$",
    "jsonl": r"\.(jsonl|ndjson)(\.gz)?$",
    "parquet": r"\.parquet$",
}
_CORRUPT = "_corrupt_record"
_SNIPPET = 80  # characters of a broken JSON line quoted in its error


def read_articles(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """All article inputs under `source` (a file, folder or glob), folders recursively."""
    try:
        listed = _files_under(spark, source, None).inputFiles()
    except AnalysisException as exc:
        raise InputError(f"Cannot read {source}: {exc.getMessage()}", origin=source) from None
    kinds = {kind for kind, pattern in _PATTERNS.items() for p in listed if re.search(pattern, p)}
    if not kinds:
        raise InputError(
            f"No .txt, .html, .jsonl or .parquet files found in {source}", origin=source
        )
    readers = {"files": _files, "jsonl": _jsonl, "parquet": _parquet}
    frames = [readers[kind](spark, source, max_bytes) for kind in sorted(kinds)]
    return reduce(DataFrame.unionByName, frames)


def _files_under(spark: SparkSession, source: str, kind: str | None) -> DataFrame:
    """Files as rows (path, length, content); the listing happens here, on the driver,
    but a file's bytes are read only by the task that needs them."""
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if kind:
        reader = reader.option("pathGlobFilter", _GLOBS[kind])
    return reader.load(source)


def _origin(path: Column) -> Column:
    """A local file's origin is its plain path, as in a local run; other URIs stay."""
    return F.regexp_replace(path, "^file:/+", "/").alias("origin")


def _row(origin: Column, fields: dict[str, Column]) -> list[Column]:
    nothing = F.lit(None).cast(StringType())
    columns = {"content": F.lit(None).cast(BinaryType()), "error": nothing} | fields
    return [origin, *(columns.get(n, nothing).alias(n) for n in ARTICLE_COLUMNS[1:])]


def _files(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """Text and HTML files; the size filter is applied before a file's bytes are read."""
    files = _files_under(spark, source, "files")
    small = files.where(F.col("length") <= max_bytes).select(
        *_row(_origin(F.col("path")), {"content": F.col("content")})
    )
    too_large = F.format_string(
        "too large: %.1f MB, over the %.1f MB limit (raise it with --max-bytes)",
        F.col("length") / 1e6,
        F.lit(max_bytes / 1e6),
    )
    large = files.where(F.col("length") > max_bytes).select(
        *_row(_origin(F.col("path")), {"error": too_large})
    )
    # Spark's scans skip empty files without a word; the listing still names them.
    listed = spark.createDataFrame([(p,) for p in files.inputFiles()], "path string")
    scanned = files.select(_origin(F.col("path")))
    empty = listed.select(_origin(F.col("path"))).join(scanned, "origin", "left_anti")
    return small.unionByName(large).unionByName(
        empty.select(*_row(F.col("origin"), {"error": F.lit("empty article")}))
    )


def _jsonl(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """JSON Lines, split across tasks by Spark; a line that does not parse is an error."""
    schema = StructType([StructField(name, StringType()) for name in (*RECORD_FIELDS, _CORRUPT)])
    lines = (
        spark.read.schema(schema)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", _CORRUPT)
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", _GLOBS["jsonl"])
        .json(source)
    )
    broken = F.concat(F.lit("invalid JSON line: "), F.substring(_CORRUPT, 1, _SNIPPET))
    fields = {name: F.col(name) for name in RECORD_FIELDS}
    error = F.when(F.col(_CORRUPT).isNotNull(), broken)
    return lines.select(*_row(_origin(F.col("_metadata.file_path")), fields | {"error": error}))


def _parquet(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """Parquet rows with any of the record columns, of any type that casts to text."""
    table = (
        spark.read.option("recursiveFileLookup", "true")
        .option("pathGlobFilter", _GLOBS["parquet"])
        .parquet(source)
    )
    fields = {n: F.col(n).cast(StringType()) for n in RECORD_FIELDS if n in table.columns}
    return table.select(*_row(_origin(F.col("_metadata.file_path")), fields))
