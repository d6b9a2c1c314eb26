"""Concurrent runs on one database over overlapping inputs: every run exits 0 (no
deadlock, serialization or "database is locked" error reaches the user), and the
database holds every article once, with the events of a clean run.

The corpus is split into overlapping folders, a third of each share also given to the
next process; odd-numbered processes read theirs in reverse order, so that runs meet
on the same articles from both ends. The database starts empty: the runs also race
to create the schema.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BATCH_SIZE = 4  # many small transactions: many chances to collide


def _splits(corpus: Path, root: Path, parts: int) -> list[Path]:
    files = sorted(corpus.iterdir())
    share = len(files) // parts
    folders = []
    for part in range(parts):
        chosen = (files + files)[part * share : (part + 1) * share + share // 3]
        folder = root / f"part{part}"
        folder.mkdir()
        for position, path in enumerate(chosen):
            rank = len(chosen) - position if part % 2 else position
            shutil.copy(path, folder / f"{rank:04}-{path.name}")
        folders.append(folder)
    assert set().union(*({p.name[5:] for p in f.iterdir()} for f in folders)) == {
        p.name for p in files
    }
    return folders


def _run_together(faults, folders: list[Path], db: str) -> tuple[float, list[tuple[int, str]]]:
    """Start one run per folder at once; the seconds until all ended, and each exit code
    with its stderr."""
    started = time.monotonic()
    processes = [
        subprocess.Popen(
            faults.command(folder, db=db, batch_size=BATCH_SIZE),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=faults.env(),
        )
        for folder in folders
    ]
    results = []
    for process in processes:
        with process:
            _, stderr = process.communicate(timeout=600)
            results.append((process.returncode, stderr))
    return time.monotonic() - started, results


def _check(faults, reference, db: str, seconds: float, results, label: str) -> None:
    failed = [(code, stderr.strip()) for code, stderr in results if code != 0]
    print(f"{label}: {len(results)} runs together took {seconds:.1f} s")
    assert not failed, f"{label}: runs failed: {failed}"
    faults.assert_complete(faults.read(db), reference, label)
    assert faults.integrity(db) == "ok", label


@pytest.mark.parametrize("parts", [2, 4])
def test_concurrent_runs_on_postgresql(
    reference_run, corpus, faults, new_pg_database, tmp_path, request, parts
):
    db = new_pg_database()
    seconds, results = _run_together(faults, _splits(corpus, tmp_path, parts), db)
    reference = request.getfixturevalue("reference")
    _check(faults, reference, db, seconds, results, f"postgresql x{parts}")


def test_concurrent_runs_on_one_sqlite_file(reference_run, corpus, faults, tmp_path, request):
    db = str(tmp_path / "shared.db")
    seconds, results = _run_together(faults, _splits(corpus, tmp_path, 2), db)
    reference = request.getfixturevalue("reference")
    _check(faults, reference, db, seconds, results, "sqlite x2")


# -- retries -------------------------------------------------------------------------


def _transient_errors() -> list[Exception]:
    """A real SQLite "database is locked" and PostgreSQL's deadlock and serialization
    failures, as SQLAlchemy raises them."""
    import psycopg.errors
    from sqlalchemy.exc import OperationalError

    with tempfile.TemporaryDirectory() as folder:
        holder = sqlite3.connect(Path(folder) / "locked.db", isolation_level=None)
        waiter = sqlite3.connect(Path(folder) / "locked.db", timeout=0)
        try:
            holder.execute("create table t (x)")
            holder.execute("begin exclusive")
            try:
                waiter.execute("insert into t values (1)")
            except sqlite3.OperationalError as exc:
                locked = exc
        finally:
            waiter.close()
            holder.close()
    originals = [locked, psycopg.errors.DeadlockDetected(), psycopg.errors.SerializationFailure()]
    return [OperationalError("insert ...", {}, original) for original in originals]


def _failing(errors: list[Exception], calls: list[int]):
    """A store-like method that raises StoreError "from None" over each error in turn."""
    from newsevents.errors import StoreError
    from newsevents.store._retry import retry_transient

    @retry_transient
    def write() -> str:
        calls.append(1)
        if errors:
            try:
                raise errors.pop(0)
            except Exception:
                raise StoreError("Cannot write to the store") from None
        return "written"

    return write


def test_transient_errors_are_retried_and_others_are_not(monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from newsevents.errors import StoreError
    from newsevents.store import _retry

    monkeypatch.setattr(_retry.time, "sleep", lambda _seconds: None)
    transient = _transient_errors()
    assert all(_retry.is_transient(error) for error in transient)
    calls: list[int] = []
    assert _failing(list(transient), calls)() == "written" and len(calls) == 4

    calls = []
    constraint = IntegrityError("insert ...", {}, Exception("UNIQUE constraint failed"))
    with pytest.raises(StoreError):
        _failing([constraint, *transient], calls)()
    assert len(calls) == 1, "a lasting error is raised at once"

    calls = []
    with pytest.raises(StoreError):
        _failing(transient * _retry.ATTEMPTS, calls)()
    assert len(calls) == _retry.ATTEMPTS, "and a transient one after ATTEMPTS tries"


def test_write_waits_out_a_sqlite_file_locked_past_its_busy_timeout(tmp_path):
    """Another process holding the write lock longer than SQLite's busy timeout (5 s):
    the batch is written once the lock is gone, not lost with a "database is locked"."""
    from newsevents.model import Document
    from newsevents.store import Store

    db = tmp_path / "locked.db"
    Store.open(str(db)).close()
    raw = "Kenya deployed police to Nairobi on Monday."
    document = Document(id=Document.make_id(raw), raw=raw, origin="a.txt", paragraphs=[raw])
    hold = (
        "import sqlite3, sys, time\n"
        "connection = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "connection.execute('begin exclusive')\n"
        "print('locked', flush=True)\n"
        "time.sleep(6)\n"
        "connection.execute('rollback')\n"
    )
    command = [sys.executable, "-c", hold, str(db)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with Store.open(str(db)) as store:
            started = time.monotonic()
            store.write_batch([document], coder_version="test")
            waited = time.monotonic() - started
            assert store.counts()["documents"] == 1
        holder.stdout.close()
    assert holder.returncode == 0
    assert waited > 5, "the write should have had to wait for the lock"
