"""Magnitudes on every surface: the API's happenings and mentions, the `min_killed`
filter (a known parameter; a misspelt one is refused), the web table's Killed column,
the downloads, and `code --json`. Articles written for these tests."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsevents.api import create_app
from newsevents.cli import app
from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow

ARTICLES = {
    "raid.txt": "Soldiers killed 14 villagers in Kaduna on 3 June 2025, officials said.",
    "march.txt": "Some 6,000 teachers marched in Nairobi on 4 June 2025 to demand higher pay.",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("magnitudes")
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, "utf-8")
    db = str(folder / "m.db")
    with Store.open(db) as store:
        Pipeline().run([str(folder)], store)
    with TestClient(create_app(db)) as test_client:
        yield test_client


def _items(client, path="/api/events", **params):
    response = client.get(path, params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_happenings_and_mentions_carry_their_figures(client):
    [assault] = _items(client, type="ASSAULT")
    assert assault["killed"] == 14 and assault["crowd"] is None
    [mention] = client.get(f"/api/events/{assault['id']}").json()["mentions"]
    assert mention["magnitudes"]["killed"]["value"] == 14
    assert mention["magnitudes"]["killed"]["text"] == "14"
    [protest] = _items(client, "/api/mentions", type="PROTEST")
    assert protest["crowd"] == 6000 and protest["magnitudes"]["crowd"]["text"] == "Some 6,000"


def test_min_killed_is_a_filter_every_view_knows(client):
    assert [h["type"] for h in _items(client, min_killed=10)] == ["ASSAULT"]
    assert _items(client, min_killed=15) == []
    assert [m["killed"] for m in _items(client, "/api/mentions", min_killed=1)] == [14]
    refused = client.get("/api/events", params={"min_kiled": 1})
    assert refused.status_code == 400 and "min_kiled" in refused.text
    assert client.get("/api/events", params={"min_killed": "many"}).status_code in (400, 422)


def test_the_event_table_has_a_killed_column(client):
    page = client.get("/", params={"min_killed": 1}).text
    assert "<th" in page and ">Killed</th>" in page and '<td class="killed">' in page
    assert ">14</span>" in page and 'name="min_killed"' in page
    [assault] = _items(client, type="ASSAULT")
    assert "killed 14" in client.get(f"/events/{assault['id']}").text


@pytest.mark.parametrize("view", ["events", "mentions"])
def test_downloads_have_a_fatalities_column(client, view):
    response = client.get(f"/api/download/{view}", params={"format": "csv", "type": "ASSAULT"})
    [row] = list(csv.DictReader(io.StringIO(response.text)))
    assert row["killed"] == "14"


def test_code_json_gives_each_event_its_own_figures():
    runner = CliRunner()
    sentence = "Police killed five protesters and arrested 120 people in Lagos on Monday."
    result = runner.invoke(app, ["code", "--json", sentence])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    figures = {r["type"]: r["magnitudes"] for r in records}
    assert figures == {"ASSAULT": {"killed": 5}, "COERCE": {"arrested": 120}}
    [assault] = [r for r in records if r["type"] == "ASSAULT"]
    assert assault["magnitude_details"]["killed"]["text"] == "five"
