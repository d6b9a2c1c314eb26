"""The web UI in real headless Chromium (Debian's, through Playwright's
`executable_path`; no browser is downloaded): filter, open evidence, charts, ingest.

Screenshots go to tests/artifacts/ for a person to look at after CI.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
import uvicorn

from newsevents.api import create_app
from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
TOKEN = "browser-test-token-0123456789abcdef"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Debian's chromium is missing: `apt-get install chromium` (.ci/run does)")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    db = str(folder / "demo.db")
    with Store.open(db) as store:
        Pipeline().run([str(resources.files("newsevents") / "data" / "demo")], store)
    (folder / "token").write_text(TOKEN)
    app = create_app(db, token_file=str(folder / "token"))
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    port = running.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=_chromium(), headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_explorer_filters_and_opens_evidence(page):
    page.goto("/")
    rows = page.locator("tr.event")
    assert rows.count() > 5
    _shot(page, "explorer")
    page.select_option("select[name=type]", "ACCUSE")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=ACCUSE**")
    types = page.locator("tr.event .type").all_inner_texts()
    assert types and set(types) == {"ACCUSE"}
    first = page.locator("tr.event").first
    evidence = page.locator(f"#ev-{first.get_attribute('data-id')}")
    assert evidence.is_hidden()
    first.locator("button.toggle").click()
    assert evidence.is_visible()
    trigger = evidence.locator("mark.trigger").first
    assert trigger.inner_text().strip()
    _shot(page, "explorer-evidence")
    # From the number of sources to the sentences and the article behind them.
    first.locator("td a").first.click()
    page.wait_for_url("**/events/**")
    assert page.locator("#mentions li").count() >= 1
    page.locator("#mentions li a").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("article.text p").count() > 0
    _shot(page, "article")


def test_dyad_chart_renders_and_links_to_events(page):
    page.goto("/dyad?a=USA&b=VEN&period=month")
    bars = page.locator("#dyad-chart rect")
    assert bars.count() > 0
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(bars.count())]
    assert max(heights) > 10
    box = page.locator("#dyad-chart").bounding_box()
    assert box and box["width"] > 400 and box["height"] > 150
    _shot(page, "dyad")
    page.locator("#dyad-table a").first.click()
    page.wait_for_url("**dyad=USA%2CVEN**")
    assert "modality=asserted" in page.url  # the rows the chart counted
    assert page.locator("tr.event").count() > 0


def test_timeline_and_network_render(page):
    page.goto("/timeline?period=month")
    assert page.locator("svg.chart rect").count() > 0
    _shot(page, "timeline")
    page.goto("/network?top=12")
    assert page.locator("#network-chart circle").count() >= 3
    assert page.locator("#network-chart line").count() >= 2
    _shot(page, "network")


def test_story_page_lists_articles_and_events(page):
    page.goto("/stories")
    stories = page.locator("tr.story")
    assert stories.count() > 3
    _shot(page, "stories")
    page.locator("tr.story a").first.click()
    page.wait_for_url("**/stories/**")
    assert page.locator("#articles li").count() >= 1
    assert page.locator("#span").inner_text().strip()
    _shot(page, "story")


def test_ingest_with_the_token_then_see_the_events(page):
    page.goto("/ingest")
    page.fill("input[name=token]", TOKEN)
    page.fill("input[name=published]", "2025-10-02")
    page.fill(
        "textarea[name=text]",
        "Norway delivered food aid to Sudan on Wednesday, the foreign ministry said.\n\n"
        "Sudan thanked Norway for the shipment.",
    )
    page.click("form#ingest button[type=submit]")
    result = page.locator("#job-result")
    result.wait_for(timeout=60_000)
    assert "Stored 1 article" in result.inner_text()
    _shot(page, "ingest")
    page.goto("/?actor=NOR")
    assert page.locator("tr.event").count() >= 1
    assert "AID" in page.locator("tr.event .type").all_inner_texts()


def test_a_wrong_token_is_shown_not_stored(page):
    page.goto("/ingest")
    page.fill("input[name=token]", "not-the-token")
    page.fill("textarea[name=text]", "Chile protested to Peru over the border fence.")
    page.click("form#ingest button[type=submit]")
    page.wait_for_selector("#status.warning")
    assert "wrong token" in page.locator("#status").inner_text()


def test_a_bar_opens_as_many_happenings_as_it_counts(page):
    page.goto("/timeline")
    bar = page.locator("#timeline-chart a[data-count]").first
    count = int(bar.get_attribute("data-count"))
    bar.locator("rect").click()
    page.wait_for_url("**starts_since=**")
    assert page.locator("#total").inner_text().startswith(f"{count} happening")
    page.goto("/network")
    edge = page.locator("#network-chart a[data-count]:has(line)").first
    count = int(edge.get_attribute("data-count"))
    page.goto(edge.get_attribute("href"))
    assert page.locator("#total").inner_text().startswith(f"{count} happening")


def test_the_modality_switch_lets_every_modality_into_the_charts(page):
    page.goto("/dyad?a=USA&b=VEN")
    note = page.locator("#modality-note")
    assert "asserted" in note.inner_text()
    asserted = sum(int(a.get_attribute("data-count")) for a in page.locator("#dyad-chart a").all())
    page.locator("#modality-switch").click()
    page.wait_for_url("**modality=any**")
    assert "every modality" in page.locator("#modality-note").inner_text()
    every = sum(int(a.get_attribute("data-count")) for a in page.locator("#dyad-chart a").all())
    assert every > asserted > 0
    _shot(page, "dyad-every-modality")
    page.goto("/timeline")
    assert "undated" in page.locator("#undated").inner_text()


@pytest.mark.parametrize(("path", "drawn"), [("/docs", ".opblock"), ("/redoc", "h2")])
def test_the_api_docs_render_with_the_network_cut_off(browser, server, path, drawn):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def only_this_server(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    opened = context.new_page()
    opened.goto(path)
    opened.wait_for_selector(drawn, timeout=30_000)
    assert opened.locator(drawn).count() > 3
    assert "/api/events" in opened.content()
    _shot(opened, f"offline{path.replace('/', '-')}")
    context.close()
    assert outside == []


# The busiest shaded country with a point inside its outline that no circle covers.
_A_SHADED_COUNTRY_ON_TOP = """() => {
  const links = [...document.querySelectorAll('#world-map a[data-count]')]
    .filter(a => a.querySelector('path.country'))
    .sort((a, b) => b.dataset.count - a.dataset.count);
  for (const a of links) {
    const path = a.querySelector('path'), box = path.getBoundingClientRect();
    for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
      const x = box.left + box.width * i / 10, y = box.top + box.height * j / 10;
      if (document.elementFromPoint(x, y) === path)
        return [path.dataset.iso3, Number(a.dataset.count), x, y];
    }
  }
  return null;
}"""


def test_the_map_draws_countries_and_a_country_opens_its_events(page):
    page.goto("/map")
    assert page.locator("#world-map path.country").count() > 150
    assert page.locator("#world-map circle.place").count() > 0
    assert "without a place" in page.locator("#unplaced").inner_text()
    _shot(page, "map")
    page.locator("#world-map").scroll_into_view_if_needed()
    iso3, count, x, y = page.evaluate(_A_SHADED_COUNTRY_ON_TOP)
    page.mouse.click(x, y)  # a real click where the country itself is hit, not a circle
    page.wait_for_url(f"**place={iso3}**")
    assert page.locator("#total").inner_text().startswith(f"{count} happening")


def test_search_and_sort_in_the_explorer(page):
    page.goto("/")
    everything = int(page.locator("#total").inner_text().split()[0])
    page.fill("input[name=q]", "maduro")
    page.select_option("#sort", "mentions")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=maduro**")
    found = int(page.locator("#total").inner_text().split()[0])
    assert 0 < found < everything
    counts = [
        int(a.get_attribute("title").split(", ")[1].split()[0])
        for a in page.locator("tr.event td a[title]").all()
    ]
    assert counts == sorted(counts, reverse=True)
    assert page.locator("#sort").input_value() == "mentions"
    _shot(page, "explorer-search-sorted")
    first = page.locator("tr.event").first
    first.locator("button.toggle").click()
    evidence = page.locator(f"#ev-{first.get_attribute('data-id')}").inner_text()
    assert "maduro" in (evidence + first.inner_text()).lower()
