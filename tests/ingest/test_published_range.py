"""Undated articles get the publication span their wording allows, never "today"."""

from __future__ import annotations

from datetime import date

from newsevents.ingest import infer_published_range


def test_a_president_elect_dates_the_article_to_the_transition():
    text = "Maduro offered president-elect Donald Trump his help. President Joe Biden said nothing."
    start, end, basis = infer_published_range(text)
    assert (start, end) == (date(2024, 11, 6), date(2025, 1, 20))
    assert "president-elect" in basis


def test_a_named_year_rules_out_earlier_spans():
    text = "The Trump administration designated the gang, which grew after the 2024 vote."
    start, end, _ = infer_published_range(text)
    assert start == date(2025, 1, 20) and end is None


def test_without_a_year_the_latest_span_is_chosen_and_said_so():
    start, end, basis = infer_published_range("The Trump administration pushed for returns.")
    assert start == date(2025, 1, 20) and end is None
    assert "latest of several" in basis


def test_contradicting_clues_do_not_empty_the_range():
    text = "President-elect Joe Biden met Chancellor Friedrich Merz."  # cannot both hold
    start, end, _ = infer_published_range(text)
    assert end is not None and start < end


def test_no_clue_no_date():
    assert infer_published_range("Protesters marched in the capital on Sunday.") is None


def test_the_seeds_undated_articles_contain_their_gold_midpoints(seeds_dir):
    import json

    gold = seeds_dir.parent / "gold" / "seeds.jsonl"
    checked = 0
    for line in gold.read_text("utf-8").splitlines():
        item = json.loads(line)
        if item.get("published") or not item.get("published_range"):
            continue
        low, high = (date.fromisoformat(d) for d in item["published_range"])
        middle = low + (high - low) / 2
        [path] = seeds_dir.glob(f"{item['id']}*")
        inferred = infer_published_range(path.read_text("utf-8"))
        assert inferred is not None, item["id"]
        start, end, _ = inferred
        assert start <= middle and (end is None or middle < end), item["id"]
        checked += 1
    assert checked >= 3
