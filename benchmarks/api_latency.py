"""Latency of the API and the web UI on 100,000 events, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/api_latency.py [--events 100000] [--requests 200]
        [--pg postgresql://user@host/db]

Loads synthetic articles (five events each, among 60 actors of 20 countries over ten
years, in date order) through `Store.write_batch`, the path a run takes, so happenings
and stories are merged as they would be; prints the load time; then serves the store
with uvicorn on a local port and times real HTTP requests: the events list (random
filters and pages), full-text searches (`q=`, with a sort), one dyad query (USA-VEN,
per month), the timeline, the actor network, the map (API and page) and the explorer
page (random pages, with the evidence of its 50 rows). Prints p50/p95/max per kind.
With --pg, the same on that PostgreSQL database (its tables are emptied first: give a
throwaway one).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import uvicorn
from sqlalchemy import text

from newsevents.api import create_app
from newsevents.model import (
    PLOVER_TYPES,
    Actor,
    ActorMention,
    Document,
    Event,
    EventDate,
    Place,
)
from newsevents.store import Store

COUNTRIES = [
    "USA", "VEN", "RUS", "UKR", "CHN", "IRN", "ISR", "COL", "MEX", "CUB",
    "BRA", "DEU", "FRA", "GBR", "IND", "TUR", "SAU", "JPN", "KOR", "ZAF",
]  # fmt: skip
SECTORS = [None, "GOV", "MIL"]
# Ten towns a country, as a gazetteer would place them: the map groups by them.
TOWNS = [
    (f"Town {country} {n}", country, (i * 7.0) % 140 - 50, (i * 17.0 + n) % 340 - 170)
    for i, country in enumerate(COUNTRIES)
    for n in range(10)
]
BATCH = 500
EVENTS_PER_DOC = 5


def _actors() -> list[Actor]:
    return [Actor(f"{c} {s or 'state'}", c, s) for c in COUNTRIES for s in SECTORS]


def _document(number: int, total: int, rng: random.Random, actors: list[Actor]) -> Document:
    raw = f"Synthetic article {number}. " + " ".join(
        f"Actor {rng.randrange(10**6)} acted." for _ in range(EVENTS_PER_DOC)
    )
    # Articles arrive in date order, as news does: about 27 a day over ten years.
    published = date(2015, 1, 1) + timedelta(days=number * 3650 // total)
    doc = Document(
        id=Document.make_id(raw), raw=raw, origin=f"synthetic/{number}.txt", paragraphs=[raw]
    )
    doc.published_at, doc.published_basis = published, "metadata"
    for slot in range(EVENTS_PER_DOC):
        # USA and VEN appear often, as the actors of a real corpus concentrate.
        source = actors[rng.choice([0, 1, 3, 4, rng.randrange(len(actors))])]
        target = actors[rng.randrange(len(actors))]
        when = published - timedelta(days=rng.randrange(7))
        start = 20 + slot * 20
        doc.events.append(
            Event(
                doc_id=doc.id,
                type=rng.choice(PLOVER_TYPES),
                source=ActorMention(source.name, start, start + 5, source),
                target=ActorMention(target.name, start + 10, start + 15, target),
                sentence=raw[start : start + 20],
                sentence_start=start,
                sentence_end=start + 20,
                trigger="acted",
                trigger_start=start + 6,
                trigger_end=start + 9,
                date=EventDate(when, when, "day", None, "publication"),
                place=_place(rng, start),
                confidence=round(rng.uniform(0.3, 0.95), 2),
                coder_version="synthetic.v1",
            )
        )
    return doc


def _place(rng: random.Random, start: int) -> Place | None:
    """Four events in five are placed at one of the towns, the others nowhere."""
    if rng.random() < 0.2:
        return None
    name, country, lat, lon = rng.choice(TOWNS)
    return Place(name, start, start + 5, "sentence", 0.9, country, "01", lat, lon, None, "city")


def load(store: Store, events: int, seed: int = 7) -> float:
    rng, actors = random.Random(seed), _actors()
    started = time.perf_counter()
    docs = events // EVENTS_PER_DOC
    for first in range(0, docs, BATCH):
        batch = [_document(n, docs, rng, actors) for n in range(first, min(first + BATCH, docs))]
        store.write_batch(batch, coder_version="synthetic.v1")
    return time.perf_counter() - started


def _serve(db: str) -> tuple[uvicorn.Server, str]:
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}"


def _timed(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


def _requests(base: str, count: int, rng: random.Random) -> dict[str, list[str]]:
    def events_url() -> str:
        filters = rng.choice(
            [
                {},
                {"type": rng.choice(PLOVER_TYPES)},
                {"actor": rng.choice(COUNTRIES)},
                {"since": "2020-01-01", "until": "2020-06-30"},
                {"quad": rng.randint(1, 4), "country": rng.choice(COUNTRIES)},
            ]
        )
        return f"{base}/api/events?" + urlencode(
            {**filters, "limit": 50, "offset": 50 * rng.randrange(20)}
        )

    def search_url() -> str:
        words = rng.choice([rng.choice(COUNTRIES), f"{rng.choice(COUNTRIES)} gov", "acted"])
        sort = rng.choice(["date", "-date", "sources", "confidence"])
        return f"{base}/api/events?" + urlencode({"q": words, "sort": sort, "limit": 50})

    return {
        "events list": [events_url() for _ in range(count)],
        "search": [search_url() for _ in range(count)],
        "timeline": [f"{base}/api/timeline?period=month"] * count,
        "network": [f"{base}/api/network?top=30"] * count,
        "map": [f"{base}/api/map"] * count,
        "map page": [f"{base}/map"] * count,
        "dyad USA-VEN": [f"{base}/api/dyads?a=USA&b=VEN&period=month"] * count,
        "explorer page": [f"{base}/?page={rng.randint(1, 40)}" for _ in range(count)],
    }


def measure(db: str, label: str, requests: int) -> None:
    server, base = _serve(db)
    try:
        rng = random.Random(11)
        for kind, urls in _requests(base, requests, rng).items():
            _timed(urls[0])  # warm the caches once, as a running server would be
            times = sorted(_timed(u) for u in urls)
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"{label:<10} {kind:<14} n={len(times):<4} p50 {statistics.median(times):7.1f} ms"
                f"  p95 {p95:7.1f} ms  max {times[-1]:7.1f} ms"
            )
    finally:
        server.should_exit = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--pg", help="a throwaway PostgreSQL database URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        targets = [("sqlite", str(Path(folder) / "bench.db"))]
        if args.pg:
            targets.append(("postgresql", args.pg))
        for label, db in targets:
            with Store.open(db) as store:
                with store.engine.begin() as connection:
                    tables = ("happening_text", "happenings", "stories", "events", "errors")
                    for table in (*tables, "actors", "documents"):
                        connection.execute(text(f"DELETE FROM {table}"))
                seconds = load(store, args.events)
                counts = store.counts()
            print(
                f"{label:<10} loaded {counts['events']} events, {counts['happenings']} "
                f"happenings in {seconds:.1f} s ({counts['events'] / seconds:.0f} events/s)"
            )
            measure(db, label, args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
