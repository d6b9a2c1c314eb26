"""The real server under load: `newsevents serve` (uvicorn) in its own process on a
random local port, over the demo database, answers 2,000 mixed reads from 16 concurrent
clients while an ingest job codes and stores a batch of articles.

No 5xx, every request answered, the job finishes and its documents are stored exactly
once (a second post of the same batch is all skipped). Latency is printed (`pytest -s`)
and recorded as test properties (`--junitxml`). `benchmarks/api_load.py` is the same
load as a script, with per-endpoint figures.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from importlib import resources
from pathlib import Path
from types import ModuleType

import httpx2
import pytest

from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow

TOKEN = "load-test-token-0123456789abcdef"
REQUESTS = 2000
CLIENTS = 16
SEED = 20251127
_LISTENING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")


class Server:
    """`newsevents serve --port 0` in a child process; its log is kept for the checks."""

    def __init__(self, db: str, token_file: str) -> None:
        command = [sys.executable, "-m", "newsevents", "serve", "--db", db, "--port", "0"]
        env = os.environ | {"PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        self.process = subprocess.Popen(
            [*command, "--token-file", token_file],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.log: list[str] = []
        found: queue.Queue[int] = queue.Queue()

        def drain() -> None:
            assert self.process.stderr is not None
            for line in self.process.stderr:
                self.log.append(line)
                if match := _LISTENING.search(line):
                    found.put(int(match.group(1)))

        self._drain = threading.Thread(target=drain, daemon=True)
        self._drain.start()
        try:
            port = found.get(timeout=60)
        except queue.Empty:
            self.stop()
            pytest.fail("the server did not start:\n" + "".join(self.log))
        self.base = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._drain.join(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("load") / "demo.db")
    with Store.open(db) as store:
        Pipeline().run([str(resources.files("newsevents") / "data" / "demo")], store)
    return db


@pytest.fixture(scope="module")
def server(demo_db, tmp_path_factory) -> Iterator[Server]:
    token_file = tmp_path_factory.mktemp("token") / "token"
    token_file.write_text(TOKEN + "\n")
    running = Server(demo_db, str(token_file))
    yield running
    running.stop()


def _bench() -> ModuleType:
    """benchmarks/api_load.py: the test sends the very load the benchmark measures."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "api_load.py"
    spec = importlib.util.spec_from_file_location("api_load", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_LOAD = _bench()
request_mix, run_load = _LOAD.request_mix, _LOAD.run_load


def ingest_batch() -> list[dict[str, str]]:
    """The benchmark's twenty articles, each a different pair of countries and act."""
    return list(_LOAD.ingest_batch("load"))


def _wait_for_job(client: httpx2.Client, job_id: str, deadline: float) -> dict:
    while True:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in {"done", "failed"} or time.monotonic() > deadline:
            return job
        time.sleep(0.2)


def test_mixed_reads_under_ingest(server, demo_db, record_property):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = ingest_batch()
    writer = httpx2.Client(base_url=server.base, headers=auth, trust_env=False, timeout=60)
    before = writer.get("/api/stats").json()["counts"]
    mix = request_mix(server.base, REQUESTS, random.Random(SEED))

    # Two posts of the same batch: the first stores it, the second (queued behind it on
    # the one ingest worker) must find every article already stored.
    first = writer.post("/api/articles", json={"articles": batch})
    second = writer.post("/api/articles", json={"articles": batch})
    assert first.status_code == second.status_code == 202, first.text + second.text
    at_start = writer.get(f"/api/jobs/{first.json()['id']}").json()["status"]
    load_started = time.monotonic()
    results = run_load(server.base, mix, CLIENTS)
    load_seconds = time.monotonic() - load_started
    at_end = writer.get(f"/api/jobs/{first.json()['id']}").json()["status"]
    deadline = time.monotonic() + 60
    job = _wait_for_job(writer, first.json()["id"], deadline)
    again = _wait_for_job(writer, second.json()["id"], deadline)
    after = writer.get("/api/stats").json()["counts"]
    stored = [writer.get(f"/api/documents/{doc}") for doc in job["documents"]]
    writer.close()

    times = sorted(ms for _, _, ms in results)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    p50, p95 = cuts[49], cuts[94]
    statuses = Counter(status for _, status, _ in results)
    summary = (
        f"load: {len(results)} requests, {CLIENTS} clients, {load_seconds:.1f} s "
        f"({len(results) / load_seconds:.0f} req/s), p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {times[-1]:.1f} ms, statuses {dict(sorted(statuses.items()))}, "
        f"ingest job {at_start} at the start of the load, {at_end} at its end"
    )
    print(summary)
    record_property("p50_ms", round(p50, 1))
    record_property("p95_ms", round(p95, 1))
    record_property("requests_per_s", round(len(results) / load_seconds, 1))

    assert len(results) == REQUESTS
    assert statuses[0] == 0, "requests left unanswered"
    server_errors = [(k, s) for k, s, _ in results if s >= 500]
    assert not server_errors, f"{len(server_errors)} 5xx: {Counter(server_errors)}"
    wrong = Counter((kind, status) for kind, status, _ in results if status != 200)
    assert not wrong, f"valid requests refused: {wrong}"

    assert at_start in {"queued", "running"}, "the ingest job ran before the load"
    assert job["status"] == "done", job
    assert job["stored"] == len(batch) and job["events"] > 0 and not job["errors"], job
    assert len(set(job["documents"])) == len(batch), job
    assert all(r.status_code == 200 for r in stored), [r.text[:200] for r in stored]
    assert {r.json()["url"] for r in stored} == {a["url"] for a in batch}
    assert again["status"] == "done" and again["stored"] == 0, again
    assert again["skipped"] == len(batch), again
    assert after["documents"] == before["documents"] + len(batch), (before, after)

    # Straight from the database (read-only, beside the server): each article is one
    # row, and its events are there once.
    with closing(sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)) as connection:
        rows = connection.execute(
            "SELECT url, count(*) FROM documents WHERE url LIKE ? GROUP BY url",
            ("https://example.org/bench/load/%",),
        ).fetchall()
        marks = ",".join("?" * len(job["documents"]))
        events = connection.execute(
            f"SELECT count(*) FROM events WHERE doc_id IN ({marks})", job["documents"]
        ).fetchone()[0]
    assert sorted(rows) == sorted((a["url"], 1) for a in batch), rows
    assert events == job["events"], f"{events} event rows for the job's {job['events']}"

    log = "".join(server.log)
    assert "Traceback" not in log and " 500 " not in log, log[-5000:]
