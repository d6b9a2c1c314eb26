"""The Spark runner, for real, on local[2]: the same events, happenings and stories as
the local pipeline, every input format read, every bad input recorded. One
SparkSession for the whole module."""

from __future__ import annotations

import io
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
from sqlalchemy import select
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.dedup import DedupIndex
from newsevents.dedup._index import Profile
from newsevents.export import json_cells
from newsevents.pipeline import Pipeline
from newsevents.spark import SparkRun, run_spark, spark_session
from newsevents.spark._blocking import blocking_keys
from newsevents.spark._dedup import DUPLICATE_SCHEMA, _to_originals, find_duplicates
from newsevents.store import EVENT_COLUMNS, HAPPENING_COLUMNS, Store, metadata

pytestmark = pytest.mark.slow

DEMO = Path(str(resources.files("newsevents") / "data" / "demo"))
ACCUSE = "Ukraine accused Russia of shelling Kharkiv on Monday, the foreign ministry said."
REJECT = "Venezuela rejected the United States' demand to hold new elections."
THREATEN = "Iran threatened to close the Strait of Hormuz if Israel attacked again."
AID = "<html><body><p>Japan pledged $50 million in aid to Sudan, officials said.</p></body></html>"
TALKS = (
    "<html><head><title>Talks in Doha</title></head><body><article><h1>Talks in Doha</h1>"
    "<p>Israel and Hamas negotiators met in Doha on Monday to discuss a ceasefire, Qatari "
    "officials said.</p></article></body></html>"
)
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>
<title>Belgrade protests</title><link>https://wire.example/belgrade</link>
<pubDate>Tue, 01 Jul 2025 08:00:00 GMT</pubDate>
<description>Serbian police detained dozens of protesters in Belgrade, the interior
ministry said.</description></item></channel></rss>"""


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
def corpus(tmp_path_factory, seeds_dir) -> Path:
    """The demo articles and the seed articles, in one folder of two."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, source in (("demo", DEMO), ("seeds", seeds_dir)):
        (folder / name).mkdir()
        for path in source.glob("*.txt"):
            (folder / name / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="session")
def compared(spark, corpus, tmp_path_factory) -> Iterator[tuple[Path, SparkRun, Store]]:
    """The corpus coded on Spark, and by a local run into a store."""
    out = tmp_path_factory.mktemp("spark") / "out"
    run = run_spark(str(corpus), str(out))
    with Store.open(str(tmp_path_factory.mktemp("local") / "local.db")) as store:
        Pipeline().run([str(corpus)], store)
        yield out, run, store


def test_spark_codes_the_same_events_as_a_local_run(compared):
    out, run, store = compared
    table = pq.read_table(out / "events")
    assert table.column_names == [*EVENT_COLUMNS, "event_month"]
    spark_rows = sorted(table.to_pylist(), key=lambda r: r["event_id"])
    local_rows = sorted(
        store.query_events(limit=None, include_duplicates=True), key=lambda r: r["event_id"]
    )
    assert run.events == len(spark_rows) == len(local_rows) > 100
    for ours, theirs in zip(spark_rows, local_rows, strict=True):
        # happening_id too: every mention is in the happening the store put it in.
        # Parquet holds structured cells (`magnitudes`) as JSON text, as the exports do.
        local = json_cells({c: theirs[c] for c in EVENT_COLUMNS})
        assert {c: _plain(ours[c]) for c in EVENT_COLUMNS} == local
        month = ours["date_start"].strftime("%Y-%m") if ours["date_start"] else "unknown"
        assert ours["event_month"] == month


def test_happenings_are_merged_as_a_local_store_merges_them(compared):
    out, run, store = compared
    table = pq.read_table(out / "happenings")
    assert table.column_names == list(HAPPENING_COLUMNS)
    ours = _rows(out / "happenings")
    theirs = sorted(store.query_happenings(limit=None), key=str)
    assert run.happenings == len(ours) == len(theirs) == store.counts()["happenings"]
    assert ours == theirs
    assert any(h["num_articles"] > 1 for h in ours)  # some did merge across articles


def test_stories_are_formed_as_in_a_local_run(compared):
    out, run, store = compared
    for document in pq.read_table(out / "documents").to_pylist():
        assert document["story_id"] == store.document(document["doc_id"])["story_id"]
    stories = metadata.tables["stories"]
    with store.engine.connect() as connection:
        rows = connection.execute(select(stories).order_by(stories.c.id)).mappings().all()
    local = [{k: _plain(v) for k, v in row.items() if k != "updated_at"} for row in rows]
    ours = sorted(pq.read_table(out / "stories").to_pylist(), key=lambda s: s["id"])
    assert [s | {"terms": dict(s["terms"])} for s in _plain_rows(ours)] == local
    assert run.stories == len(local) and any(s["num_articles"] > 1 for s in local)


def _plain_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in r.items()} for r in rows]


def test_copies_are_marked_as_a_local_run_marks_them(compared):
    out, run, store = compared
    documents = pq.read_table(out / "documents").to_pylist()
    assert len(documents) == run.documents == 24 + 5
    for document in documents:
        stored = store.document(document["doc_id"])
        assert stored is not None, document["origin"]
        assert stored["origin"] == document["origin"]
        assert document["duplicate_of"] == stored["duplicate_of"]
        assert document["duplicate_kind"] == stored["duplicate_kind"]
    kinds = sorted(d["duplicate_kind"] for d in documents if d["duplicate_of"])
    assert kinds == ["paraphrase", "paraphrase", "syndicated"] and run.duplicates == 3
    assert pq.read_table(out / "errors").num_rows == run.errors == 0


