"""The Spark runner, for real, on local[2]: the same events as the local pipeline, every
input format read, every bad input recorded. One SparkSession for the whole module."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.pipeline import Pipeline
from newsevents.spark import SparkRun, run_spark, spark_session
from newsevents.spark._dedup import DUPLICATE_SCHEMA, _to_originals
from newsevents.store import EVENT_COLUMNS, Store

pytestmark = pytest.mark.slow

DEMO = Path(str(resources.files("newsevents") / "data" / "demo"))
# The store merges mentions into happenings as it writes; a Spark run leaves that to
# whoever loads its output, so the column is empty there.
NOT_ON_SPARK = {"happening_id"}
ACCUSE = "Ukraine accused Russia of shelling Kharkiv on Monday, the foreign ministry said."
REJECT = "Venezuela rejected the United States' demand to hold new elections."
THREATEN = "Iran threatened to close the Strait of Hormuz if Israel attacked again."
AID = "<html><body><p>Japan pledged $50 million in aid to Sudan, officials said.</p></body></html>"


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    if shutil.which("java") is None:
        pytest.fail("Spark needs Java 17 on PATH (Debian: openjdk-17-jre-headless)")
    session = spark_session("local[2]")
    yield session
    session.stop()


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _rows(path: Path) -> list[dict[str, Any]]:
    rows = pq.read_table(path).to_pylist()
    return sorted(({k: _plain(v) for k, v in r.items()} for r in rows), key=str)


@pytest.fixture(scope="session")
def demo(spark, tmp_path_factory) -> tuple[Path, SparkRun]:
    out = tmp_path_factory.mktemp("spark") / "demo"
    return out, run_spark(str(DEMO), str(out))


@pytest.fixture(scope="session")
def local_demo(tmp_path_factory) -> Iterator[Store]:
    with Store.open(str(tmp_path_factory.mktemp("local") / "demo.db")) as store:
        Pipeline().run([str(DEMO)], store)
        yield store


def test_spark_codes_the_same_events_as_a_local_run(demo, local_demo):
    out, run = demo
    table = pq.read_table(out / "events")
    assert table.column_names == [*EVENT_COLUMNS, "event_month"]
    spark_rows = sorted(table.to_pylist(), key=lambda r: r["event_id"])
    local_rows = sorted(
        local_demo.query_events(limit=None, include_duplicates=True), key=lambda r: r["event_id"]
    )
    assert run.events == len(spark_rows) == len(local_rows) > 50
    columns = [c for c in EVENT_COLUMNS if c not in NOT_ON_SPARK]
    for ours, theirs in zip(spark_rows, local_rows, strict=True):
        assert {c: _plain(ours[c]) for c in columns} == {c: theirs[c] for c in columns}
        month = ours["date_start"].strftime("%Y-%m") if ours["date_start"] else "unknown"
        assert ours["event_month"] == month


def test_copies_are_marked_as_a_local_run_marks_them(demo, local_demo):
    out, run = demo
    documents = pq.read_table(out / "documents").to_pylist()
    assert len(documents) == run.documents == 24
    for document in documents:
        stored = local_demo.document(document["doc_id"])
        assert stored is not None, document["origin"]
        assert stored["origin"] == document["origin"]
        assert document["duplicate_of"] == stored["duplicate_of"]
        assert document["duplicate_kind"] == stored["duplicate_kind"]
    kinds = sorted(d["duplicate_kind"] for d in documents if d["duplicate_of"])
    assert kinds == ["paraphrase", "syndicated"] and run.duplicates == 2
    assert pq.read_table(out / "errors").num_rows == run.errors == 0


@pytest.fixture(scope="session")
def mixed(tmp_path_factory) -> Path:
    """JSON Lines with bad lines, Parquet with a repeated and a re-cased article, and
    files that cannot be read as text."""
    folder = tmp_path_factory.mktemp("mixed")
    lines = [
        json.dumps({"text": ACCUSE, "url": "https://a.example/1", "published": "2025-06-03"}),
        '{"text": "an unfinished line',
        "",
        json.dumps({"url": "https://a.example/no-text"}),
        json.dumps({"html": AID, "title": "Aid", "published": "2025-04-02T10:00:00Z"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    records = {
        "text": [REJECT, ACCUSE, ACCUSE.upper(), THREATEN],
        "url": ["https://b.example/1", "https://b.example/2", None, None],
        "published": [date(2025, 9, 1), date(2025, 6, 4), date(2025, 6, 5), None],
    }
    pq.write_table(pa.table(records), folder / "more.parquet")
    (folder / "nested").mkdir()
    (folder / "nested" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "nested" / "empty.html").write_bytes(b"")
    return folder


def test_jsonl_parquet_and_files_in_one_run_nothing_lost(spark, mixed, tmp_path):
    result = CliRunner().invoke(app, ["spark", str(mixed), str(tmp_path / "out")])
    assert result.exit_code == 3, result.output  # finished, but some inputs failed
    assert "5 documents (1 copies)" in result.output and "4 errors" in result.output
    jsonl, parquet = str(mixed / "feed.jsonl"), str(mixed / "more.parquet")
    documents = _rows(tmp_path / "out" / "documents")
    by_text = {d["paragraphs"][0]: d for d in documents if d["format"] == "text"}
    assert set(by_text) == {ACCUSE, ACCUSE.upper(), REJECT, THREATEN}
    first = by_text[ACCUSE]  # in both files: one document, from the earlier publication
    assert (first["origin"], first["copies"]) == (jsonl, [parquet])
    assert (first["url"], first["published_at"]) == ("https://a.example/1", "2025-06-03")
    recased = by_text[ACCUSE.upper()]
    assert (recased["duplicate_of"], recased["duplicate_kind"]) == (first["doc_id"], "syndicated")
    assert by_text[REJECT]["published_at"] == "2025-09-01"
    assert by_text[THREATEN]["published_at"] is None
    (aid,) = (d for d in documents if d["format"] == "html")
    assert (aid["title"], aid["published_at"], aid["origin"]) == ("Aid", "2025-04-02", jsonl)
    events = _rows(tmp_path / "out" / "events")
    assert {first["doc_id"], by_text[REJECT]["doc_id"]} <= {e["doc_id"] for e in events}
    assert len({e["event_id"] for e in events}) == len(events) > 0
    errors = _rows(tmp_path / "out" / "errors")
    assert {(Path(e["origin"]).name, e["reason"].split(":")[0]) for e in errors} == {
        ("feed.jsonl", "invalid JSON line"),
        ("feed.jsonl", "record has neither 'text' nor 'html'"),
        ("binary.txt", "binary content, not text"),
        ("empty.html", "empty article"),
    }


def test_a_missing_input_is_one_clear_error(spark, tmp_path):
    result = CliRunner().invoke(app, ["spark", str(tmp_path / "nowhere"), str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "Cannot read" in result.output and "nowhere" in result.output


def test_chains_of_copies_point_at_the_original(spark):
    claims = spark.createDataFrame(
        [("c", "b", "2", "near", 0.9), ("b", "a", "1", "near", 0.8), ("d", "c", "3", "exact", 1.0)],
        DUPLICATE_SCHEMA,
    )
    resolved = {r.doc_id: (r.duplicate_of, r.original_key) for r in _to_originals(claims).collect()}
    assert resolved == {"b": ("a", "1"), "c": ("a", "1"), "d": ("a", "1")}
