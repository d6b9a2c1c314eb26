"""1,000 generated requests against the app, built from its own OpenAPI schema.

Every GET path of /openapi.json (and the web pages, which the schema leaves out) gets
query strings of schema-valid and hostile values: SQL injection, path traversal, huge
and negative numbers, unicode and control characters, empty values, strings up to 10k
characters, repeated and unknown parameters, broken percent-encoding; POST /api/articles
gets random JSON and raw bodies, with and without the token. Whatever comes in:

- never a 5xx;
- every non-2xx answer under /api is `{"error": {"status", "message"}}` with that status;
- no stack trace and no file contents in any answer, no script reflected into a page;
- nothing is accepted for ingest without the token, and every accepted job finishes.

Hypothesis runs derandomized with no example database, so CI sees the same requests on
every run. The last tests keep fixed the bugs the fuzzing found.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.api import create_app
from newsevents.model import MODALITIES, PLOVER_TYPES
from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow

TOKEN = "fuzz-test-token-0123456789abcdef"
GET_REQUESTS = 750
POST_REQUESTS = 250
MAX_URL = 60_000
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)

HOSTILE = [
    "",
    " ",
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "1 UNION SELECT text FROM documents",
    "USA%' OR '1'='1",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "/etc/passwd",
    "file:///etc/passwd",
    "..\\..\\windows\\win.ini",
    "\x00",
    "USA\x00",
    "\r\nX-Injected: 1",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "{{7*7}}",
    "${7*7}",
    "%s%s%s%n",
    "-1",
    "0",
    "-99999999999999999999",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "0x10",
    "1.5",
    "+1",
    " 1",
    "2025-02-30",
    "0000-00-00",
    "9999-12-31",
    "2025-1-1",
    "١٢٣",
    "１２３",
    "İSTANBUL",
    "ß",
    "\u202eASU",
    "😀😀😀",
    "%",
    "_",
    "*",
    "USA,VEN,RUS",
    ",",
    "USA,",
    "true",
    "null",
    "[]",
    "{}",
]
HOSTILE_QUERIES = ["%", "%zz", "%ff%fe", "a=%E0%A4%A", "&&&", "=", "a==b", "limit", "%00=%00"]
MARKERS = ["Traceback", "root:", 'File "/', "sqlalchemy.exc"]
KNOWN = {  # real values, so that some requests get past validation to the store
    "actor": ["USA", "VEN", "usa", "Russia", "GOV", "USAGOV"],
    "q": ["US", "ven", "Rus"],
    "type": [*PLOVER_TYPES, "accuse"],
    "modality": list(MODALITIES),
    "country": ["USA", "VEN", "ukr"],
    "dyad": ["USA,VEN", "RUS,UKR"],
    "a": ["USA", "RUS"],
    "b": ["VEN", "UKR"],
    "period": ["week", "month", "year"],
    "format": ["csv", "jsonl", "parquet"],
    "view": ["events", "mentions"],
}
# The web pages are left out of the schema; they take the same filters as the API.
PAGES = {
    "/": ["page"],
    "/timeline": ["period"],
    "/dyad": ["a", "b", "period"],
    "/network": ["top"],
    "/ingest": [],
    "/events/{event_id}": [],
    "/articles/{doc_id}": [],
}


def _long() -> st.SearchStrategy[str]:
    pieces = st.sampled_from(["x", "A", "é", "😀", "'", "%", "%00", "../", ",", "0"])
    return st.builds(lambda piece, n: (piece * n)[:10_000], pieces, st.integers(100, 10_000))


def _hostile() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.integers(-(10**30), 10**30).map(str),
        _long(),
    )


def _valid(name: str, schema: dict[str, Any], real_ids: list[str]) -> st.SearchStrategy[str]:
    """Values the parameter's schema allows (or nearly: integers just past the bounds)."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    schema = options[0] if options else schema
    choices: list[st.SearchStrategy[str]] = []
    if name in KNOWN:
        choices.append(st.sampled_from(KNOWN[name]))
    if name.endswith("_id"):
        choices.append(st.sampled_from(real_ids))
    if "pattern" in schema:
        choices.append(st.from_regex(schema["pattern"], fullmatch=True))
    if schema.get("type") == "integer":
        low, high = schema.get("minimum", -(10**6)), schema.get("maximum", 10**6)
        choices.append(st.integers(low - 2, high + 2).map(str))
    elif schema.get("type") == "boolean":
        choices.append(st.sampled_from(["true", "false", "1", "0", "yes", "off"]))
    elif schema.get("type") == "string" and "pattern" not in schema:
        choices.append(st.text(max_size=schema.get("maxLength", 50) + 2))
    return st.one_of(choices) if choices else st.text(max_size=20)


