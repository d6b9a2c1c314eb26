"""What runs inside a Spark task: documents in, tagged document, event and error rows out.

Pure Python (no pyspark import), so it can be read and tested apart from Spark. Each
task codes its articles in batches with `Pipeline.process_documents`; the pipeline
(model, patterns, dictionaries) is built once per executor process and reused by
every task that process runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pyarrow as pa

from newsevents.dedup._index import Profile
from newsevents.export import document_rows, json_cells
from newsevents.model import Document, IngestError
from newsevents.pipeline import Options, Pipeline
from newsevents.spark._blocking import blocking_keys
from newsevents.spark._inputs import Item
from newsevents.store import document_record
from newsevents.stories import article_terms, story_title

Row = dict[str, Any]
# One output row of a task: a document, an event or an error, the other two None.
Coded = tuple[Row | None, Row | None, Row | None]


def coded_schema() -> pa.Schema:
    """Document rows as tasks emit them: the columns of `documents/` known before copies
    and stories are found, plus what those steps need (blocking keys, line fingerprints,
    sort key, arrival key, the names stories are matched on and the title a story would take)."""
    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("origin", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("format", pa.string()),
            ("published_at", pa.date32()),
            ("published_basis", pa.string()),
            ("published_start", pa.date32()),
            ("published_end", pa.date32()),
            ("paragraphs", pa.list_(pa.string())),
            ("removed", pa.list_(pa.struct([("reason", pa.string()), ("text", pa.string())]))),
            ("raw_chars", pa.int64()),
            ("event_count", pa.int64()),
            ("coder_version", pa.string()),
            ("blocking_keys", pa.list_(pa.string())),
            ("line_prints", pa.list_(pa.int64())),
            ("sort_key", pa.string()),
            ("arrival", pa.string()),
            ("story_terms", pa.list_(pa.string())),
            ("story_title", pa.string()),
        ]
    )


_CODED_COLUMNS = tuple(coded_schema().names)


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


def code_partition(items: Iterable[tuple[str, Item]], options: Options) -> Iterator[Coded]:
    """Code one partition of (arrival key, document or error) pairs in batches."""
    pipeline = _executor_pipeline(options)
    batch: list[tuple[str, Document]] = []
    for arrival, item in items:
        if isinstance(item, IngestError):
            yield None, None, _error_row(item)
            continue
        batch.append((arrival, item))
        if len(batch) >= options.batch_size:
            yield from _coded(pipeline, batch)
            batch = []
    yield from _coded(pipeline, batch)


def _coded(pipeline: Pipeline, batch: list[tuple[str, Document]]) -> Iterator[Coded]:
    arrivals = {id(document): arrival for arrival, document in batch}
    done, errors = pipeline.process_documents([document for _, document in batch])
    for error in errors:
        yield None, None, _error_row(error)
    for document in done:
        row = _document_row(document, pipeline.coder_version, arrivals[id(document)])
        yield row, None, None
        for event in document_rows(document):
            yield None, json_cells(event), None


def _document_row(document: Document, coder_version: str, arrival: str) -> Row:
    """The store's document record, with Spark's own columns on top."""
    record = document_record(document, coder_version)
    published = document.published_at.isoformat() if document.published_at else "~"
    profile = Profile.of(document.paragraphs)  # read once for both copy-finding columns
    return {name: record.get(name) for name in _CODED_COLUMNS} | {
        "doc_id": document.id,
        "event_count": len(document.events),
        "blocking_keys": blocking_keys(profile),
        "line_prints": sorted(profile.lines),
        # Which input of one article (the same id) stands for it: earliest publication
        # first ("~" sorts after any date), then origin.
        "sort_key": f"{published}\x1f{document.origin}\x1f{document.id}",
        "arrival": arrival,
        "story_terms": article_terms(document.paragraphs, document.title),
        "story_title": story_title(document.title, document.paragraphs, document.origin),
    }


def _error_row(error: IngestError) -> Row:
    return {"origin": error.origin, "stage": error.stage, "reason": error.reason}
