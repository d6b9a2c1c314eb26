"""Writers for flat rows (mentions: `store.EVENT_COLUMNS`, happenings:
`store.HAPPENING_COLUMNS`), each streaming in batches."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.errors import ConfigError
from newsevents.export._formats import gdelt_row, plover_record
from newsevents.model import MAGNITUDE_KINDS
from newsevents.store import EVENT_COLUMNS

FORMATS = ("csv", "jsonl", "parquet", "plover", "gdelt")
PER_MENTION = frozenset({"plover", "gdelt"})  # formats whose records are single reports
_BATCH = 10_000  # rows per Parquet row group: memory stays flat on any table size
_DATES = {"published_at", "date_start", "date_end", "first_seen", "last_seen"}
_FLOATS = {"confidence", "goldstein", "place_confidence", "place_lat", "place_lon"}
_INTS = {"quad_class", "place_geonames_id", *MAGNITUDE_KINDS}


def arrow_schema(columns: Sequence[str] = EVENT_COLUMNS) -> pa.Schema:
    """The Arrow schema of event rows, shared by the Parquet export and Spark."""

    def kind(name: str) -> pa.DataType:
        if name in _DATES:
            return pa.date32()
        if name.endswith(("_start", "_end")) or name.startswith("num_") or name in _INTS:
            return pa.int64()
        return pa.float64() if name in _FLOATS else pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def json_cells(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its structured cells (`magnitudes`) as JSON text: what a CSV cell,
    a Parquet string column or a Spark row holds."""
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
        for k, v in row.items()
    }


@contextmanager
def _text_output(out: Path | TextIO | str) -> Iterator[TextIO]:
    if not isinstance(out, str | Path):
        yield out
    elif str(out) == "-":
        yield sys.stdout
    else:
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            yield handle


def export_events(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    out: Path | TextIO | BinaryIO | str,
    *,
    columns: Sequence[str] = EVENT_COLUMNS,
) -> int:
    """Write rows in `fmt` to a path (or `-`, or an open stream: text, or binary for
    Parquet); returns the count."""
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in PER_MENTION and columns != EVENT_COLUMNS:
        raise ConfigError(f"{fmt} records are single reports: export mentions for {fmt}")
    if fmt == "parquet":
        if str(out) == "-" or isinstance(out, io.TextIOBase):
            raise ConfigError("Parquet needs a file path to write to, not standard output")
        return _parquet(rows, out, columns)  # type: ignore[arg-type]
    with _text_output(out) as handle:  # type: ignore[arg-type]
        if fmt == "csv":
            return _csv(rows, handle, columns)
        if fmt == "jsonl":
            return _jsonl(rows, handle, columns)
        return (_plover if fmt == "plover" else _gdelt)(rows, handle)


def _csv(rows: Iterable[dict[str, Any]], handle: TextIO, columns: Sequence[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(json_cells(row))
        count += 1
    return count


def _jsonl(rows: Iterable[dict[str, Any]], handle: TextIO, columns: Sequence[str]) -> int:
    count = 0
    for row in rows:
        record = {name: row.get(name) for name in columns}
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


def _typed(row: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    typed = json_cells({name: row.get(name) for name in columns})
    for name in _DATES & set(columns):
        value = typed[name]
        if isinstance(value, str):
            typed[name] = date.fromisoformat(value[:10])
    return typed


def _parquet(
    rows: Iterable[dict[str, Any]], out: Path | str | BinaryIO, columns: Sequence[str]
) -> int:
    schema, count, batch = arrow_schema(columns), 0, []
    with pq.ParquetWriter(out if not isinstance(out, str) else Path(out), schema) as writer:
        for row in rows:
            batch.append(_typed(row, columns))
            count += 1
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema))
    return count
