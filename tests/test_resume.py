"""A run killed mid-way keeps every committed batch; the re-run completes it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ARTICLE = (
    "Protest in {city}\n\nProtesters marched against the government of {country} on day {n}.\n"
)
PLACES = [("Nairobi", "Kenya"), ("Belgrade", "Serbia"), ("Lima", "Peru"), ("Dhaka", "Bangladesh")]


def _count(db, table: str) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is not created yet


def test_killed_run_resumes_without_duplicates(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    total = 60
    for n in range(total):
        city, country = PLACES[n % len(PLACES)]
        (folder / f"{n:03}.txt").write_text(ARTICLE.format(city=city, country=country, n=n))
    db = tmp_path / "resume.db"
    command = [
        sys.executable,
        "-m",
        "newsevents",
        "run",
        str(folder),
        "--db",
        str(db),
        "--batch-size",
        "2",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db, "documents") < 4 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored_before = _count(db, "documents")
    assert 0 < stored_before < total, "the kill should land mid-run"
    subprocess.run(command, check=True, capture_output=True)
    assert _count(db, "documents") == total
    events = _count(db, "events")
    subprocess.run(command, check=True, capture_output=True)
    assert (_count(db, "documents"), _count(db, "events")) == (total, events)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_leave_when_the_run_is_killed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        city, country = PLACES[n % len(PLACES)]
        (folder / f"{n:03}.txt").write_text(ARTICLE.format(city=city, country=country, n=n))
    db = tmp_path / "workers.db"
    command = [sys.executable, "-m", "newsevents", "run", str(folder), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--batch-size", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _count(db, "documents") < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert len(workers) >= 2, "the kill should land while the workers run"
    deadline = time.monotonic() + 60
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(_alive, workers)), "orphaned workers would wait forever"
    subprocess.run(command, check=True, capture_output=True)
    assert _count(db, "documents") == 40
