"""Spark's own readers for article inputs, from local paths or any Hadoop URI.

Every input becomes rows of one shape (`ARTICLE_COLUMNS`): a file's bytes in `content`
(text, HTML, RSS/Atom, WARC and Parquet files, read by the tasks as `_inputs` says),
or a record's fields (a JSON line), or an `error` saying why the input has neither.
Nothing is dropped silently: bad lines and oversized files become error rows, and the
files Spark itself skips (empty, unreadable, corrupt: `ignoreCorruptFiles` keeps one
from failing the job) are found afterwards by `unread_errors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from urllib.parse import unquote

from py4j.protocol import Py4JJavaError
from pyspark.errors import AnalysisException
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import BinaryType, StringType, StructField, StructType

from newsevents.errors import InputError
from newsevents.spark._inputs import RECORD_FIELDS

ARTICLE_COLUMNS = ("origin", "position", "content", *RECORD_FIELDS, "error")
# Globs for Spark's file listing (Hadoop glob syntax) and the same as regexes. "files"
# are read whole and held to --max-bytes, as `run` reads them; "whole" files (WARC
# archives, Parquet tables) hold many articles and are read by one task each.
_GLOBS = {
    "files": "*.{txt,text,html,htm,rss,atom,txt.gz,text.gz,html.gz,htm.gz,rss.gz,atom.gz}",
    "whole": "*.{parquet,warc,warc.gz}",
    "jsonl": "*.{jsonl,ndjson,jsonl.gz,ndjson.gz}",
}
_PATTERNS = {
    "files": r"\.(txt|text|html|htm|rss|atom)(\.gz)?$",
    "whole": r"\.(parquet|warc|warc\.gz)$",
    "jsonl": r"\.(jsonl|ndjson)(\.gz)?$",
}
_WHOLE_FILE_LIMIT = 2**31 - 1  # the most bytes Spark's binaryFile reader holds in a row
_CORRUPT = "_corrupt_record"
_SNIPPET = 80  # characters of a broken JSON line quoted in its error
_PROBE_BYTES, _PROBE_READS = 65536, 16  # read to find why Spark skipped a file


@dataclass(frozen=True)
class Inputs:
    """What a run reads: the article rows, and every input file listed."""

    articles: DataFrame
    files: dict[str, str]  # origin -> path, as Hadoop names it
    whole_files: bool  # WARC or Parquet: their articles are only counted once read


def read_articles(spark: SparkSession, source: str, max_bytes: int) -> Inputs:
    """All article inputs under `source` (a file, folder or glob), folders recursively."""
    try:
        listed = _files_under(spark, source, None).inputFiles()
    except AnalysisException as exc:
        raise InputError(f"Cannot read {source}: {exc.getMessage()}", origin=source) from None
    # The listing gives URIs ("a%20b.txt"), a file's rows its plain path ("a b.txt").
    paths = [unquote(uri) for uri in listed]
    files = {kind: [p for p in paths if re.search(_PATTERNS[kind], p)] for kind in _PATTERNS}
    kinds = sorted(kind for kind, found in files.items() if found)
    if not kinds:
        raise InputError(
            f"No .txt, .html, .jsonl, .parquet, .warc or .rss/.atom files found in {source}",
            origin=source,
        )
    readers = {"files": _files, "whole": _whole, "jsonl": _jsonl}
    frames = [readers[kind](spark, source, max_bytes) for kind in kinds]
    return Inputs(
        articles=reduce(DataFrame.unionByName, frames),
        files={plain_origin(path): path for kind in kinds for path in files[kind]},
        whole_files="whole" in kinds,
    )


def _files_under(spark: SparkSession, source: str, kind: str | None) -> DataFrame:
    """Files as rows (path, length, content); the listing happens here, on the driver,
    but a file's bytes are read only by the task that needs them."""
    reader = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("ignoreCorruptFiles", "true")
    )
    if kind:
        reader = reader.option("pathGlobFilter", _GLOBS[kind])
    return reader.load(source)


def plain_origin(uri: str) -> str:
    """A local file's origin is its plain path, as in a local run; other URIs stay."""
    return re.sub(r"^file:/+", "/", uri)


def _origin(path: Column) -> Column:
    return F.regexp_replace(path, "^file:/+", "/").alias("origin")


