"""What Spark tasks run, without Spark: blocking keys, per-bucket checks, records,
input files, one key's happenings, the single pass that forms stories."""

from __future__ import annotations

import io
from datetime import date
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.clean import clean
from newsevents.dedup._index import Profile
from newsevents.model import Document, IngestError
from newsevents.spark._blocking import blocking_keys, bucket_copies
from newsevents.spark._inputs import RECORD_FIELDS, arrival_key, read_partition, record_document
from newsevents.spark._merge import happening_rows, happening_schema
from newsevents.spark._stories import _single_pass

DEMO = Path(str(resources.files("newsevents") / "data" / "demo"))


def _paragraphs(name: str) -> list[str]:
    return clean((DEMO / name).read_text("utf-8"), "text").paragraphs


def _keys(name: str) -> list[str]:
    return blocking_keys(Profile.of(_paragraphs(name)))


@pytest.mark.parametrize(
    ("original", "copy"),
    [
        ("02_us_navy_caribbean.txt", "04_us_navy_caribbean_reprint.txt"),  # syndicated
        ("01_venezuela_deportation_flights.txt", "05_venezuela_flights_spun.txt"),  # reworded
    ],
)
def test_copies_share_a_blocking_key(original, copy):
    assert set(_keys(original)) & set(_keys(copy))


def test_unrelated_articles_rarely_share_one():
    ours = set(_keys("16_kenya_police.txt"))
    assert not ours & set(_keys("22_football_match.txt"))
    assert blocking_keys(Profile.of([])) == []


def _member(doc_id: str, arrival: str, name: str) -> SimpleNamespace:
    paragraphs = _paragraphs(name)
    return SimpleNamespace(doc_id=doc_id, arrival=arrival, paragraphs=paragraphs, templates=None)


def test_the_first_member_to_arrive_is_the_original():
    members = [
        _member("spun", "3", "05_venezuela_flights_spun.txt"),
        _member("first", "1", "01_venezuela_deportation_flights.txt"),
        _member("other", "2", "22_football_match.txt"),
    ]
    ((copy, original, key, kind, score),) = bucket_copies(members)
    assert (copy, original, key, kind) == ("spun", "first", "1", "paraphrase")
    assert 0.75 <= score <= 1


def _record(**fields: str) -> SimpleNamespace:
    return SimpleNamespace(origin="feed.jsonl", **dict.fromkeys(RECORD_FIELDS) | fields)


def test_a_record_is_read_as_a_json_line_is():
    html = "<p>Kenya police fired tear gas.</p>"
    document = record_document(_record(html=html, title="T", published="2025-06-25 08:00:00"))
    assert (document.format, document.title) == ("html", "T")
    assert (document.published_at, document.published_basis) == (date(2025, 6, 25), "metadata")
    text = record_document(_record(text="Police fired tear gas.", published="June 25, 2025"))
    assert text.published_at == date(2025, 6, 25)
    missing = record_document(_record(url="https://a.example"))
    assert isinstance(missing, IngestError) and "neither 'text' nor 'html'" in missing.reason


def _input(origin: str, content: bytes) -> SimpleNamespace:
    return SimpleNamespace(
        origin=origin, position=0, content=content, error=None, **dict.fromkeys(RECORD_FIELDS)
    )


def _read(origin: str, content: bytes) -> list[Document | IngestError]:
    seen: list[set[str]] = []
    items = [item for _, item in read_partition([_input(origin, content)], 10**6, seen.append)]
    assert seen == [{origin}]
    return items


def test_arrival_keys_sort_as_a_local_run_meets_files():
    paths = ["/in/b-c/x.txt", "/in/b/y.txt", "/in/b/z/w.txt", "/in/b.txt", "/in/a.jsonl"]
    assert sorted(paths, key=lambda p: arrival_key(p, 0, 0)) == [
        str(p) for p in sorted(map(Path, paths))
    ]
    lines = [arrival_key("/in/a.jsonl", n, 0) for n in (0, 2, 10)]
    assert lines == sorted(lines) and arrival_key("/in/a.jsonl", 10, 0) < arrival_key("/in/b", 0, 0)


def _parquet(table: pa.Table) -> bytes:
    out = io.BytesIO()
    pq.write_table(table, out, row_group_size=1)
    return out.getvalue()


