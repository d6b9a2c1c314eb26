"""Fixtures for the fault tests: a synthetic corpus, a clean reference run of it, fresh
PostgreSQL databases, and readers that compare what a database holds.

The corpus is generated here from a seed (no blobs checked in): short news-like
articles with real actors and verbs the coder knows, each with its own names and
figures so that none is a copy of another and every article stays one document.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

CORPUS_SIZE = 500
CORPUS_SEED = 9  # the corpus is the same on every run; the kill points are not (see test_crash)

ACTORS = (
    "Russia",
    "Ukraine",
    "Venezuela",
    "Colombia",
    "China",
    "Taiwan",
    "Iran",
    "Israel",
    "India",
    "Pakistan",
    "Serbia",
    "Kosovo",
    "Kenya",
    "Ethiopia",
    "Turkey",
    "Greece",
    "Japan",
    "Brazil",
    "Argentina",
    "Egypt",
    "Sudan",
    "Peru",
    "Chile",
    "France",
    "Germany",
    "Poland",
    "Nigeria",
    "Mexico",
)
CITIES = ("Geneva", "Vienna", "Doha", "Nairobi", "Lima", "Oslo", "Ankara", "Cairo", "Warsaw")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOPICS = (
    "the border dispute",
    "fishing rights",
    "a gas pipeline",
    "grain exports",
    "the detention of journalists",
    "a disputed election",
    "refugee flows",
    "water sharing",
    "airspace violations",
    "a cyber attack",
    "arms deliveries",
    "the debt talks",
)
# "{a} ... {b}" sentences; every verb is one the rule coder codes.
MAIN_EVENTS = (
    "{a} accused {b} of violating the ceasefire on {day}",
    "{a} rejected a proposal from {b} on {topic} on {day}",
    "{a} threatened {b} with sanctions over {topic} on {day}",
    "{a} signed an agreement with {b} on {topic} on {day}",
    "{a} criticized {b} over {topic} on {day}",
    "{a} expelled diplomats from {b} on {day}",
    "{a} urged {b} to resume talks on {topic} on {day}",
    "{a} praised {b} for its position on {topic} on {day}",
    "{a} condemned {b} over {topic} on {day}",
    "{a} met officials from {b} on {day} to discuss {topic}",
    "{a} sent humanitarian aid to {b} on {day}",
    "{a} imposed sanctions on {b} over {topic} on {day}",
)
FOLLOW_UPS = (
    "{b} denied the claims, and its envoy {name} said {count} officials would respond.",
    "{b} dismissed the statement as baseless, spokesperson {name} said.",
    "Officials from {b} warned {a} that {count} projects could be halted, {name} said.",
    "{b} welcomed the move, according to {name}, who cited {count} earlier meetings.",
    "{b} called on {a} to withdraw {count} troops from the area, {name} said.",
)
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "re", "bo", "zu", "fe", "qui")


def _name(rng: random.Random) -> str:
    """A made-up person's name: names and figures of its own keep articles apart (the
    copy detector aligns sentences by their content words and figures)."""

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return f"{word()} {word()}"


def article(n: int, rng: random.Random) -> str:
    """Article `n`: a headline, the main event, a reaction and a quote, each paragraph
    with names or figures no other article has."""
    a, b = rng.sample(ACTORS, 2)
    slots = {
        "a": a,
        "b": b,
        "city": rng.choice(CITIES),
        "day": rng.choice(WEEKDAYS),
        "topic": rng.choice(TOPICS),
        "count": 2 * n + 11,
        "name": _name(rng),
    }
    main = rng.choice(MAIN_EVENTS).format(**slots)
    follow = rng.choice(FOLLOW_UPS).format(**slots)
    quote = (
        f'"We counted {n + 1000} incidents and {rng.randint(10, 99)} meetings," said '
        f"{_name(rng)}, an adviser in {slots['city']}, in report number {n * 7 + 3}."
    )
    reporter = f"{_name(rng)} reported in bulletin {n + 5000}"
    return f"{a} and {b}: dispatch {n}\n\n{main}, {reporter}.\n\n{follow}\n\n{quote}\n"


def write_corpus(folder: Path, size: int = CORPUS_SIZE, seed: int = CORPUS_SEED) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for n in range(size):
        (folder / f"{n:04}.txt").write_text(article(n, rng), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 distinct short articles, one file each."""
    return write_corpus(tmp_path_factory.mktemp("faults") / "corpus")


