"""Bootstrap intervals of F1: how far a figure could move on another sample."""

from __future__ import annotations

import json

import pytest

from newsevents.evaluate import Scores, f1_gain_interval, f1_interval, load_gold, score
from newsevents.model import Document

# half the articles found their one event, half gave a false one and missed theirs
MIXED = [Scores(1, 0, 0), Scores(0, 1, 1)]


def test_the_interval_holds_the_figure_and_narrows_with_more_articles():
    few, many = MIXED * 5, MIXED * 500
    point = Scores.total(few).f1
    low_few, high_few = f1_interval(few)
    low_many, high_many = f1_interval(many)
    assert 0.0 <= low_few < point < high_few <= 1.0
    assert low_few < low_many < point < high_many < high_few
    assert high_many - low_many < 0.1 < high_few - low_few


def test_the_interval_is_repeatable_and_depends_on_the_seed():
    units = MIXED * 7
    assert f1_interval(units) == f1_interval(units)
    assert f1_interval(units, seed=1) != f1_interval(units, seed=2)


def test_one_article_or_none():
    assert f1_interval([Scores(3, 1, 1)]) == (0.75, 0.75)
    assert f1_interval([]) == (0.0, 0.0)


def test_totals_add_the_counts():
    total = Scores.total([Scores(1, 2, 3), Scores(4, 0, 1)])
    assert (total.tp, total.fp, total.fn) == (5, 2, 4)


def test_the_gain_is_paired_article_by_article():
    baseline = MIXED * 10
    assert f1_gain_interval(baseline, baseline) == (0.0, 0.0)
    # better on every article: the whole interval is a gain
    better = [Scores(1, 0, 0), Scores(1, 0, 0)] * 10
    low, high = f1_gain_interval(better, baseline)
    assert 0 < low <= high
    # four of the ten failed articles put right: the two intervals overlap, but paired
    # article by article the gain is evidence; one article put right is not
    four = [Scores(1, 0, 0)] * 8 + MIXED * 6
    assert f1_interval(four)[0] < f1_interval(baseline)[1]
    assert f1_gain_interval(four, baseline)[0] > 0
    one = [Scores(1, 0, 0)] * 2 + MIXED * 9
    assert f1_gain_interval(one, baseline)[0] <= 0
    with pytest.raises(ValueError):
        f1_gain_interval(better, baseline[:-1])


def test_the_report_gives_an_interval_per_measure(tmp_path, make_event):
    gold = [
        {"id": str(n), "text": "x", "events": [{"type": "ACCUSE", "source": [{"country": "UKR"}]}]}
        for n in range(6)
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold), "utf-8")
    # three articles right, two with the wrong actor, one with the wrong type
    events = [make_event("ACCUSE", "UKR", None)] * 3 + [make_event("ACCUSE", "RUS", None)] * 2
    events.append(make_event("REJECT", "UKR", None))
    report = score(load_gold(path), [Document(id="d", raw="x", events=[e]) for e in events])
    summary = report.as_dict()
    intervals = summary["f1_intervals"]
    assert set(intervals) == {"type", "type_actors", "type_actors_sectors"}
    for measure in ("type", "type_actors"):
        low, high = intervals[measure]
        assert low <= summary[measure]["f1"] <= high
        assert low < high
    assert intervals["type_actors"][1] < 1.0 and intervals["type"][1] == 1.0
    assert summary["interval_level"] == 0.95
