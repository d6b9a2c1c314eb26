"""Writers for flat event rows (`store.EVENT_COLUMNS`), each streaming in batches."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.errors import ConfigError
from newsevents.export._formats import gdelt_row, plover_record
from newsevents.store import EVENT_COLUMNS

FORMATS = ("csv", "jsonl", "parquet", "plover", "gdelt")
_BATCH = 10_000  # rows per Parquet row group: memory stays flat on any table size
_DATES = {"published_at", "date_start", "date_end"}
_INTS = {name for name in EVENT_COLUMNS if name.endswith(("_start", "_end"))} - _DATES


def arrow_schema() -> pa.Schema:
    """The Arrow schema of event rows, shared by the Parquet export and Spark."""
    return _schema()


def _schema() -> pa.Schema:
    def kind(name: str) -> pa.DataType:
        if name in _DATES:
            return pa.date32()
        if name in _INTS:
            return pa.int64()
        return pa.float64() if name == "confidence" else pa.string()

    return pa.schema([(name, kind(name)) for name in EVENT_COLUMNS])


@contextmanager
def _text_output(out: Path | TextIO | str) -> Iterator[TextIO]:
    if not isinstance(out, str | Path):
        yield out
    elif str(out) == "-":
        yield sys.stdout
    else:
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            yield handle


def export_events(rows: Iterable[dict[str, Any]], fmt: str, out: Path | TextIO | str) -> int:
    """Write rows in `fmt` to a path (or `-`, or an open text stream); returns the count."""
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, str | Path) or str(out) == "-":
            raise ConfigError("Parquet needs a file path to write to, not standard output")
        return _parquet(rows, Path(out))
    writers = {"csv": _csv, "jsonl": _jsonl, "plover": _plover, "gdelt": _gdelt}
    with _text_output(out) as handle:
        return writers[fmt](rows, handle)


def _csv(rows: Iterable[dict[str, Any]], handle: TextIO) -> int:
    writer = csv.DictWriter(handle, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _jsonl(rows: Iterable[dict[str, Any]], handle: TextIO) -> int:
    count = 0
    for row in rows:
        record = {name: row.get(name) for name in EVENT_COLUMNS}
        handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def _plover(rows: Iterable[dict[str, Any]], handle: TextIO) -> int:
    """PLOVER JSON records, one per line."""
    count = 0
    for row in rows:
        handle.write(json.dumps(plover_record(row), ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def _gdelt(rows: Iterable[dict[str, Any]], handle: TextIO) -> int:
    """GDELT 2.0 event rows: tab-separated, no header, as GDELT publishes them."""
    writer = csv.writer(
        handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    count = 0
    for row in rows:
        writer.writerow(gdelt_row(row))
        count += 1
    return count


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    typed = {name: row.get(name) for name in EVENT_COLUMNS}
    for name in _DATES:
        value = typed[name]
        if isinstance(value, str):
            typed[name] = date.fromisoformat(value[:10])
    return typed


def _parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    schema, count, batch = _schema(), 0, []
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            batch.append(_typed(row))
            count += 1
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema))
    return count
