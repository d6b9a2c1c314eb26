"""The read-only API on the seeds: listings, one event with its evidence, happenings,
and one JSON error shape for every mistake."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(tmp_path_factory, seeds_dir):
    db = str(tmp_path_factory.mktemp("api") / "api.db")
    with Store.open(db) as store:
        Pipeline().run([str(seeds_dir)], store)
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_events_are_listed_and_filtered(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    venezuela = client.get("/api/events", params={"actor": "VEN", "limit": 1000}).json()["items"]
    assert 0 < len(venezuela) < len(everything)
    assert all("VEN" in (r["source_code"] or "") + (r["target_code"] or "") for r in venezuela)
    accuse = client.get("/api/events", params={"type": "accuse"}).json()["items"]
    assert accuse and {r["type"] for r in accuse} == {"ACCUSE"}


def test_one_event_carries_its_evidence(client):
    first = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    event = client.get(f"/api/events/{first['event_id']}").json()
    assert event["sentence"] and event["trigger"] in event["sentence"]
    assert event["origin"].endswith(".txt") and event["sentence_end"] > event["sentence_start"]


def test_happenings_count_sources(client):
    items = client.get("/api/happenings", params={"limit": 1000}).json()["items"]
    assert any(h["num_articles"] == 2 and h["num_sources"] == 1 for h in items)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events/0000000000000000", 404),
        ("/api/events/../../etc/passwd", 404),
        ("/api/events?type=PUNCH", 400),
        ("/api/events?limit=100000", 400),
        ("/api/events?since=yesterday", 400),
        ("/api/events?actor=" + "x" * 500, 400),
        ("/api/events?actor=' OR 1=1 --", 200),
        ("/api/nowhere", 404),
    ],
)
def test_errors_have_one_shape_and_never_500(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    if status != 200:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == status
        assert "Traceback" not in response.text


def test_stats_and_openapi(client):
    assert client.get("/api/stats").json()["counts"]["documents"] == 5
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
