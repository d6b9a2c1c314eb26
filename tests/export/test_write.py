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


def test_every_plover_type_has_a_cameo_code():
    from newsevents.export import cameo_for, quad_class
    from newsevents.model import PLOVER_TYPES

    quads = {kind: quad_class(cameo_for(kind, None)[0]) for kind in PLOVER_TYPES}
    assert quads["AGREE"] == quads["CONSULT"] == 1
    assert quads["AID"] == quads["COOPERATE"] == 2
    assert quads["ACCUSE"] == quads["THREATEN"] == 3
    assert quads["ASSAULT"] == quads["COERCE"] == 4
    assert cameo_for("CONSULT", "phone") == ("041", 1.0)
    assert cameo_for("CONSULT", "no-such-mode") == cameo_for("CONSULT", None)


def test_gdelt_rows_have_the_61_columns(tmp_path):
    from newsevents.export import GDELT_COLUMNS

    out = tmp_path / "events.CSV"
    row = ROW | {
        "type": "ASSAULT",
        "mode": "aerial",
        "target_code": "VENCRM",
        "url": "https://x.org/a",
    }
    assert export_events([row], "gdelt", out) == 1
    fields = dict(zip(GDELT_COLUMNS, out.read_text("utf-8").rstrip("\n").split("\t"), strict=True))
    assert len(GDELT_COLUMNS) == 61
    assert (fields["EventCode"], fields["EventRootCode"], fields["QuadClass"]) == ("195", "19", "4")
    assert fields["SQLDATE"] == "20250301" and fields["Actor1Code"] == "UKRGOV"
    assert fields["SOURCEURL"] == "https://x.org/a" and float(fields["GoldsteinScale"]) < 0


def test_plover_records_keep_provenance():
    stream = io.StringIO()
    export_events(
        [ROW | {"source_qid": "Q212", "trigger_start": 8, "trigger_end": 15}], "plover", stream
    )
    record = json.loads(stream.getvalue())
    assert record["event"] == "ACCUSE" and record["actor"]["wikidata"] == "Q212"
    assert record["recipient"] is None
    assert record["text_info"]["trigger_span"] == [8, 15]
    assert record["text_info"]["sentence"] == ROW["sentence"]
