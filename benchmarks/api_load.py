"""The API and web UI under concurrent load, while an ingest job runs.

    .venv/bin/python benchmarks/api_load.py [--db PATH_OR_URL] [--clients 16]
        [--requests 2000] [--ingest | --no-ingest] [--seed N]

Serves the database with `newsevents serve` (uvicorn, its own process, a random local
port); without --db it first builds the demo database in a temporary folder. Then sends
a seeded mix of GET requests from --clients threads, each with a kept-alive connection:
the events list (random filters and pages), one event, mentions, actors, the USA-VEN
dyad, timeline, network, stats, the four pages, and the CSV download. With ingest (the
default on the demo database; pass --ingest to write 20 articles into a --db), a batch
of 20 short articles is posted just before the load starts, so it is coded and stored
while the reads go on.

Prints requests/s, p50/p95/p99/max per endpoint kind and overall, the status counts and
the number of 5xx, and how the ingest job ended. Exits 1 on any 5xx, unanswered request
or failed ingest job. tests/api/test_load.py runs the same load as a test.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

import httpx2

from newsevents.model import PLOVER_TYPES
from newsevents.pipeline import Pipeline
from newsevents.store import Store

TOKEN = "benchmark-token-0123456789abcdef"
_LISTENING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")
_PAIRS = [
    ("Chile", "Peru"),
    ("Norway", "Sudan"),
    ("Japan", "Ukraine"),
    ("Brazil", "Argentina"),
    ("Kenya", "Somalia"),
]
_ACTS = [
    "{a} accused {b} of violating the border agreement near the river crossing.",
    "{a} delivered food aid and medicine to {b} after the floods, officials said.",
    "{a} threatened to impose tariffs on {b} if the talks on fishing rights failed.",
    "Diplomats from {a} met their counterparts from {b} in Geneva to discuss trade.",
]


def ingest_batch(tag: str) -> list[dict[str, str]]:
    """Twenty short articles, each a different pair and act; `tag` keeps them new."""
    articles = []
    for n, ((a, b), act) in enumerate((p, act) for act in _ACTS for p in _PAIRS):
        articles.append(
            {
                "text": f"{act.format(a=a, b=b)}\n\nThe statement, {tag} {n + 1}, came on Tuesday.",
                "url": f"https://example.org/bench/{tag}/{n + 1}",
                "published": "2025-10-07",
            }
        )
    return articles


def serve(db: str, token_file: str) -> tuple[subprocess.Popen[str], str]:
    """`newsevents serve --port 0`; the port is read from uvicorn's start-up line."""
    command = [sys.executable, "-m", "newsevents", "serve", "--db", db, "--port", "0"]
    process = subprocess.Popen(
        [*command, "--token-file", token_file],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1", "NO_COLOR": "1"},
    )
    found: queue.Queue[int] = queue.Queue()

    def drain() -> None:  # keep reading, or the server blocks on a full pipe
        assert process.stderr is not None
        for line in process.stderr:
            if match := _LISTENING.search(line):
                found.put(int(match.group(1)))
            elif "Traceback" in line or "ERROR" in line:
                print(f"server: {line.rstrip()}", file=sys.stderr)

    threading.Thread(target=drain, daemon=True).start()
    try:
        port = found.get(timeout=120)
    except queue.Empty:
        process.kill()
        raise SystemExit("the server did not start") from None
    return process, f"http://127.0.0.1:{port}"


