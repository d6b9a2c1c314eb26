"""The fatalities column and magnitudes in every export format."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from newsevents.export import GDELT_COLUMNS, export_events, json_cells
from newsevents.store import EVENT_COLUMNS

DETAILS = {
    "killed": {"value": 9, "low": 9, "high": None, "text": "at least 9", "start": 40, "end": 50},
    "crowd": {"value": 200, "low": 200, "high": 999, "text": "hundreds", "start": 5, "end": 13},
}
ROW = dict.fromkeys(EVENT_COLUMNS) | {
    "event_id": "0123456789abcdef",
    "type": "PROTEST",
    "killed": 9,
    "crowd": 200,
    "magnitudes": DETAILS,
    "date_start": "2025-04-02",
}


def test_csv_has_the_figures_and_their_words_as_json(tmp_path):
    out = tmp_path / "e.csv"
    export_events([ROW], "csv", out)
    [row] = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert row["killed"] == "9" and row["injured"] == "" and row["crowd"] == "200"
    assert json.loads(row["magnitudes"]) == DETAILS


def test_parquet_types_the_figures_as_whole_numbers(tmp_path):
    out = tmp_path / "e.parquet"
    export_events([ROW, ROW | {"killed": None, "magnitudes": None}], "parquet", out)
    table = pq.read_table(out)
    assert str(table.schema.field("killed").type) == "int64"
    assert table.column("killed").to_pylist() == [9, None]
    assert json.loads(table.column("magnitudes").to_pylist()[0]) == DETAILS


def test_plover_records_use_plovers_names():
    stream = io.StringIO()
    export_events([ROW], "plover", stream)
    magnitude = json.loads(stream.getvalue())["magnitude"]
    assert magnitude["dead"] == 9 and magnitude["size"] == 200 and "injured" not in magnitude
    assert magnitude["dead_text"] == {
        "text": "at least 9",
        "text_span": [40, 50],
        "low": 9,
        "high": None,
    }


def test_gdelt_rows_keep_gdelts_columns():
    stream = io.StringIO()
    export_events([ROW], "gdelt", stream)
    assert len(stream.getvalue().rstrip("\n").split("\t")) == len(GDELT_COLUMNS) == 61


@pytest.mark.parametrize("value", [{"a": 1}, [1, 2]])
def test_structured_cells_become_json_text(value):
    assert json.loads(json_cells({"x": value})["x"]) == value