def test_copies_on_a_real_archive_are_the_same_as_a_local_run(spark, police_archive):
    """629 real articles, partitioned at random: the same documents are copies, of the
    same kind, as a local index that meets them in arrival order finds."""
    rows = [
        {
            "doc_id": doc_id,
            "arrival": f"{number:06}",
            "paragraphs": paragraphs,
            "blocking_keys": blocking_keys(Profile.of(paragraphs)),
            "line_prints": sorted(Profile.of(paragraphs).lines),
        }
        for number, (doc_id, paragraphs) in enumerate(police_archive)
    ]
    shuffled = sorted(rows, key=lambda r: hash(r["doc_id"]))
    documents = spark.createDataFrame(shuffled).repartition(7)
    on_spark = {r.doc_id: r.duplicate_kind for r in find_duplicates(documents).collect()}
    index = DedupIndex()
    local = {}
    for row in rows:
        member = index.add(row["doc_id"], row["paragraphs"], raw_id=row["doc_id"])
        if member.kind != "canonical":
            local[row["doc_id"]] = member.kind
    assert on_spark == local
    assert 5 <= len(local) <= 0.05 * len(rows)


@pytest.fixture(scope="session")
def mixed(tmp_path_factory, write_warc) -> Path:
    """JSON Lines with bad lines, Parquet with a repeated and a re-cased article, a WARC
    archive and an RSS feed, and files that cannot be read: binary, empty, truncated.
    Some names hold a space (%20 in the URIs Spark gives) and a plus."""
    folder = tmp_path_factory.mktemp("mixed")
    lines = [
        json.dumps({"text": ACCUSE, "url": "https://a.example/1", "published": "2025-06-03"}),
        '{"text": "an unfinished line',
        "",
        json.dumps({"url": "https://a.example/no-text"}),
        json.dumps({"html": AID, "title": "Aid", "published": "2025-04-02T10:00:00Z"}),
    ]
    (folder / "feed 1+1.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    records = {
        "text": [REJECT, ACCUSE, ACCUSE.upper(), THREATEN],
        "url": ["https://b.example/1", "https://b.example/2", None, None],
        "published": [date(2025, 9, 1), date(2025, 6, 4), date(2025, 6, 5), None],
    }
    pq.write_table(pa.table(records), folder / "more.parquet")
    pages = [
        ("https://news.example/doha", "text/html; charset=utf-8", TALKS.encode()),
        ("https://news.example/logo.png", "image/png", b"\x89PNG...."),
    ]
    write_warc(folder / "crawl.warc.gz", pages)
    (folder / "wire.rss").write_text(FEED, "utf-8")
    (folder / "nested dir").mkdir()
    (folder / "nested dir" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "nested dir" / "empty.html").write_bytes(b"")
    whole = io.BytesIO()
    pq.write_table(pa.table({"text": [THREATEN.upper()] * 50}), whole)
    data = whole.getvalue()
    (folder / "nested dir" / "truncated.parquet").write_bytes(data[: len(data) // 2])
    blob = bytes((n * 37 + 11) % 256 for n in range(4096))
    (folder / "nested dir" / "blob.parquet").write_bytes(blob)
    (folder / "nested dir" / "blob.jsonl.gz").write_bytes(blob)
    return folder


def test_every_input_format_in_one_run_nothing_lost(spark, mixed, tmp_path):
    result = CliRunner().invoke(app, ["spark", str(mixed), str(tmp_path / "out")])
    assert result.exit_code == 3, result.output  # finished, but some inputs failed
    assert "7 documents (1 copies)" in result.output and "7 errors" in result.output
    jsonl, parquet = str(mixed / "feed 1+1.jsonl"), str(mixed / "more.parquet")
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
    html = {d["origin"]: d for d in documents if d["format"] == "html"}
    aid = html[jsonl]
    assert (aid["title"], aid["published_at"]) == ("Aid", "2025-04-02")
    page = html[f"{mixed / 'crawl.warc.gz'}#1"]  # the record's number, as `run` names it
    assert (page["url"], page["published_at"]) == ("https://news.example/doha", "2025-06-09")
    assert page["published_basis"] == "crawl-date"
    entry = html[f"{mixed / 'wire.rss'}#1"]
    assert (entry["url"], entry["published_at"]) == ("https://wire.example/belgrade", "2025-07-01")
    assert all(d["story_id"] for d in documents)
    events = _rows(tmp_path / "out" / "events")
    assert {first["doc_id"], by_text[REJECT]["doc_id"], page["doc_id"]} <= {
        e["doc_id"] for e in events
    }
    assert len({e["event_id"] for e in events}) == len(events) > 0
    happenings = {h["id"] for h in _rows(tmp_path / "out" / "happenings")}
    assert {e["happening_id"] for e in events} == happenings
    errors = sorted(
        (Path(e["origin"]).name, e["reason"]) for e in _rows(tmp_path / "out" / "errors")
    )
    expected = [
        ("binary.txt", "binary content, not text"),
        ("blob.jsonl.gz", "cannot read file: "),  # not a gzip file
        ("blob.parquet", "unreadable Parquet file (Parquet magic bytes not found"),
        ("empty.html", "empty article"),
        ("feed 1+1.jsonl", "invalid JSON line: "),
        ("feed 1+1.jsonl", "record has neither 'text' nor 'html'"),
        ("truncated.parquet", "unreadable Parquet file ("),
    ]
    assert len(errors) == len(expected), errors
    for (name, reason), (wanted, start) in zip(errors, expected, strict=True):
        assert name == wanted and reason.startswith(start), (name, reason)


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
