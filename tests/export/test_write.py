"""Each export format round-trips, empty input included."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from newsevents.errors import ConfigError
from newsevents.export import export_events
from newsevents.store import EVENT_COLUMNS

ROW = dict.fromkeys(EVENT_COLUMNS) | {
    "event_id": "e1",
    "type": "ACCUSE",
    "source_text": "Kyiv’s envoy",
    "source_code": "UKRGOV",
    "date_start": "2025-03-01",
    "date_end": "2025-03-07",
    "confidence": 0.82,
    "sentence_start": 10,
    "sentence": "Ukraine accused Russia — again.",
}


@pytest.mark.parametrize("rows", [[ROW, ROW | {"event_id": "e2"}], []])
def test_csv(tmp_path, rows):
    out = tmp_path / "e.csv"
    assert export_events(iter(rows), "csv", out) == len(rows)
    read = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert out.read_text("utf-8").splitlines()[0].split(",") == list(EVENT_COLUMNS)
    assert [r["source_text"] for r in read] == [r["source_text"] for r in rows]


def test_jsonl_to_a_stream():
    stream = io.StringIO()
    assert export_events([ROW], "jsonl", stream) == 1
    record = json.loads(stream.getvalue())
    assert record["sentence"] == ROW["sentence"] and record["confidence"] == 0.82


@pytest.mark.parametrize("rows", [[ROW], []])
def test_parquet_types(tmp_path, rows):
    out = tmp_path / "e.parquet"
    assert export_events(rows, "parquet", out) == len(rows)
    table = pq.read_table(out)
    assert table.schema.field("date_start").type == "date32[day]"
    assert table.schema.field("confidence").type == "double"
    assert table.num_rows == len(rows)
    if rows:
        assert str(table.to_pylist()[0]["date_start"]) == "2025-03-01"


def test_unknown_format_and_parquet_to_stdout():
    with pytest.raises(ConfigError, match="Unknown export format"):
        export_events([], "xml", "-")
    with pytest.raises(ConfigError, match="Parquet needs a file"):
        export_events([], "parquet", "-")
