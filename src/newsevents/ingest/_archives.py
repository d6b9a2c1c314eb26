"""Web archives (WARC, as Common Crawl's news crawl) and RSS/Atom feeds, streamed.

Each WARC response or resource record holding HTML or text is one article, with the
record's target URI as its URL; its publication date comes from the page (htmldate),
else from the record's WARC-Date (the crawl time, said so in the basis). Each feed
entry is one article with its link, title and published date.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newsevents.ingest._document import build_document, decoded
from newsevents.model import Document, IngestError

logger = logging.getLogger(__name__)

_ARTICLE_TYPES = ("text/html", "application/xhtml", "text/plain")


def read_warc(path: Path, max_bytes: int) -> Iterator[Document | IngestError]:
    """Articles in a .warc or .warc.gz file, one record at a time."""
    found = 0
    for item in _warc_records(path, max_bytes):
        found += 1
        yield item
    if not found:
        yield IngestError(str(path), "ingest", "no HTML or text records in the WARC archive")


def _warc_records(path: Path, max_bytes: int) -> Iterator[Document | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), 1):
                if record.rec_type not in {"response", "resource"}:
                    continue
                origin = f"{path}#{number}"
                content_type = (
                    record.http_headers.get_header("Content-Type")
                    if record.http_headers
                    else record.rec_headers.get_header("Content-Type")
                ) or ""
                if not content_type.lower().startswith(_ARTICLE_TYPES):
                    continue
                text = decoded(record.content_stream().read(max_bytes + 1), origin, max_bytes)
                if isinstance(text, IngestError):
                    yield text
                    continue
                fmt = "text" if content_type.lower().startswith("text/plain") else "html"
                document = build_document(
                    text, origin, fmt, url=record.rec_headers.get_header("WARC-Target-URI")
                )
                _crawl_date(document, record.rec_headers.get_header("WARC-Date"))
                yield document
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield IngestError(str(path), "ingest", f"unreadable WARC archive ({exc})")


def _crawl_date(document: Document, warc_date: str | None) -> None:
    if document.published_at is None and warc_date:
        try:
            document.published_at = date.fromisoformat(warc_date[:10])
            document.published_basis = "crawl-date"
        except ValueError:
            logger.debug("bad WARC-Date %r", warc_date)


def read_feed(data: bytes, origin: str) -> Iterator[Document | IngestError]:
    """Articles in an RSS or Atom feed: each entry's content, else its summary."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield IngestError(origin, "ingest", f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{number}"
        body = _entry_body(entry)
        if not body.strip():
            yield IngestError(where, "ingest", "feed entry without text")
            continue
        title = entry.get("title")
        text = f"<html><body><h1>{title}</h1>{body}</body></html>" if title else body
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*parsed[:3]).isoformat() if parsed else None
        yield build_document(
            text, where, "html", url=entry.get("link"), title=title, published=published
        )


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return str(contents[0].get("value", ""))
    return str(entry.get("summary", ""))