def test_parquet_rows_are_records_and_a_broken_file_an_error():
    data = _parquet(pa.table({"text": ["Police fired tear gas.", None], "published": [1, 2]}))
    good, empty = _read("hdfs://n/t.parquet", data)
    assert isinstance(good, Document) and good.origin == "hdfs://n/t.parquet"
    assert isinstance(empty, IngestError) and "neither" in empty.reason
    (truncated,) = _read("t.parquet", data[: len(data) // 2])
    assert isinstance(truncated, IngestError) and truncated.reason.startswith("unreadable Parquet")
    (no_text,) = _read("t.parquet", _parquet(pa.table({"url": ["https://a.example"]})))
    assert (
        isinstance(no_text, IngestError)
        and "neither a 'text' nor an 'html' column" in no_text.reason
    )


def test_a_warc_archive_is_read_as_run_reads_it_under_its_own_name(tmp_path, write_warc):
    page = b"<html><body><p>Kenya police fired tear gas at protesters in Nairobi.</p></body></html>"
    write_warc(tmp_path / "c.warc.gz", [("https://k.example/1", "text/html", page)])
    (document,) = _read("s3a://bucket/c.warc.gz", (tmp_path / "c.warc.gz").read_bytes())
    assert isinstance(document, Document)
    assert (document.origin, document.url) == ("s3a://bucket/c.warc.gz#1", "https://k.example/1")
    (broken,) = _read("s3a://bucket/d.warc", b"WARC/1.0\r\nnot a record\r\n\r\n")
    assert isinstance(broken, IngestError) and broken.origin == "s3a://bucket/d.warc"


def _mention(event_id: str, doc_id: str, url: str, day: date, **more: object) -> dict:
    return {
        "event_id": event_id,
        "doc_id": doc_id,
        "duplicate_of": None,
        "published_at": day,
        "url": url,
        "original_url": None,
        "story_id": f"story-{doc_id}",
        "type": "ACCUSE",
        "mode": None,
        "modality": "asserted",
        "source_code": "UKR",
        "source_text": "Ukraine",
        "source_country": "UKR",
        "target_code": "RUS",
        "target_text": "Russia",
        "target_country": "RUS",
        "date_start": day,
        "date_end": day,
        "confidence": 0.8,
        "place_name": None,
        "place_country": None,
        "place_lat": None,
        "place_lon": None,
        "place_confidence": None,
        "arrival": doc_id,
        "sentence_start": 0,
        "trigger_start": 8,
    } | more


def test_one_keys_mentions_merge_into_happenings():
    rows = list(
        happening_rows(
            [
                _mention("e2", "d2", "https://b.example/x", date(2025, 6, 3)),
                _mention("e1", "d1", "https://a.example/x", date(2025, 6, 2)),
                _mention("e3", "d3", "https://c.example/x", date(2025, 9, 1)),
            ]
        )
    )
    named = [dict(zip(happening_schema().names, row, strict=True)) for row in rows]
    first, later = named
    assert (first["num_articles"], first["num_sources"], first["mentions"]) == (2, 2, ["e1", "e2"])
    assert (first["first_seen"], first["story_id"]) == (date(2025, 6, 2), "story-d1")
    assert later["mentions"] == ["e3"] and isinstance(later["goldstein"], float)


def _article(doc_id: str, terms: str, day: date | None, copy: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        doc_id=doc_id,
        published_at=day,
        duplicate_of=copy,
        story_terms=terms.split(),
        story_title=f"title {doc_id}",
    )


def test_articles_join_stories_in_one_pass():
    kenya = "kenya nairobi ruto police finance bill protesters"
    stories, story_of = _single_pass(
        [
            _article("a", kenya, date(2025, 6, 25)),
            _article("b", "serbia belgrade vucic students novi sad", date(2025, 6, 26)),
            _article("c", kenya, date(2025, 6, 27)),
            _article("d", "nothing shared", None, copy="b"),
        ]
    )
    assert story_of["a"] == story_of["c"] != story_of["b"] == story_of["d"]
    sizes = sorted((s.title, s.num_articles) for s in stories)
    assert sizes == [("title a", 2), ("title b", 2)]