def _routes(schema: dict[str, Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(path template, [(parameter, where)]) for every GET in the schema, and the pages."""
    routes = []
    filters: list[tuple[str, str]] = []
    for path, operations in sorted(schema["paths"].items()):
        if "get" in operations:
            params = [(p["name"], p["in"]) for p in operations["get"].get("parameters", [])]
            routes.append((path, [p for p in params if p[1] in {"path", "query"}]))
            if path == "/api/events":
                filters = [p for p in params if p[0] not in {"limit", "offset"}]
    for path, extra in PAGES.items():
        found = [(name, "path") for name in re.findall(r"{(\w+)}", path)]
        found += [(name, "query") for name in extra]
        routes.append((path, found + (filters if not found and path != "/ingest" else [])))
    return routes


@st.composite
def _get(draw: st.DrawFn, routes: list[Any], values: dict[str, Any]) -> dict[str, Any]:
    path, params = draw(st.sampled_from(routes))
    query: list[tuple[str, str]] = []
    for name, where in params:
        hostile = draw(st.integers(0, 2)) == 0
        strategy = values["hostile"] if hostile else values[name]
        if where == "path":
            value = draw(strategy)
            raw = draw(st.integers(0, 9)) == 0  # now and then unquoted: ../, /, ?, #
            path = path.replace(f"{{{name}}}", quote(value, safe="/?#.%&=" if raw else ""))
            continue
        if draw(st.booleans()):
            continue  # left out
        for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):  # sometimes repeated
            query.append((name, draw(strategy)))
    if draw(st.integers(0, 9)) == 0:
        query.append((draw(st.text(min_size=1, max_size=20)), draw(values["hostile"])))
    url = path
    if query:
        url += "?" + "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query)
    if draw(st.integers(0, 19)) == 0:
        url += ("&" if query else "?") + draw(st.sampled_from(HOSTILE_QUERIES))
    url = url[:MAX_URL]  # the client's limit; a cut may leave a broken %-escape
    method = draw(st.sampled_from(["GET"] * 17 + ["PUT", "DELETE", "PATCH"]))
    return {"method": method, "url": url, "headers": draw(_auth())}


def _auth(right: int = 2) -> st.SearchStrategy[dict[str, str]]:
    """Authorization headers, the right one `right` times in twelve."""
    wrong = [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": TOKEN},
        {"Authorization": f"bearer  {TOKEN} "},  # right: the scheme is case-blind
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN} extra"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": "Bearer " + "x" * 5000},
        {"Authorization": "Bearer "},
    ]
    printable = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60)
    return st.integers(0, 11).flatmap(
        lambda n: (
            st.just({"Authorization": f"Bearer {TOKEN}"})
            if n < right
            else st.one_of(st.sampled_from(wrong), printable.map(lambda s: {"Authorization": s}))
        )
    )


_SENTENCES = st.builds(
    "{} {} {} on {}.".format,
    st.sampled_from(["Chile", "Norway", "Japan", "Russia", "Kenya", "Brazil"]),
    st.sampled_from(["accused", "sent aid to", "threatened", "met", "criticised"]),
    st.sampled_from(["Peru", "Sudan", "Ukraine", "Somalia", "Argentina"]),
    st.sampled_from(["Monday", "Friday", "15 March 2025"]),
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _field() -> st.SearchStrategy[Any]:
    return st.one_of(_SENTENCES, _hostile(), st.text(max_size=200), _JSON)


def _article() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "text": st.one_of(_SENTENCES, _field()),
            "html": st.one_of(_SENTENCES.map("<p>{}</p>".format), _field()),
            "url": _field(),
            "title": _field(),
            "published": st.one_of(st.dates().map(str), _field()),
            "path": st.just("/etc/passwd"),
        },
    )


_VALID = st.fixed_dictionaries(
    {"text": _SENTENCES},
    optional={
        "url": st.integers(0, 10**6).map("https://example.org/fuzz/{}".format),
        "title": st.text(max_size=100),
        "published": st.dates().map(str),
    },
)


@st.composite
def _post(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["valid", "valid", "one", "one", "batch", "json", "raw", "many"]))
    content_type = "application/json"
    if kind == "valid":
        body = json.dumps(
            draw(
                st.one_of(
                    _VALID,
                    st.lists(_VALID, min_size=1, max_size=3).map(
                        lambda articles: {"articles": articles}
                    ),
                )
            )
        ).encode()
    elif kind == "one":
        body = json.dumps(draw(_article())).encode()
    elif kind == "batch":
        articles = st.lists(st.one_of(_VALID, _article()), max_size=4)
        body = json.dumps({"articles": draw(articles)}).encode()
    elif kind == "many":  # the batch limit is 100
        count = draw(st.integers(99, 102))
        body = json.dumps({"articles": [{"text": f"Peru thanked Chile, {count}."}] * count})
        body = body.encode()
    elif kind == "json":
        body = json.dumps(draw(_JSON)).encode()  # NaN and Infinity included
    else:
        body = draw(st.binary(max_size=300))
        content_type = draw(
            st.sampled_from(
                ["application/json", "text/plain", "application/x-www-form-urlencoded", ""]
            )
        )
    headers = draw(_auth(right=7)) | ({"Content-Type": content_type} if content_type else {})
    return {"method": "POST", "url": "/api/articles", "headers": headers, "content": body}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("fuzz") / "demo.db")
    with Store.open(db) as store:
        Pipeline().run([str(resources.files("newsevents") / "data" / "demo")], store)
    return db


@pytest.fixture(scope="module")
def client(demo_db, tmp_path_factory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("fuzz-server")
    shutil.copyfile(demo_db, folder / "fuzz.db")
    (folder / "token").write_text(TOKEN)
    app = create_app(str(folder / "fuzz.db"), token_file=str(folder / "token"))
    with TestClient(app, raise_server_exceptions=False, follow_redirects=False) as test_client:
        yield test_client


def _check(request: dict[str, Any], response: Any) -> None:
    """The promises every answer keeps, whatever was asked."""
    where = f"{request['method']} {request['url'][:300]!r}"
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:500]}"
    text = response.text
    for marker in MARKERS:
        assert marker not in text, f"{where}: {marker!r} in the answer: {text[:500]}"
    if response.headers.get("content-type", "").startswith("text/html"):
        assert "<script>alert(1)" not in text, f"{where}: a script reflected into the page"
        assert "<svg onload" not in text, f"{where}: markup reflected into the page"
    path = response.request.url.path  # as sent: the client resolves ../ segments
    if 300 <= response.status_code < 400:  # a trailing slash is redirected, on this host
        assert response.headers["location"].startswith("http://testserver/"), where
    elif response.status_code >= 400 and path.startswith("/api/"):
        body = response.json()
        assert set(body) == {"error"}, f"{where}: {text[:300]}"
        assert set(body["error"]) == {"status", "message"}, f"{where}: {text[:300]}"
        assert body["error"]["status"] == response.status_code, where


def test_generated_gets_from_the_schema_never_fail(client):
    schema = client.get("/openapi.json").json()
    routes = _routes(schema)
    assert len(routes) >= 15, routes
    events = client.get("/api/events", params={"limit": 50}).json()["items"]
    real_ids = [e["id"] for e in events]
    for event in events[:10]:
        mentions = client.get(f"/api/events/{event['id']}").json()["mentions"]
        real_ids += [m["event_id"] for m in mentions] + [m["doc_id"] for m in mentions]
    values: dict[str, Any] = {"hostile": _hostile()}
    for operations in schema["paths"].values():
        for parameter in operations.get("get", {}).get("parameters", []):
            values[parameter["name"]] = _valid(parameter["name"], parameter["schema"], real_ids)
    values["page"] = _valid("page", {"type": "integer", "minimum": 1, "maximum": 100}, real_ids)
    outcomes: Counter[int] = Counter()

    @settings(FUZZ, max_examples=GET_REQUESTS)
    @given(_get(routes, values))
    def run(request: dict[str, Any]) -> None:
        response = client.request(request["method"], request["url"], headers=request["headers"])
        outcomes[response.status_code] += 1
        _check(request, response)

    run()
    print(f"fuzz GET: {sum(outcomes.values())} requests, statuses {dict(sorted(outcomes.items()))}")
    assert sum(outcomes.values()) >= GET_REQUESTS
    assert outcomes[200] >= GET_REQUESTS // 10, "too few requests got past validation"
    assert outcomes[400] >= GET_REQUESTS // 10, "too few requests were hostile"


def test_generated_posts_never_fail_and_need_the_token(client):
    outcomes: Counter[int] = Counter()
    accepted: list[str] = []

    @settings(FUZZ, max_examples=POST_REQUESTS)
    @given(_post())
    def run(request: dict[str, Any]) -> None:
        response = client.request(
            "POST", request["url"], headers=request["headers"], content=request["content"]
        )
        outcomes[response.status_code] += 1
        _check(request, response)
        if response.status_code == 202:
            scheme, _, given_token = request["headers"].get("Authorization", "").partition(" ")
            assert scheme.lower() == "bearer" and given_token.strip() == TOKEN, "no token"
            accepted.append(response.json()["id"])

    run()
    print(
        f"fuzz POST: {sum(outcomes.values())} requests, statuses {dict(sorted(outcomes.items()))}"
    )
    assert sum(outcomes.values()) >= POST_REQUESTS
    assert outcomes[202] and outcomes[400] and outcomes[401], outcomes
    auth = {"Authorization": f"Bearer {TOKEN}"}
    deadline = time.monotonic() + 60
    jobs = []
    for job_id in accepted:
        while (job := client.get(f"/api/jobs/{job_id}", headers=auth).json())["status"] in {
            "queued",
            "running",
        }:
            assert time.monotonic() < deadline, f"job {job_id} still {job['status']}"
            time.sleep(0.1)
        jobs.append(job)
    print(f"fuzz POST: {len(jobs)} jobs, {Counter(j['status'] for j in jobs)}")
    failed = [j for j in jobs if j["status"] != "done"]
    assert not failed, failed[:3]


# Bugs the fuzzing found, fixed; these keep them fixed.


@pytest.mark.parametrize("actor", ["%", "_", "\\"])
def test_actor_filter_takes_wildcards_literally(client, actor):
    found = client.get("/api/events", params={"actor": actor}).json()["total"]
    assert found == 0


def test_a_nul_in_the_url_is_refused(client):
    response = client.get("/api/events", params={"actor": "\x00"})
    assert response.status_code == 400 and "NUL" in response.json()["error"]["message"]


@pytest.fixture
def pg_db(pg_url) -> Iterator[str]:
    """A database of its own on the test PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"fuzz_{time.monotonic_ns()}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    url = pg_url.rsplit("/", 1)[0] + f"/{name}"
    Store.open(url).close()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?actor=%00",
        "/api/mentions?actor=USA%00",
        "/api/timeline?actor=%00",
        "/api/network?actor=%00",
        "/api/dyads?a=USA&b=VEN&actor=%00",
        "/?actor=%00",
        "/api/download/events?actor=%00&format=csv",
    ],
)
def test_a_nul_in_a_filter_is_refused_on_postgresql(pg_db, url):
    with TestClient(create_app(pg_db), raise_server_exceptions=False) as pg_client:
        response = pg_client.get(url)
    assert response.status_code < 500, response.text
    if response.status_code == 200 and "/download/" in url:  # even no rows have a header
        assert response.text.startswith("id"), "a download cut off by an error"


def test_a_nul_in_an_article_fails_only_that_article_on_postgresql(pg_db, tmp_path):
    (tmp_path / "token").write_text(TOKEN)
    app = create_app(pg_db, token_file=str(tmp_path / "token"))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = {
        "articles": [
            {"text": "Chile accused Peru of spying\x00 on Monday."},
            {"text": "Norway sent aid to Sudan on Friday."},
        ]
    }
    with TestClient(app, raise_server_exceptions=False) as pg_client:
        job = pg_client.post("/api/articles", json=batch, headers=auth).json()
        deadline = time.monotonic() + 60
        while (job := pg_client.get(f"/api/jobs/{job['id']}", headers=auth).json())["status"] in {
            "queued",
            "running",
        }:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert job["status"] == "done", job
    assert job["stored"] + len(job["errors"]) == 2, job
