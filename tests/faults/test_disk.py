"""A database that cannot be written (read-only file, read-only folder) or that runs out
of space: one clear error line and a nonzero exit, never a traceback; the database is
left as it was or with whole batches only, and the next run with space finishes.

Permission bits do not stop root, so as root "read-only" is a read-only bind mount and
"full" is a small tmpfs; otherwise chmod and SQLite's max_page_count stand in.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

IS_ROOT = os.geteuid() == 0
SMALL = 20  # articles in the read-only cases: the first 10 stored, 10 new
FULL_CORPUS = 100  # articles in the disk-full cases
TMPFS_SIZE = "1m"  # fills after a few dozen articles (the WAL grows first)
PAGE_LIMIT = 60  # pages of 4 KiB: likewise
PAGE_LIMIT_PRELUDE = """\
import os, sys
from sqlalchemy import event
from sqlalchemy.pool import Pool

@event.listens_for(Pool, "connect")
def _limit(connection, _record):
    if type(connection).__module__ == "sqlite3":
        connection.execute("PRAGMA max_page_count=" + os.environ["FAULTS_MAX_PAGES"])

from newsevents.cli import main
sys.argv[0] = "newsevents"
main()
"""


def _subset(corpus: Path, folder: Path, count: int) -> Path:
    folder.mkdir()
    for path in sorted(corpus.iterdir())[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 1 with a single "Error: ..." line naming the cause, and no traceback."""
    stderr = result.stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert result.returncode == 1, (result.returncode, stderr)
    assert "Traceback" not in stderr and len(errors) == 1, stderr
    assert any(word in errors[0] for word in words), errors[0]
    return errors[0]


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


def _unmount(path: Path) -> None:
    """Unmount; a mount still busy (a handle left open) is detached anyway, then fails."""
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "--lazy", str(path)], check=True)
        pytest.fail(f"{path} was still in use after the test")


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """`path`, a file or a folder, read-only for the duration."""
    if IS_ROOT:
        _mount("--bind", str(path), str(path))
        try:
            _mount("-o", "remount,ro,bind", str(path))
            yield
        finally:
            _unmount(path)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


@pytest.fixture(scope="module")
def small(corpus, tmp_path_factory, faults, reference_run) -> tuple[Path, Path]:
    """SMALL articles, and a database holding the first half of them (the reference
    run, needed later, starts first and runs alongside)."""
    root = tmp_path_factory.mktemp("read-only")
    folder = _subset(corpus, root / "articles", SMALL)
    half = _subset(corpus, root / "half", SMALL // 2)
    db = root / "template.db"
    assert faults.run(half, db=str(db)).returncode == 0
    return folder, db


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_database_is_one_clear_error(small, faults, tmp_path, what):
    folder, template = small
    home = tmp_path / "db"
    home.mkdir()
    db = home / "events.db"
    shutil.copy(template, db)
    before = _digest(db)
    with _read_only(db if what == "file" else home):
        result = faults.run(folder, db=str(db))
    line = _assert_one_error_line(result, "readonly", "read-only", "unable to open")
    print(f"read-only {what}: {line}")
    assert _digest(db) == before, "a failed run must leave the database as it was"
    assert faults.integrity(db) == "ok"


def test_new_database_in_read_only_folder_is_one_clear_error(small, faults, tmp_path):
    folder, _ = small
    home = tmp_path / "db"
    home.mkdir()
    with _read_only(home):
        result = faults.run(folder, db=str(home / "new.db"))
    line = _assert_one_error_line(result, "readonly", "read-only", "unable to open")
    print(f"new database in a read-only folder: {line}")
    assert list(home.iterdir()) == []


class _SmallDisk:
    """Room for a few dozen articles, then more room: a tmpfs as root, where mounting
    works; otherwise a page limit SQLite enforces on the file (the same SQLITE_FULL)."""

    def __init__(self, folder: Path, how: str) -> None:
        self.folder = folder
        self.how = how
        self.mounted = False
        self.limit: int | None = None

    def __enter__(self) -> _SmallDisk:
        self.folder.mkdir()
        if self.how == "tmpfs":
            try:
                _mount("-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(self.folder))
                self.mounted = True
            except (subprocess.CalledProcessError, FileNotFoundError) as exc:
                print(f"no tmpfs ({exc}): a page limit stands in")
                self.how = "page-limit"
        if self.how == "page-limit":
            self.limit = PAGE_LIMIT
        return self

    def grow(self) -> None:
        if self.mounted:
            _mount("-o", "remount,size=64m", str(self.folder))
        self.limit = None

    def command(self, faults, corpus: Path, db: Path) -> tuple[list[str], dict[str, str]]:
        command, env = faults.command(corpus, db=str(db)), faults.env()
        if self.limit is not None:
            command = [sys.executable, "-c", PAGE_LIMIT_PRELUDE, *command[3:]]
            env["FAULTS_MAX_PAGES"] = str(self.limit)
        return command, env

    def __exit__(self, *_exc: object) -> None:
        if self.mounted:
            _unmount(self.folder)


@pytest.mark.parametrize("how", ["tmpfs", "page-limit"])
def test_disk_full_is_one_clear_error_and_the_next_run_finishes(
    corpus, reference, faults, tmp_path, how
):
    articles = _subset(corpus, tmp_path / "articles", FULL_CORPUS)
    with _SmallDisk(tmp_path / "disk", how) as disk:
        db = disk.folder / "events.db"
        command, env = disk.command(faults, articles, db)
        full = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        line = _assert_one_error_line(full, "full")
        stored = faults.read(db)
        print(f"{disk.how}: {line}; {len(stored.doc_ids)} of {FULL_CORPUS} stored before")
        assert 0 < len(stored.doc_ids) < FULL_CORPUS, "the disk should fill mid-run"
        assert faults.integrity(db) == "ok"
        assert stored.orphan_events == 0
        expected = {key for key in reference.stored.events if key[0] in set(stored.doc_ids)}
        assert stored.events == expected, "each stored article has all its events, no more"

        disk.grow()
        command, env = disk.command(faults, articles, db)
        finished = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        assert finished.returncode == 0, finished.stderr
        stored = faults.read(db)
        assert len(stored.doc_ids) == len(set(stored.doc_ids)) == FULL_CORPUS
        assert set(stored.doc_ids) <= set(reference.stored.doc_ids)
        wanted = {key for key in reference.stored.events if key[0] in set(stored.doc_ids)}
        assert stored.events == wanted and stored.orphan_events == 0
        assert faults.integrity(db) == "ok"
