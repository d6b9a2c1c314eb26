"""A run killed mid-way keeps every committed batch; the re-run completes it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

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
