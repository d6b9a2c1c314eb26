"""The API on the seeds: happenings and their evidence, mentions, charts, downloads,
token-guarded ingest, and one JSON error shape for every mistake."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow
TOKEN = "a-token-of-thirty-two-characters"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir):
    db = str(tmp_path_factory.mktemp("api") / "api.db")
    with Store.open(db) as store:
        Pipeline().run([str(seeds_dir)], store)
    return db


@pytest.fixture(scope="module")
def client(seeds_db):
    with TestClient(create_app(seeds_db)) as test_client:
        yield test_client


@pytest.fixture
def writer(tmp_path, seeds_db):
    """A server that accepts articles, on its own copy of the database."""
    db = tmp_path / "writable.db"
    shutil.copyfile(seeds_db, db)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    with TestClient(create_app(str(db), token_file=str(token_file))) as test_client:
        yield test_client


def _items(client, path="/api/events", **params):
    response = client.get(path, params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_events_are_happenings_listed_and_filtered(client):
    everything = client.get("/api/events", params={"limit": 5}).json()
    assert everything["total"] > len(everything["items"]) == 5
    venezuela = _items(client, actor="VEN")
    assert 0 < len(venezuela) < everything["total"]
    assert all("VEN" in (r["source_code"] or "") + (r["target_code"] or "") for r in venezuela)
    accuse = _items(client, type="accuse")
    assert accuse and {r["type"] for r in accuse} == {"ACCUSE"}
    conflict = _items(client, quad=4)
    assert conflict and {r["quad_class"] for r in conflict} == {4}


def test_a_reworded_copy_adds_an_article_not_a_source(client):
    told_twice = [h for h in _items(client) if h["num_articles"] == 2]
    assert told_twice and all(h["num_sources"] == 1 for h in told_twice)
    assert _items(client, min_sources=2) == []


def test_one_event_carries_every_mentions_evidence(client):
    [happening] = [h for h in _items(client) if h["num_articles"] == 2][:1]
    event = client.get(f"/api/events/{happening['id']}").json()
    assert len(event["mentions"]) == event["num_mentions"] >= 2
    for mention in event["mentions"]:
        sentence, offset = mention["sentence"], mention["sentence_start"]
        start, end = mention["trigger_start"] - offset, mention["trigger_end"] - offset
        assert sentence[start:end] == mention["trigger"]
        assert mention["origin"].endswith(".txt") and mention["coder_version"]
    # A mention id leads to its happening too.
    by_mention = client.get(f"/api/events/{event['mentions'][0]['event_id']}").json()
    assert by_mention["id"] == happening["id"]


def test_mentions_listing_and_copies(client):
    shown, every = _items(client, "/api/mentions"), _items(client, "/api/mentions", all=True)
    assert 0 < len(shown) < len(every)


def test_dyad_series_counts_both_directions(client):
    body = client.get("/api/dyads", params={"a": "USA", "b": "VEN"}).json()
    assert body["series"], body
    total = sum(row["total"] for row in body["series"])
    dated = [h for h in _items(client, dyad="USA,VEN") if h["date_start"]]
    assert total == len(dated)
    for row in body["series"]:
        assert row["cooperation"] + row["conflict"] == row["total"]
        assert row["since"] <= row["period"] <= row["until"]


def test_actors_timeline_network_and_stats(client):
    actors = _items(client, "/api/actors")
    assert actors[0]["as_source"] + actors[0]["as_target"] >= actors[-1]["as_source"]
    months = client.get("/api/timeline", params={"period": "month"}).json()["series"]
    asserted = [h for h in _items(client) if h["modality"] == "asserted"]
    assert sum(m["total"] for m in months) == sum(1 for h in asserted if h["date_start"])
    graph = client.get("/api/network", params={"top": 5}).json()
    codes = {n["code"] for n in graph["nodes"]}
    assert len(codes) <= 5 and all({e["a"], e["b"]} <= codes for e in graph["edges"])
    stats = client.get("/api/stats").json()
    assert stats["counts"]["documents"] == 5 and stats["writable"] is False
    assert sum(stats["modalities"].values()) == stats["counts"]["happenings"]
    assert sum(stats["types"].values()) == stats["modalities"]["asserted"] == len(asserted)


def test_stories_hold_their_articles_and_events(client):
    stories = _items(client, "/api/stories")
    assert sum(s["num_articles"] for s in stories) == 5
    biggest = max(stories, key=lambda s: s["num_articles"])
    story = client.get(f"/api/stories/{biggest['id']}").json()
    assert len(story["articles"]) == biggest["num_articles"] >= 2
    assert len(story["events"]) == story["num_happenings"] > 0
    assert {e["story_id"] for e in story["events"]} == {biggest["id"]}
    filtered = _items(client, story=biggest["id"])
    assert [e["id"] for e in filtered] == [e["id"] for e in story["events"]]


def test_happenings_carry_a_place_and_filter_by_it(client):
    placed = [h for h in _items(client) if h["place_country"]]
    assert placed, "the seeds name places (Caracas, Washington, the Caribbean)"
    country = placed[0]["place_country"]
    there = _items(client, place=country)
    assert there and {h["place_country"] for h in there} == {country}
    event = client.get(f"/api/events/{placed[0]['id']}").json()
    assert any(m["place_name"] == placed[0]["place_name"] for m in event["mentions"])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_downloads_hold_the_filtered_view(client, fmt):
    expected = _items(client, actor="VEN")
    response = client.get("/api/download/events", params={"actor": "VEN", "format": fmt})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in response.text.splitlines()]
    else:
        rows = pq.read_table(io.BytesIO(response.content)).to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in expected]


def test_a_read_only_server_refuses_writes(client):
    response = client.post("/api/articles", json={"text": "Russia accused Ukraine."})
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": TOKEN}, 401)],
)
def test_writes_need_the_token(writer, headers, status):
    response = writer.post(
        "/api/articles", json={"text": "Russia accused Ukraine."}, headers=headers
    )
    assert response.status_code == status
    assert response.headers.get("www-authenticate") == "Bearer"


@pytest.mark.parametrize(
    "body",
    [
        {"text": "a", "html": "<p>b</p>"},
        {"text": ""},
        {"articles": []},
        {"articles": [{"text": "a"}] * 101},
        {"articles": [{"text": "a"}], "text": "b"},
        {"path": "/etc/passwd"},
        [1, 2],
    ],
)
def test_bad_ingest_bodies_are_400(writer, body):
    response = writer.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400 and set(response.json()) == {"error"}


def test_oversized_bodies_are_refused_before_reading(writer):
    big = b'{"text": "' + b"x" * (11 * 2**20) + b'"}'
    response = writer.post(
        "/api/articles",
        content=big,
        headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"},
    )
    assert response.status_code == 413


def test_ingest_job_stores_events_and_records_bad_articles(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = writer.get("/api/stats").json()["counts"]
    text = "Japan delivered medicine and generators to Ukraine on Tuesday, officials said."
    body = {"articles": [{"text": text, "published": "2025-06-03", "url": "https://example.org/a"}]}
    job = writer.post("/api/articles", json=body, headers=auth).json()
    deadline = time.monotonic() + 60
    while (status := writer.get(job["status_url"], headers=auth).json())["status"] not in {
        "done",
        "failed",
    }:
        assert time.monotonic() < deadline, status
        time.sleep(0.2)
    assert status["status"] == "done" and status["stored"] == 1 and status["events"] >= 1
    after = writer.get("/api/stats").json()["counts"]
    assert after["documents"] == before["documents"] + 1
    aid = _items(writer, type="AID", actor="JPN")
    assert any(h["first_seen"] == "2025-06-03" for h in aid)
    # The same article again is skipped, not duplicated.
    again = writer.post("/api/articles", json=body, headers=auth).json()
    while (status := writer.get(again["status_url"], headers=auth).json())["status"] == "queued":
        time.sleep(0.1)
    while status["status"] == "running":
        time.sleep(0.1)
        status = writer.get(again["status_url"], headers=auth).json()
    assert status["skipped"] == 1
    assert writer.get("/api/stats").json()["counts"] == after


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events/0000000000000000", 404),
        ("/api/events/..%2F..%2Fetc%2Fpasswd", 404),
        ("/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", 404),
        ("/api/events?type=PUNCH", 400),
        ("/api/events?modality=certain", 400),
        ("/api/events?limit=100000", 400),
        ("/api/events?since=yesterday", 400),
        ("/api/events?actor=" + "x" * 500, 400),
        ("/api/events?actor=' OR 1=1 --", 200),
        ("/api/events?dyad=USA;DROP TABLE events", 400),
        ("/api/dyads?a=USA", 400),
        ("/api/download/documents?format=csv", 400),
        ("/api/download/events?format=xlsx", 400),
        ("/api/documents/ffffffffffffffff", 404),
        ("/api/stories/ffffffffffffffff", 404),
        ("/api/stories?since=2025-02-30", 400),
        ("/api/events?story=not-an-id", 400),
        ("/api/jobs/ffffffff", 403),
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


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/dyads", "/api/articles"):
        assert path in paths
    assert "access-control-allow-origin" not in client.get("/api/stats").headers


def test_a_short_token_file_is_refused(tmp_path, seeds_db):
    from newsevents.errors import ConfigError

    short = tmp_path / "token"
    short.write_text("abc")
    with pytest.raises(ConfigError, match="too short"):
        create_app(seeds_db, token_file=str(short))


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?actr=VEN",
        "/api/timeline?peroid=week",
        "/api/map?contry=VEN",
        "/map?plcae=VEN",
        "/api/download/events?fromat=csv",
        "/?actr=VEN",
    ],
)
def test_an_unknown_parameter_is_named_in_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    misspelled = url.split("?")[1].split("=")[0]
    if url.startswith("/api/"):
        assert response.json() == {
            "error": {"status": 400, "message": response.json()["error"]["message"]}
        }
        assert misspelled in response.json()["error"]["message"]
    else:
        assert misspelled in response.text


def test_mentions_take_every_filter_through_their_happening(client):
    conflict = {h["id"] for h in _items(client, quad=4)}
    mentions = _items(client, "/api/mentions", quad=4, all="true")
    assert conflict and {m["happening_id"] for m in mentions} == conflict


def test_the_codebook_explains_every_code_the_events_use(client):
    book = client.get("/api/codebook").json()
    types = {t["type"] for t in book["types"]}
    modalities = {m["modality"] for m in book["modalities"]}
    sectors = {s["sector"] for s in book["sectors"]}
    for row in _items(client):
        assert row["type"] in types and row["modality"] in modalities
        for code in (row["source_code"], row["target_code"]):
            if code and len(code) == 6 and code[:3].isalpha():
                assert code[3:] in sectors, code
    assert all(m["meaning"] for m in book["modalities"] + book["sectors"] + book["fields"])
    assert {"confidence", "merge_key", "goldstein"} <= {f["field"] for f in book["fields"]}
    page = client.get("/codebook").text
    assert "ACCUSE" in page and "verbal conflict" in page and "field-confidence" in page


def test_the_openapi_spec_describes_responses_and_fields(client):
    spec = client.get("/openapi.json").json()
    ok = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"] == {"$ref": "#/components/schemas/HappeningPage"}
    happening = spec["components"]["schemas"]["Happening"]["properties"]
    assert set(happening) >= {"quad_class", "confidence", "merge_key", "num_sources"}
    assert "verbal cooperation" in happening["quad_class"]["description"]
    assert "0 to 1" in happening["confidence"]["description"]
    paths = ("/api/timeline", "/api/dyads", "/api/mentions", "/api/events/{event_id}")
    for path in (*paths, "/api/network", "/api/actors"):
        assert "$ref" in str(spec["paths"][path]["get"]["responses"]["200"]), path


def test_search_finds_words_of_names_and_sentences_as_prefixes(client):
    found = _items(client, q="venez")
    assert found and len(found) < len(_items(client))
    for happening in found[:5]:
        mentions = client.get(f"/api/events/{happening['id']}").json()["mentions"]
        said = " ".join(
            [happening["source_name"] or "", happening["target_name"] or ""]
            + [m["sentence"] for m in mentions]
        )
        assert (
            "venez" in said.lower()
            or happening["source_code"].startswith("VEN")
            or ((happening["target_code"] or "").startswith("VEN"))
        )
    both = _items(client, q="venez accus")
    assert set(h["id"] for h in both) <= set(h["id"] for h in found)
    assert client.get("/api/events", params={"q": "*'\""}).status_code == 400


@pytest.mark.parametrize(
    ("sort", "key"),
    [("sources", "num_sources"), ("mentions", "num_mentions"), ("confidence", "confidence")],
)
def test_happenings_sort_by_a_count_most_first(client, sort, key):
    values = [h[key] for h in _items(client, sort=sort)]
    assert values == sorted(values, reverse=True)
    if sort != "sources":  # every seed happening has one source; mentions and confidence vary
        assert len(set(values)) > 1 and values != [h[key] for h in _items(client)]


def test_happenings_sort_newest_first_with_undated_last(client):
    days = [h["date_start"] for h in _items(client, sort="-date")]
    dated = [d for d in days if d]
    assert dated == sorted(dated, reverse=True)
    assert days[: len(dated)] == dated  # the undated ones after


def test_actors_are_named_by_their_dictionary_names(client):
    pronouns = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"}
    actors = client.get("/api/actors", params={"limit": 1000}).json()["items"]
    assert actors and not [a for a in actors if a["name"].lower() in pronouns]
    assert "VENGOV" in {a["code"] for a in _actors(client, "venez")}


def _actors(client, q):
    return client.get("/api/actors", params={"q": q}).json()["items"]


def test_an_article_page_does_not_show_the_servers_folders(client, seeds_dir):
    [document] = [d for d in _items(client, "/api/mentions", limit=1)][:1]
    page = client.get(f"/articles/{document['doc_id']}").text
    assert str(seeds_dir) not in page
    assert document["origin"].rsplit("/", 1)[-1] in page