def _row(origin: Column, fields: dict[str, Column]) -> list[Column]:
    nothing = F.lit(None).cast(StringType())
    columns = {
        "position": F.lit(0).cast("long"),
        "content": F.lit(None).cast(BinaryType()),
        "error": nothing,
    } | fields
    return [origin, *(columns.get(n, nothing).alias(n) for n in ARTICLE_COLUMNS[1:])]


def _binary(
    spark: SparkSession, source: str, kind: str, limit: int, too_large: Column
) -> DataFrame:
    """Files whose bytes go to the tasks; the size filter is applied before they are read."""
    files = _files_under(spark, source, kind)
    small = files.where(F.col("length") <= limit).select(
        *_row(_origin(F.col("path")), {"content": F.col("content")})
    )
    large = files.where(F.col("length") > limit).select(
        *_row(_origin(F.col("path")), {"error": too_large})
    )
    return small.unionByName(large)


def _files(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """Text, HTML and feed files, held to --max-bytes as `run` holds them."""
    too_large = F.format_string(
        "too large: %.1f MB, over the %.1f MB limit (raise it with --max-bytes)",
        F.col("length") / 1e6,
        F.lit(max_bytes / 1e6),
    )
    return _binary(spark, source, "files", max_bytes, too_large)


def _whole(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """WARC archives and Parquet tables: --max-bytes holds for each article in them."""
    too_large = F.format_string(
        "too large for one Spark task: %.1f GB, over %.1f GB; split the file",
        F.col("length") / 1e9,
        F.lit(_WHOLE_FILE_LIMIT / 1e9),
    )
    return _binary(spark, source, "whole", _WHOLE_FILE_LIMIT, too_large)


def _jsonl(spark: SparkSession, source: str, max_bytes: int) -> DataFrame:
    """JSON Lines, split across tasks by Spark; a line that does not parse is an error."""
    schema = StructType([StructField(name, StringType()) for name in (*RECORD_FIELDS, _CORRUPT)])
    lines = (
        spark.read.schema(schema)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", _CORRUPT)
        .option("recursiveFileLookup", "true")
        .option("ignoreCorruptFiles", "true")
        .option("pathGlobFilter", _GLOBS["jsonl"])
        .json(source)
    )
    broken = F.concat(F.lit("invalid JSON line: "), F.substring(_CORRUPT, 1, _SNIPPET))
    fields = {name: F.col(name) for name in RECORD_FIELDS}
    # Increasing with the line within a file: a local run's order of its records.
    fields |= {"position": F.monotonically_increasing_id()}
    error = F.when(F.col(_CORRUPT).isNotNull(), broken)
    # The metadata column holds a URI ("a%20b.jsonl"): decoded, as other files' paths
    # are, but for "+", which url_decode would read as a space.
    path = F.url_decode(F.regexp_replace(F.col("_metadata.file_path"), r"\+", "%2B"))
    return lines.select(*_row(_origin(path), fields | {"error": error}))


def unread_errors(
    spark: SparkSession, files: dict[str, str], seen: set[str]
) -> list[tuple[str, str, str]]:
    """(origin, stage, reason) for each listed input no task read: Spark skips empty
    files, and unreadable or corrupt ones under `ignoreCorruptFiles`, without a word.
    Each is looked at again here, on the driver, to say why; they are few."""
    return [
        (origin, "ingest", _why_unread(spark, files[origin]))
        for origin in sorted(set(files) - seen)
    ]


def _why_unread(spark: SparkSession, name: str) -> str:
    # py4j, as Hadoop's file systems (and their credentials) are only in the JVM.
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[union-attr]
    assert jvm is not None
    path = jvm.org.apache.hadoop.fs.Path(name)
    try:
        fs = path.getFileSystem(conf)
        if fs.getFileStatus(path).getLen() == 0:
            return "empty article"
        codec = jvm.org.apache.hadoop.io.compress.CompressionCodecFactory(conf).getCodec(path)
        stream = fs.open(path)
        try:
            reader = codec.createInputStream(stream) if codec is not None else stream
            buffer = spark.sparkContext._gateway.new_array(jvm.byte, _PROBE_BYTES)  # type: ignore[union-attr]
            for _ in range(_PROBE_READS):  # far enough to meet a bad header or block
                if reader.read(buffer) <= 0:
                    break
        finally:
            stream.close()
    except Py4JJavaError as exc:
        message = exc.java_exception.getMessage() or exc.java_exception.toString()
        return f"cannot read file: {message}"
    return "nothing could be read: a corrupt file, or one without articles"
