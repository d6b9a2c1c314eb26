"""Fixtures of the Spark tests: input files built on the fly."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WarcWriter = Callable[[Path, list[tuple[str, str, bytes]]], None]


def _write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    """A gzipped WARC archive of HTTP responses (url, content type, body), crawled
    on 2025-06-09."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.0")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-06-09T10:00:00Z"},
            )
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file


@pytest.fixture(scope="session")
def write_warc() -> WarcWriter:
    return _write_warc