# -- running the CLI and reading what a database holds -----------------------------------

EventKey = tuple[str, str, str | None, str | None, int]


@dataclass(frozen=True, slots=True)
class Stored:
    """What a database holds, in the terms the fault tests compare."""

    doc_ids: list[str]  # every row of documents: a duplicate id would show here twice
    events: set[EventKey]  # (doc_id, type, source_code, target_code, trigger_start)
    event_rows: int
    orphan_events: int  # events whose document is missing
    copies: int  # documents marked as copies of another


@dataclass(frozen=True, slots=True)
class Reference:
    """The clean run every faulty one is compared with."""

    stored: Stored
    seconds: float  # from its start until a test first waited for it (an upper bound)


class Counter:
    """Polls a database's document count over one kept connection pool."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.file = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite") else None
        self.engine: Engine | None = None

    def __call__(self) -> int:
        """Documents stored so far; 0 while there is no database or schema yet."""
        if self.file is not None and not self.file.exists():
            return 0  # connecting would create the file
        self.engine = self.engine or create_engine(self.url)
        try:
            with self.engine.connect() as connection:
                return int(connection.scalar(text("select count(*) from documents")) or 0)
        except SQLAlchemyError:
            return 0

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()


class Faults:
    """Helpers the fault tests share (test modules cannot import conftest)."""

    corpus_size = CORPUS_SIZE

    @staticmethod
    def command(*paths: Path | str, db: str, batch_size: int = 4) -> list[str]:
        """`newsevents run PATHS --db DB --batch-size N` as a subprocess of this Python."""
        # One process each: the kills and races are between runs, not within one.
        options = ["--db", db, "--batch-size", str(batch_size), "--workers", "1"]
        return [sys.executable, "-m", "newsevents", "run", *map(str, paths), *options]

    @staticmethod
    def env() -> dict[str, str]:
        return {**os.environ, "COLUMNS": "250"}  # so that one message stays one line

    def run(
        self, *paths: Path | str, db: str, batch_size: int = 4, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        """Run `newsevents run` to the end; its output is captured as text."""
        return subprocess.run(
            self.command(*paths, db=db, batch_size=batch_size),
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.env(),
        )

    @staticmethod
    def url(db: str | Path) -> str:
        return str(db) if "://" in str(db) else f"sqlite:///{db}"

    def counter(self, db: str | Path) -> Counter:
        """`counter()` is the number of documents stored so far, cheap enough to poll."""
        return Counter(self.url(db))

    def read(self, db: str | Path) -> Stored:
        """Read a database with plain SQL (not through Store, which would migrate it)."""
        engine = create_engine(self.url(db), poolclass=NullPool)
        try:
            with engine.connect() as connection:
                doc_ids = list(connection.scalars(text("select id from documents")))
                rows = connection.execute(
                    text("select doc_id, type, source_code, target_code, trigger_start from events")
                ).all()
                orphans = connection.scalar(
                    text(
                        "select count(*) from events e where not exists "
                        "(select 1 from documents d where d.id = e.doc_id)"
                    )
                )
                copies = connection.scalar(
                    text("select count(*) from documents where duplicate_of is not null")
                )
        finally:
            engine.dispose()
        events = {(r[0], r[1], r[2], r[3], int(r[4])) for r in rows}
        return Stored(doc_ids, events, len(rows), int(orphans or 0), int(copies or 0))

    def integrity(self, db: str | Path) -> str:
        """The database's own check: "ok" when nothing is corrupt.

        SQLite: `PRAGMA integrity_check` (pages, indexes, constraints). PostgreSQL:
        amcheck's `bt_index_check` on every index, with the heap checked against it.
        """
        if "://" not in str(db):
            with closing(sqlite3.connect(db)) as connection:
                return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
        engine = create_engine(self.url(db), poolclass=NullPool)
        try:
            with engine.begin() as connection:
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
                indexes = connection.scalars(
                    text(
                        "select c.oid from pg_index i join pg_class c on c.oid = i.indexrelid "
                        "join pg_namespace n on n.oid = c.relnamespace join pg_am a "
                        "on a.oid = c.relam where n.nspname = 'public' and a.amname = 'btree'"
                    )
                ).all()
                for oid in indexes:
                    connection.execute(text("select bt_index_check(:oid, true)"), {"oid": oid})
            return "ok" if indexes else "no indexes found"
        except SQLAlchemyError as exc:
            return str(exc).splitlines()[0]
        finally:
            engine.dispose()

    @staticmethod
    def assert_complete(stored: Stored, reference: Reference, context: str = "") -> None:
        """Every article stored once, each with exactly the clean run's events."""
        expected = reference.stored
        lost = set(expected.doc_ids) - set(stored.doc_ids)
        duplicates = len(stored.doc_ids) - len(set(stored.doc_ids))
        assert not lost, f"{context}: {len(lost)} articles lost"
        assert duplicates == 0, f"{context}: {duplicates} duplicate document rows"
        assert len(stored.doc_ids) == CORPUS_SIZE, f"{context}: {len(stored.doc_ids)} stored"
        assert stored.orphan_events == 0, f"{context}: events without their document"
        missing, extra = expected.events - stored.events, stored.events - expected.events
        assert not missing and not extra, (
            f"{context}: events differ from the clean run: missing {sorted(missing)[:3]}, "
            f"extra {sorted(extra)[:3]}"
        )
        assert stored.event_rows == expected.event_rows, f"{context}: event rows differ"


