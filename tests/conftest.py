"""Shared fixtures. The spaCy model is loaded once per session, and only by tests
that ask for it (the `nlp` fixture), never by an autouse fixture."""

from __future__ import annotations

import glob
import io
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.model import Event

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "data" / "seeds"
GOLD = SHARED / "data" / "gold"
POLICE_EVENTS = SHARED / "data" / "peer" / "indiapoliceevents"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsevents.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the shared seed articles are missing: expected {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def police_archive() -> list[tuple[str, list[str]]]:
    """A real archive: the 629 distinct, lower-cased Times of India reports of the
    IndiaPoliceEvents development half, as (doc id, clean paragraphs), in doc id order.
    Read from ../shared for measurement, never copied into the project."""
    import json

    from newsevents.clean import clean_text

    metadata = POLICE_EVENTS / "metadata.jsonl"
    if not metadata.is_file():
        pytest.fail(f"the shared IndiaPoliceEvents half is missing: expected {metadata}")
    rows = [json.loads(line) for line in metadata.read_text("utf-8").splitlines() if line]
    return [
        (str(row["doc_id"]), clean_text(row["full_text"]).paragraphs)
        for row in sorted(rows, key=lambda r: int(r["doc_id"]))
    ]


@pytest.fixture(scope="session")
def code_text(nlp: Language) -> Callable[..., list[Event]]:
    """Code a short text (paragraphs separated by blank lines) with the rule coder."""
    from newsevents.events import RuleCoder

    coder = RuleCoder()

    def run(text: str, published: date | None = date(2025, 9, 27)) -> list[Event]:
        from newsevents.pipeline import paragraph_offsets

        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        offsets = paragraph_offsets(paragraphs)
        return coder.code("test-doc", list(nlp.pipe(paragraphs)), offsets, published)

    return run


@pytest.fixture(scope="session")
def code_dyads(
    code_text: Callable[..., list[Event]],
) -> Callable[[str], set[tuple[str, str | None, str | None]]]:
    """Code a short text; each event as (type, source code, target code)."""

    def run(text: str) -> set[tuple[str, str | None, str | None]]:
        return {
            (
                e.type,
                e.source.actor.code if e.source else None,
                e.target.actor.code if e.target else None,
            )
            for e in code_text(text)
        }

    return run


def _pg_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL: NEWSEVENTS_TEST_PG if set, else a throwaway server of our own.

    initdb refuses to run as root, so as root the server runs as the `postgres` user.
    """
    given = os.environ.get("NEWSEVENTS_TEST_PG")
    if given:
        yield given
        return
    bindir = _pg_bindir()
    if bindir is None:
        message = "no PostgreSQL: apt-get install postgresql, or set NEWSEVENTS_TEST_PG"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
    if as_postgres:
        shutil.chown(data, "postgres")
    port = _free_port()
    run = lambda *args: subprocess.run([*as_postgres, *args], check=True, capture_output=True)  # noqa: E731
    run(
        str(bindir / "initdb"), "-D", str(data / "db"), "-A", "trust", "-U", "postgres", "--no-sync"
    )
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -F"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data / "db"),
        "-o",
        options,
        "-l",
        str(data / "log"),
        "-w",
        "start",
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "stop")
        shutil.rmtree(data, ignore_errors=True)


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
