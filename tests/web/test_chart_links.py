"""Every bar, edge and node a chart draws links to the happenings it counts: follow
each link and compare. Nothing is dropped silently either: the bars and the undated
note add up to the listing's total."""

from __future__ import annotations

import re
from html import unescape
from importlib import resources
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow
_LINK = re.compile(r'<a href="([^"]+)" data-count="([0-9]+)">')
CHARTS = [
    "/timeline",
    "/timeline?period=week&modality=any",
    "/timeline?period=year&actor=VEN",
    "/network",
    "/network?modality=any&top=50",
    "/network?actor=USA",
    "/dyad?a=USA&b=VEN",
    "/dyad?a=USA&b=VEN&modality=any&period=week",
    "/map",
    "/map?modality=any",
    "/map?actor=USA",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("links") / "demo.db")
    with Store.open(db) as store:
        Pipeline().run([str(resources.files("newsevents") / "data" / "demo")], store)
    with TestClient(create_app(db)) as test_client:
        yield test_client


def _total(client: TestClient, href: str) -> int:
    params = dict(parse_qsl(urlsplit(href).query))
    response = client.get("/api/events", params=params | {"limit": 1})
    assert response.status_code == 200, response.text
    return response.json()["total"]


@pytest.mark.parametrize("page", CHARTS)
def test_every_chart_link_opens_the_rows_it_counts(client, page):
    html = client.get(page).text
    links = [(unescape(href), int(count)) for href, count in _LINK.findall(html)]
    assert links, f"{page} draws no links"
    wrong = [(href, count, _total(client, href)) for href, count in links]
    assert [w for w in wrong if w[1] != w[2]] == []


def test_the_explorer_shows_the_count_a_bar_links_to(client):
    href, count = next((unescape(h), int(c)) for h, c in _LINK.findall(client.get("/network").text))
    shown = client.get(href).text
    assert re.search(rf'id="total">{count} happening', shown)


@pytest.mark.parametrize("modality", ["", "any"])
def test_bars_and_undated_add_up_to_the_listing(client, modality):
    timeline = client.get("/api/timeline", params={"modality": modality}).json()
    counted = sum(row["total"] for row in timeline["series"]) + timeline["undated"]["total"]
    listing = client.get(
        "/api/events", params={"modality": modality or "asserted", "limit": 1}
    ).json()
    assert counted == listing["total"] > 0
    assert timeline["undated"]["total"] > 0  # the demo has undated happenings, shown apart
    assert (
        _total(client, "/?" + _query(timeline["undated"]["params"]))
        == (timeline["undated"]["total"])
    )


def _query(params: dict[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in params.items())


def test_charts_count_asserted_happenings_unless_switched(client):
    asserted = client.get("/api/dyads", params={"a": "USA", "b": "VEN"}).json()
    every = client.get("/api/dyads", params={"a": "USA", "b": "VEN", "modality": "any"}).json()
    assert asserted["modality"] == "asserted" and every["modality"] == "any"
    total = sum(r["total"] for r in every["series"])
    assert sum(r["total"] for r in asserted["series"]) < total
    page = client.get("/timeline").text
    assert 'id="modality-switch"' in page and "modality=any" in page


def test_a_network_edge_is_exactly_its_pair(client):
    graph = client.get("/api/network", params={"top": 200, "modality": "any"}).json()
    for edge in graph["edges"]:
        rows = client.get("/api/events", params=edge["params"] | {"limit": 1000}).json()
        pairs = {frozenset((r["source_code"], r["target_code"])) for r in rows["items"]}
        assert pairs == {frozenset((edge["a"], edge["b"]))}


@pytest.mark.parametrize("modality", ["", "any"])
def test_every_map_count_is_the_listing_its_link_opens(client, modality):
    counts = client.get("/api/map", params={"modality": modality}).json()
    assert counts["modality"] == (modality or "asserted")
    assert counts["countries"] and counts["places"]
    rows = counts["countries"] + counts["places"]
    wrong = [
        (r["params"], r["events"], _total(client, "/?" + urlencode(r["params"]))) for r in rows
    ]
    assert [w for w in wrong if w[1] != w[2]] == []
    placed = sum(row["events"] for row in counts["countries"]) + counts["unplaced"]
    listing = client.get("/api/events", params={"modality": modality or "asserted", "limit": 1})
    assert placed == listing.json()["total"]


def test_a_map_place_lists_only_happenings_there(client):
    place = client.get("/api/map", params={"modality": "any"}).json()["places"][0]
    assert {"name", "admin1", "lat", "lon", "country"} <= set(place)
    rows = client.get("/api/events", params=place["params"] | {"limit": 1000}).json()["items"]
    assert {(r["place_country"], r["place_name"]) for r in rows} == {
        (place["country"], place["name"])
    }