@pytest.fixture(scope="session")
def faults() -> Faults:
    return Faults()


@dataclass(slots=True)
class Running:
    """A `newsevents run` started in the background."""

    process: subprocess.Popen[bytes]
    db: Path
    stderr: Path
    started: float


@pytest.fixture(scope="session")
def reference_run(
    corpus: Path, faults: Faults, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Running]:
    """The clean run, started in the background: ask for it first to overlap it with
    other work; `reference` waits for it."""
    folder = tmp_path_factory.mktemp("reference")
    db, stderr = folder / "reference.db", folder / "stderr.txt"
    with stderr.open("wb") as sink:
        process = subprocess.Popen(
            faults.command(corpus, db=str(db), batch_size=32),
            stdout=subprocess.DEVNULL,
            stderr=sink,
            env=faults.env(),
        )
    with process:
        yield Running(process, db, stderr, time.monotonic())
        process.kill()  # only if the session ended before it did


@pytest.fixture(scope="session")
def reference(reference_run: Running, faults: Faults) -> Reference:
    """A clean, uninterrupted run of the corpus into its own SQLite file."""
    code = reference_run.process.wait(timeout=600)
    seconds = time.monotonic() - reference_run.started
    assert code == 0, reference_run.stderr.read_text()
    stored = faults.read(reference_run.db)
    print(f"\nreference run: ended within {seconds:.1f} s")
    assert len(stored.doc_ids) == CORPUS_SIZE, "the clean run should store every article"
    assert stored.copies == 0, "the synthetic articles should all be distinct"
    coded = {key[0] for key in stored.events}
    assert len(coded) > 0.9 * CORPUS_SIZE, f"only {len(coded)} articles have events"
    return Reference(stored, seconds)


# -- PostgreSQL ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def new_pg_database(pg_url: str) -> Iterator[Callable[[], str]]:
    """`new_pg_database()` creates a fresh, empty database on the test server and
    returns its URL; all are dropped at the end of the session."""
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    names: list[str] = []

    def create() -> str:
        name = f"faults_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        names.append(name)
        return make_url(pg_url).set(database=name).render_as_string(hide_password=False)

    try:
        yield create
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
