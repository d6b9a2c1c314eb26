"""What runs inside a Spark task: input rows in, tagged document, event and error rows out.

Pure Python (no pyspark import), so it can be read and tested apart from Spark. Each
task codes its articles in batches with `Pipeline.process_documents`; the pipeline
(model, patterns, dictionaries) is built once per executor process and reused by
every task that process runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from typing import Any

import dateparser
import pyarrow as pa

from newsevents.export import document_rows
from newsevents.ingest import document_from_text, documents_from_bytes
from newsevents.model import Document, IngestError
from newsevents.pipeline import Options, Pipeline
from newsevents.spark._blocking import blocking_keys

# Fields of an article given as a record: a JSON line or a Parquet row, as `run` reads
# JSON Lines.
RECORD_FIELDS = ("text", "html", "url", "title", "published")

Row = dict[str, Any]
# One output row of a task: a document, an event or an error, the other two None.
Coded = tuple[Row | None, Row | None, Row | None]


def coded_schema() -> pa.Schema:
    """Document rows as tasks emit them: the columns of `documents/` before copies are
    marked, plus the blocking keys and sort key the duplicate step needs."""
    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("origin", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("format", pa.string()),
            ("published_at", pa.date32()),
            ("published_basis", pa.string()),
            ("paragraphs", pa.list_(pa.string())),
            ("removed", pa.list_(pa.struct([("reason", pa.string()), ("text", pa.string())]))),
            ("raw_chars", pa.int64()),
            ("event_count", pa.int64()),
            ("coder_version", pa.string()),
            ("blocking_keys", pa.list_(pa.string())),
            ("sort_key", pa.string()),
        ]
    )


def error_schema() -> pa.Schema:
    return pa.schema([("origin", pa.string()), ("stage", pa.string()), ("reason", pa.string())])


def output_schema(event_schema: pa.Schema) -> pa.Schema:
    """The schema of `Coded` rows: one nullable struct per kind of row."""
    return pa.schema(
        [
            ("document", pa.struct(list(coded_schema()))),
            ("event", pa.struct(list(event_schema))),
            ("error", pa.struct(list(error_schema()))),
        ]
    )


@cache
def _executor_pipeline(options: Options) -> Pipeline:
    """One pipeline per executor process: the model loads once, not once per task."""
    return Pipeline(options)


def code_partition(rows: Iterable[Any], options: Options) -> Iterator[Coded]:
    """Code one partition of input rows (see `_read.read_articles`) in batches."""
    pipeline = _executor_pipeline(options)
    batch: list[Document] = []
    for row in rows:
        for item in _documents(row, options.max_bytes):
            if isinstance(item, IngestError):
                yield None, None, _error_row(item)
                continue
            batch.append(item)
            if len(batch) >= options.batch_size:
                yield from _coded(pipeline, batch)
                batch = []
    yield from _coded(pipeline, batch)


def _documents(row: Any, max_bytes: int) -> Iterator[Document | IngestError]:
    if row.error:
        yield IngestError(row.origin, "ingest", row.error)
    elif row.content is not None:
        yield from documents_from_bytes(bytes(row.content), row.origin, max_bytes=max_bytes)
    else:
        yield record_document(row)


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


def _coded(pipeline: Pipeline, batch: list[Document]) -> Iterator[Coded]:
    done, errors = pipeline.process_documents(batch)
    for error in errors:
        yield None, None, _error_row(error)
    for document in done:
        yield _document_row(document, pipeline.coder_version), None, None
        for row in document_rows(document):
            yield None, row, None


def _document_row(document: Document, coder_version: str) -> Row:
    published = document.published_at.isoformat() if document.published_at else "~"
    return {
        "doc_id": document.id,
        "origin": document.origin,
        "url": document.url,
        "title": document.title,
        "format": document.format,
        "published_at": document.published_at,
        "published_basis": document.published_basis,
        "paragraphs": document.paragraphs,
        "removed": [{"reason": r.reason, "text": r.text} for r in document.removed],
        "raw_chars": len(document.raw),
        "event_count": len(document.events),
        "coder_version": coder_version,
        "blocking_keys": blocking_keys(document.paragraphs),
        # Earliest publication first ("~" sorts after any date), then origin: the
        # order in which copies count as later than their original.
        "sort_key": f"{published}\x1f{document.origin}\x1f{document.id}",
    }


def _error_row(error: IngestError) -> Row:
    return {"origin": error.origin, "stage": error.stage, "reason": error.reason}
