"""What a Spark task reads: one input row (see `_read.ARTICLE_COLUMNS`) in, documents out.

Pure Python (no pyspark import). A row holds a file's bytes or one record's fields;
files go through the same ingest readers as `newsevents run` (text, HTML, RSS/Atom,
WARC), Parquet files are read row group by row group with pyarrow. Whatever cannot be
read becomes an `IngestError` with the reason: one bad file never fails the task.

Each document comes with its arrival key: where a local run over the same input would
meet it (path by path as `expand_paths` sorts them, then its place in the file), the
order in which stories are formed.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import dateparser
import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.ingest import document_from_text, documents_from_bytes, iter_documents
from newsevents.model import Document, IngestError

# Fields of an article given as a record: a JSON line or a Parquet row, as `run` reads
# JSON Lines.
RECORD_FIELDS = ("text", "html", "url", "title", "published")
# Formats read as a whole by one ingest reader, from a temporary copy of their bytes.
_ARCHIVES = (".warc", ".rss", ".atom")

Item = Document | IngestError


def read_partition(
    rows: Iterable[Any], max_bytes: int, seen: Callable[[set[str]], None] | None = None
) -> Iterator[tuple[str, Item]]:
    """(arrival key, document or error) for every article in a partition of input rows.

    `seen` is told which inputs were read (once per partition), so that files Spark
    skipped without a word (empty, unreadable) can be found and recorded afterwards.
    """
    origins: set[str] = set()
    for row in rows:
        origins.add(row.origin)
        for number, item in enumerate(_items(row, max_bytes)):
            yield arrival_key(row.origin, row.position, number), item
    if seen is not None:
        seen(origins)


def arrival_key(origin: str, position: int, number: int) -> str:
    """A string that sorts as a local run meets its inputs: "/" sorts before any other
    character, as `sorted(Path.rglob(...))` compares path parts; then the record's
    position in its file and the article's number within the record."""
    return f"{origin.replace('/', chr(1))}\x00{position:020d}\x00{number:09d}"


def _items(row: Any, max_bytes: int) -> Iterator[Item]:
    if row.error:
        yield IngestError(row.origin, "ingest", row.error)
    elif row.content is None:
        yield record_document(row)
    elif _suffix(row.origin) == ".parquet":
        yield from _parquet_records(bytes(row.content), row.origin)
    elif _suffix(row.origin) in _ARCHIVES:
        yield from _archive(bytes(row.content), row.origin, max_bytes)
    else:
        yield from documents_from_bytes(bytes(row.content), row.origin, max_bytes=max_bytes)


def _suffix(origin: str) -> str:
    """The format's extension, under any .gz (as the ingest stage reads it)."""
    name = origin.rsplit("/", 1)[-1].lower().removesuffix(".gz")
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def _archive(data: bytes, origin: str, max_bytes: int) -> Iterator[Item]:
    """A WARC archive or a feed, read by `iter_documents` as `run` reads it. The readers
    take a path, so the bytes go to a temporary file whose name is then replaced by the
    input's own in every origin (`crawl.warc.gz#3`, `feed.rss#2`)."""
    name = origin.rsplit("/", 1)[-1]
    with tempfile.TemporaryDirectory(prefix="newsevents-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for item in iter_documents([str(path)], max_bytes=max_bytes):
            yield _renamed(item, str(path), origin)


def _renamed(item: Item, temporary: str, origin: str) -> Item:
    where = origin + item.origin.removeprefix(temporary)
    if isinstance(item, IngestError):
        return dataclasses.replace(
            item, origin=where, reason=item.reason.replace(temporary, origin)
        )
    item.origin = where
    return item


def _parquet_records(data: bytes, origin: str) -> Iterator[Item]:
    """Each row of a Parquet file as a record; a file that breaks off (truncated,
    corrupt) is an error after the rows read before the break."""
    read = 0
    try:
        table = pq.ParquetFile(pa.BufferReader(data))
        columns = [name for name in RECORD_FIELDS if name in table.schema_arrow.names]
        if "text" not in columns and "html" not in columns:
            yield IngestError(
                origin, "ingest", "Parquet file has neither a 'text' nor an 'html' column"
            )
            return
        for batch in table.iter_batches(columns=columns):
            for record in batch.to_pylist():
                fields = dict.fromkeys(RECORD_FIELDS) | {k: _field(v) for k, v in record.items()}
                yield record_document(SimpleNamespace(origin=origin, **fields))
                read += 1
    except (pa.ArrowException, OSError, ValueError) as exc:
        after = f" after {read} rows" if read else ""
        yield IngestError(origin, "ingest", f"unreadable Parquet file{after} ({exc})")


def _field(value: object) -> str | None:
    """A record field of any Parquet type as text, as Spark's cast to string gives it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def record_document(row: Any) -> Document | IngestError:
    """An article given as a record, read as `newsevents run` reads a JSON line."""
    raw = row.text or row.html
    if not raw:
        return IngestError(row.origin, "ingest", "record has neither 'text' nor 'html'")
    document = document_from_text(raw, row.origin, _published(row.published))
    document.format = "text" if row.text else "html"
    document.url = row.url or document.url
    document.title = row.title or document.title
    return document


def _published(value: str | None) -> date | None:
    """An ISO date (or timestamp), else any full date dateparser reads, else None."""
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        return parsed.date() if parsed else None
