"""What Spark tasks run, without Spark: blocking keys, per-bucket checks, records."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsevents.clean import clean
from newsevents.model import IngestError
from newsevents.spark._blocking import blocking_keys, bucket_copies
from newsevents.spark._code import RECORD_FIELDS, record_document

DEMO = Path(str(resources.files("newsevents") / "data" / "demo"))


def _paragraphs(name: str) -> list[str]:
    return clean((DEMO / name).read_text("utf-8"), "text").paragraphs


@pytest.mark.parametrize(
    ("original", "copy"),
    [
        ("02_us_navy_caribbean.txt", "04_us_navy_caribbean_reprint.txt"),  # syndicated
        ("01_venezuela_deportation_flights.txt", "05_venezuela_flights_spun.txt"),  # reworded
    ],
)
def test_copies_share_a_blocking_key(original, copy):
    assert set(blocking_keys(_paragraphs(original))) & set(blocking_keys(_paragraphs(copy)))


def test_unrelated_articles_rarely_share_one():
    ours = set(blocking_keys(_paragraphs("16_kenya_police.txt")))
    assert not ours & set(blocking_keys(_paragraphs("22_football_match.txt")))
    assert blocking_keys([]) == []


def _member(doc_id: str, sort_key: str, name: str) -> SimpleNamespace:
    return SimpleNamespace(doc_id=doc_id, sort_key=sort_key, paragraphs=_paragraphs(name))


def test_the_earliest_member_of_a_bucket_is_the_original():
    members = [
        _member("spun", "~", "05_venezuela_flights_spun.txt"),
        _member("first", "2025-02-03", "01_venezuela_deportation_flights.txt"),
        _member("other", "2025-03-09", "22_football_match.txt"),
    ]
    ((copy, original, key, kind, score),) = bucket_copies(members)
    assert (copy, original, key, kind) == ("spun", "first", "2025-02-03", "paraphrase")
    assert 0.3 <= score <= 1


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