def request_mix(base: str, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """`count` (kind, url) pairs over every read endpoint and page, with random filters."""
    with httpx2.Client(base_url=base, trust_env=False, timeout=60) as client:
        happenings = client.get("/api/events", params={"limit": 1000}).json()["items"]
        mentions = client.get("/api/mentions", params={"limit": 50, "all": True}).json()["items"]
    ids = [h["id"] for h in happenings] + [m["event_id"] for m in mentions]
    if not ids:
        raise SystemExit("the database has no events to ask for")
    actors = ["USA", "VEN", "RUS", "UKR", "ISR", "IRN", "KEN", "BRA", "CHN", "USAGOV"]

    def filters() -> dict[str, object]:
        return rng.choice(
            [
                {},
                {"type": rng.choice(PLOVER_TYPES)},
                {"actor": rng.choice(actors)},
                {"quad": rng.randint(1, 4)},
                {"since": "2025-01-01", "until": "2025-06-30"},
                {"country": rng.choice(actors)[:3], "modality": "asserted"},
                {"dyad": "USA,VEN", "min_sources": 1},
            ]
        )

    def url(path: str, **params: object) -> str:
        return f"{path}?{urlencode(params)}" if params else path

    def events() -> str:
        limit, offset = rng.choice([5, 20, 100]), rng.randrange(0, 100, 5)
        return url("/api/events", **filters(), limit=limit, offset=offset)

    makers = [
        (4, "api events", events),
        (2, "api event", lambda: url(f"/api/events/{rng.choice(ids)}")),
        (2, "api mentions", lambda: url("/api/mentions", **filters(), all=rng.random() < 0.5)),
        (1, "api actors", lambda: url("/api/actors", q=rng.choice(["", "US", "ven", "Rus"]))),
        (1, "api dyads", lambda: url("/api/dyads", a="USA", b="VEN")),
        (1, "api timeline", lambda: url("/api/timeline", period=rng.choice(["week", "month"]))),
        (1, "api network", lambda: url("/api/network", top=rng.randint(2, 40))),
        (1, "api stats", lambda: "/api/stats"),
        (1, "page explorer", lambda: url("/", **filters(), page=rng.randint(1, 3))),
        (1, "page timeline", lambda: url("/timeline", period="month")),
        (1, "page dyad", lambda: url("/dyad", a="USA", b="VEN")),
        (1, "page network", lambda: url("/network", top=12)),
        (1, "download csv", lambda: url("/api/download/events", format="csv", **filters())),
    ]
    chosen = rng.choices(makers, weights=[w for w, _, _ in makers], k=count)
    return [(kind, make()) for _, kind, make in chosen]


def run_load(base: str, mix: list[tuple[str, str]], clients: int) -> list[tuple[str, int, float]]:
    """(kind, status, ms) for every request of the mix; status 0 for no answer."""
    todo: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
    for item in mix:
        todo.put(item)
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()

    def worker() -> None:
        with httpx2.Client(base_url=base, trust_env=False, timeout=120) as client:
            while True:
                try:
                    kind, url = todo.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    status = client.get(url).status_code
                except httpx2.HTTPError:
                    status = 0
                with lock:
                    results.append((kind, status, (time.perf_counter() - started) * 1000))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentiles(times: list[float]) -> tuple[float, float, float]:
    if len(times) < 2:
        return (times[0],) * 3 if times else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def report(results: list[tuple[str, int, float]], seconds: float) -> int:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _, ms in results:
        by_kind[kind].append(ms)
    print(f"{'kind':<15} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, times in [*sorted(by_kind.items()), ("all", [ms for _, _, ms in results])]:
        p50, p95, p99 = percentiles(times)
        print(f"{kind:<15} {len(times):>5} {p50:8.1f} {p95:8.1f} {p99:8.1f} {max(times):8.1f}")
    statuses = Counter(status for _, status, _ in results)
    errors = sum(n for status, n in statuses.items() if status >= 500)
    print(
        f"{len(results)} requests in {seconds:.1f} s: {len(results) / seconds:.1f} requests/s; "
        f"statuses {dict(sorted(statuses.items()))}; 5xx: {errors}; unanswered: {statuses[0]}"
    )
    return errors + statuses[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLite path or database URL (default: build the demo)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20251127)
    parser.add_argument(
        "--ingest",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="post 20 articles while the load runs (default: only on the demo database)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = str(Path(folder) / "demo.db")
            started = time.perf_counter()
            with Store.open(db) as store:
                Pipeline().run([str(resources.files("newsevents") / "data" / "demo")], store)
            print(f"built the demo database in {time.perf_counter() - started:.1f} s")
        ingest = args.ingest if args.ingest is not None else args.db is None
        token_file = Path(folder) / "token"
        token_file.write_text(TOKEN)
        process, base = serve(db, str(token_file))
        try:
            return _load(base, args, ingest)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _load(base: str, args: argparse.Namespace, ingest: bool) -> int:
    mix = request_mix(base, args.requests, random.Random(args.seed))
    writer = httpx2.Client(
        base_url=base, headers={"Authorization": f"Bearer {TOKEN}"}, trust_env=False, timeout=60
    )
    job_id = None
    if ingest:
        body = {"articles": ingest_batch(f"run-{time.time_ns()}")}
        posted = writer.post("/api/articles", json=body)
        if posted.status_code != 202:
            print(f"ingest refused: {posted.status_code} {posted.text}")
            return 1
        job_id = posted.json()["id"]
    print(f"{args.requests} requests from {args.clients} clients against {base}")
    started = time.perf_counter()
    results = run_load(base, mix, args.clients)
    seconds = time.perf_counter() - started
    failures = report(results, seconds)
    if job_id is not None:
        while (job := writer.get(f"/api/jobs/{job_id}").json())["status"] in {"queued", "running"}:
            time.sleep(0.2)
        took = datetime.fromisoformat(job["finished_at"]) - datetime.fromisoformat(
            job["submitted_at"]
        )
        print(
            f"ingest job {job['status']} in {took.total_seconds():.1f} s: "
            f"{job['stored']} stored, {job['skipped']} skipped, {job['events']} events"
            + (f", {job['message']}" if job["message"] else "")
        )
        failures += job["status"] != "done"
    writer.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
