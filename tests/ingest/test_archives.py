"""WARC archives and RSS/Atom feeds: one article per record or entry, streamed."""

from __future__ import annotations

from datetime import date

from newsevents.ingest import iter_documents
from newsevents.model import Document, IngestError

PAGE = (
    "<html><head><title>Talks in Doha</title></head><body><article><h1>Talks in Doha</h1>"
    "<p>Negotiators from both sides met in Doha on Monday to discuss a ceasefire, officials "
    "said, in the first direct talks for months.</p></article></body></html>"
)


def test_warc_records_become_articles(tmp_path, write_warc):
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://news.example/doha", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG...."),
            ("https://news.example/empty", "text/html", b"   "),
        ],
    )
    items = list(iter_documents([str(path)]))
    documents = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.url for d in documents] == ["https://news.example/doha"]
    assert documents[0].format == "html" and documents[0].origin.endswith("#1")
    assert (documents[0].published_at, documents[0].published_basis) == (
        date(2025, 6, 9),
        "crawl-date",
    )
    assert len(errors) == 1 and "empty" in errors[0].reason


def test_a_broken_archive_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a warc record\r\n\r\n")
    items = list(iter_documents([str(path)]))
    assert items and all(isinstance(i, IngestError) for i in items)


def test_rss_entries_become_articles(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Qatar hosts talks</title><link>https://wire.example/1</link>
        <pubDate>Tue, 03 Jun 2025 09:15:00 GMT</pubDate>
        <description>Qatar hosted talks between Israel and Hamas in Doha.</description></item>
        <item><title>Empty</title><link>https://wire.example/2</link></item>
        </channel></rss>""",
        "utf-8",
    )
    items = list(iter_documents([str(path)]))
    [document] = [i for i in items if isinstance(i, Document)]
    assert document.url == "https://wire.example/1" and document.title == "Qatar hosts talks"
    assert document.published_at == date(2025, 6, 3) and document.published_basis == "metadata"
    assert "Qatar hosted talks" in document.raw
    assert [type(i).__name__ for i in items] == ["Document", "IngestError"]
