"""Cleaning scraped text and HTML: boilerplate goes, with its reason; the article stays."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsevents.clean import clean, clean_html, clean_text, load_rules
from newsevents.errors import ConfigError, ExtractionError

GOLD = Path(__file__).resolve().parents[3] / "shared" / "data" / "gold" / "seeds.jsonl"
EXTRACTION = GOLD.parent.parent / "extraction"


def _seed(seeds_dir, stem: str) -> str:
    return next(seeds_dir.glob(f"{stem}*.txt")).read_text("utf-8")


GOLD_ITEMS = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("item", GOLD_ITEMS, ids=lambda i: i["id"][:3])
def test_no_listed_boilerplate_survives(seeds_dir, item):
    cleaned = clean_text(_seed(seeds_dir, item["id"]))
    text = "\n\n".join(cleaned.paragraphs)
    for line in item.get("boilerplate", []):
        assert line not in text
    assert all(r.reason and r.text for r in cleaned.removed)


@pytest.mark.parametrize(
    ("seed", "kept"),
    [
        ("000", "Venezuelan President Nicolás Maduro has offered to help"),
        ("000", "Chevron also still holds a license"),
        ("001", "Chevron Corp also still has a license to pump and export Venezuelan oil."),
        ("003", "Maduro concluded"),
        ("004", "Neither the White House nor Venezuela"),
    ],
)
def test_article_text_survives(seeds_dir, seed, kept):
    assert kept in "\n\n".join(clean_text(_seed(seeds_dir, seed)).paragraphs)


def test_repeated_caption_is_dropped_and_headline_comes_first(seeds_dir):
    cleaned = clean_text(_seed(seeds_dir, "000"))
    assert not any("File Image/Reuters" in p for p in cleaned.paragraphs)
    assert "repeated-caption" in {r.reason for r in cleaned.removed}
    assert cleaned.paragraphs[0].startswith("Venezuela’s Maduro offers to help Trump")
    assert cleaned.title == cleaned.paragraphs[0]


def test_other_common_junk_goes_too():
    raw = "\n".join(
        [
            "Floods hit the north",
            "Read more: Ten things to know about the rains",
            "ADVERTISEMENT",
            "Rescue teams evacuated 2,000 residents from low-lying villages on Tuesday.",
            "Rescuers carry a child to safety. (Photo: Sample Wire)",
            "We use cookies to improve your experience. Accept all",
            "Subscribe to continue reading",
            "Share this article on",
            "Officials said the water level was falling.",
        ]
    )
    cleaned = clean_text(raw)
    assert cleaned.paragraphs == [
        "Floods hit the north",
        "Rescue teams evacuated 2,000 residents from low-lying villages on Tuesday.",
        "Officials said the water level was falling.",
    ]
    assert {r.reason for r in cleaned.removed} >= {
        "section-label",
        "ad-marker",
        "image-caption",
        "cookie-banner",
        "paywall",
    }


def test_hard_wrapped_text_is_rejoined():
    raw = (
        "Ministers meet in Brussels\n\n"
        "European ministers met in Brussels on Monday to discuss new\n"
        "sanctions against Russia, diplomats said, after weeks of talks\n"
        "that had stalled over gas imports and frozen assets held in\n"
        "Belgium.\n\n"
        "A final decision is expected next week, officials added after\n"
        "the meeting ended late in the evening in the capital city.\n"
    )
    cleaned = clean_text(raw)
    assert len(cleaned.paragraphs) == 3
    assert cleaned.paragraphs[1].startswith("European ministers") and cleaned.paragraphs[
        1
    ].endswith("Belgium.")


def test_empty_result_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        clean_text("Advertisement\n\nAccept all cookies\n")


def test_html_page_gives_its_article():
    page = (
        "<html><head><title>Ceasefire talks in Doha</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div class='cookie'>We use cookies to improve your experience. Accept all</div>"
        "<article><h1>Ceasefire talks in Doha</h1>"
        "<p>Negotiators from both sides met in Doha on Monday to discuss a ceasefire, "
        "officials said, in the first direct talks for months.</p>"
        "<p>ADVERTISEMENT</p>"
        "<p>Qatar and Egypt have mediated between the parties since January, and a second round "
        "is planned for next week in Cairo.</p></article>"
        "<footer>Copyright 2025</footer></body></html>"
    )
    cleaned = clean(page, "html")
    text = "\n\n".join(cleaned.paragraphs)
    assert "Negotiators from both sides met in Doha" in text and "second round" in text
    assert "ADVERTISEMENT" not in text and "cookies" not in text
    assert cleaned.title == "Ceasefire talks in Doha"


def test_real_page_from_the_extraction_set():
    ground = json.loads((EXTRACTION / "ground-truth.json").read_text("utf-8"))
    key = sorted(ground)[0]
    html = gzip.decompress((EXTRACTION / "html" / f"{key}.html.gz").read_bytes()).decode(
        "utf-8", "replace"
    )
    text = "\n".join(clean_html(html).paragraphs)
    truth_words = set(ground[key]["articleBody"].split())
    got_words = set(text.split())
    assert len(truth_words & got_words) / len(truth_words) > 0.8


def test_user_rules_extend_the_shipped_ones(tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text('[[line]]\nreason = "house-ad"\npattern = "^Buy our book"\n', "utf-8")
    cleaned = clean_text(
        "Title here\nBuy our book today!\nThe minister resigned.", rules_file=rules
    )
    assert cleaned.paragraphs == ["Title here", "The minister resigned."]
    assert cleaned.removed[0].reason == "house-ad"


def test_bad_user_rules_are_a_config_error(tmp_path):
    rules = tmp_path / "bad.toml"
    rules.write_text('[[line]]\nreason = "x"\npattern = "(unclosed"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        load_rules(rules)


def test_runaway_text_is_bounded_and_the_cut_recorded():
    from newsevents.clean._clean import MAX_ARTICLE_CHARS, MAX_PARAGRAPH_CHARS

    cleaned = clean_text("Title\n\n" + "the word " * 25_000 + "\n\nLast. " * 2)
    assert max(len(p) for p in cleaned.paragraphs) <= MAX_PARAGRAPH_CHARS
    assert sum(len(p) for p in cleaned.paragraphs) <= MAX_ARTICLE_CHARS
    assert [r.reason for r in cleaned.removed] == ["over-length"]
