"""Scoring rules, on hand-made gold and predictions (no model needed)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsevents.errors import InputError
from newsevents.evaluate import load_gold, score
from newsevents.model import Document, Event, EventDate


def _gold(tmp_path, items) -> list:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), "utf-8")
    return load_gold(path)


def _doc(*events: Event) -> Document:
    return Document(id="d", raw="x", events=list(events))


def test_perfect_match(tmp_path, make_event):
    items = _gold(
        tmp_path,
        [
            {
                "id": "1",
                "text": "x",
                "events": [
                    {
                        "type": "ACCUSE",
                        "modality": "asserted",
                        "source": [{"country": "UKR"}],
                        "target": [{"country": "RUS", "sector": "GOV"}],
                    }
                ],
            }
        ],
    )
    report = score(items, [_doc(make_event("ACCUSE", "UKR", "RUSGOV"))])
    result = report.as_dict()
    assert result["type"]["f1"] == result["type_actors_sectors"]["f1"] == 1.0
    assert result["modality_accuracy"] == 1.0


def test_wrong_target_counts_for_type_but_not_actors(tmp_path, make_event):
    items = _gold(
        tmp_path,
        [
            {
                "id": "1",
                "text": "x",
                "events": [
                    {
                        "type": "ACCUSE",
                        "source": [{"country": "UKR"}],
                        "target": [{"country": "RUS"}],
                    }
                ],
            }
        ],
    )
    result = score(items, [_doc(make_event("ACCUSE", "UKR", "BLR"))]).as_dict()
    assert result["type"]["f1"] == 1.0
    assert result["type_actors"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    # Countries are judged side by side on the matched event; no sector was asked.
    assert result["source_country_accuracy"] == 1.0
    assert result["target_country_accuracy"] == 0.0
    assert result["sector_accuracy"] is None


def test_empty_gold_side_is_not_scored_and_repeats_count_once(tmp_path, make_event):
    items = _gold(
        tmp_path,
        [
            {
                "id": "1",
                "text": "x",
                "events": [
                    {
                        "type": "AGREE",
                        "source": [{"country": "BRA"}, {"country": "ARG"}],
                        "target": [],
                    }
                ],
            }
        ],
    )
    predicted = _doc(
        make_event("AGREE", "BRA", "ARG"), make_event("AGREE", "BRA", "ARG", confidence=0.5)
    )
    result = score(items, [predicted]).as_dict()
    assert result["type_actors"]["f1"] == 1.0
    assert result["events_predicted"] == 1


def test_false_events_lower_precision_and_items_without_events_are_skipped(tmp_path, make_event):
    items = _gold(
        tmp_path,
        [
            {"id": "1", "text": "x", "events": []},
            {"id": "2", "text": "y"},
        ],
    )
    report = score(
        items, [_doc(make_event("ASSAULT", "USAMIL", None)), _doc(make_event("AID", "JPN", None))]
    )
    assert report.items == 1
    assert report.type.fp == 1 and report.type.p == 0.0
    assert report.false_events[0]["type"] == "ASSAULT"


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [(date(2025, 9, 10), True), (date(2025, 8, 10), False), (None, False)],
)
def test_date_accuracy_is_interval_overlap(tmp_path, predicted, expected, make_event):
    items = _gold(
        tmp_path,
        [
            {
                "id": "1",
                "text": "x",
                "events": [{"type": "AID", "date": {"start": "2025-09-01", "end": "2025-09-27"}}],
            }
        ],
    )
    result = score(
        items, [_doc(make_event("AID", "JPN", None, date=EventDate(predicted, predicted)))]
    ).as_dict()
    assert result["date_accuracy"] == (1.0 if expected else 0.0)


def test_gold_files_are_read_with_relative_paths(tmp_path):
    (tmp_path / "article.txt").write_text("Some text", "utf-8")
    [item] = _gold(
        tmp_path, [{"id": "a", "file": "article.txt", "published": "2025-01-02", "events": []}]
    )
    assert item.text == "Some text" and item.published == date(2025, 1, 2)


def test_bad_gold_line_is_an_input_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 1}\n', "utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:1"):
        load_gold(path)


def test_reliability_bins_count_type_and_actor_hits(tmp_path, make_event):
    items = _gold(
        tmp_path,
        [
            {
                "id": "1",
                "text": "x",
                "events": [
                    {
                        "type": "ACCUSE",
                        "source": [{"country": "UKR"}],
                        "target": [{"country": "RUS"}],
                    }
                ],
            }
        ],
    )
    events = [
        make_event("ACCUSE", "UKR", "BLR", confidence=0.9),
        make_event("AID", "JPN", None, confidence=0.5),
    ]
    bins = score(items, [_doc(*events)]).as_dict()["reliability"]
    assert bins["0.8-1.0"] == {"events": 1, "type_right": 1.0, "type_actors_right": 0.0}
    assert bins["0.4-0.6"] == {"events": 1, "type_right": 0.0, "type_actors_right": 0.0}


def _one_gold(tmp_path, sources, targets):
    event = {
        "type": "REQUEST",
        "source": [{"country": c} for c in sources],
        "target": [{"country": c} for c in targets],
    }
    return _gold(tmp_path, [{"id": "1", "text": "x", "events": [event]}])


def test_pairs_of_one_multi_actor_gold_event_count_once(tmp_path, make_event):
    # "The Red Cross said US and British forces must ...": one event to the annotator,
    # two pairs to a dyadic coder
    items = _one_gold(tmp_path, ["CHE"], ["USA", "GBR"])
    predicted = _doc(make_event("REQUEST", "CHE", "USAMIL"), make_event("REQUEST", "CHE", "GBRMIL"))
    result = score(items, [predicted]).as_dict()
    assert result["type"]["p"] == result["type_actors"]["p"] == 1.0
    assert result["events_predicted"] == 1


def test_two_actors_of_one_country_on_a_side_count_once(tmp_path, make_event):
    # "the Capitol Police and the FBI investigated": USACOP twice to the annotator when
    # sectors differ as much as when countries do ("Congress and the White House")
    event = {
        "type": "ACCUSE",
        "source": [{"country": "USA", "sector": "LEG"}, {"country": "USA", "sector": "GOV"}],
        "target": [{"country": "CHN"}],
    }
    items = _gold(tmp_path, [{"id": "1", "text": "x", "events": [event]}])
    predicted = _doc(make_event("ACCUSE", "USALEG", "CHN"), make_event("ACCUSE", "USAGOV", "CHN"))
    result = score(items, [predicted]).as_dict()
    assert result["type"]["p"] == result["type_actors_sectors"]["p"] == 1.0
    assert result["events_predicted"] == 1


def test_a_pair_the_gold_event_does_not_list_is_still_false(tmp_path, make_event):
    items = _one_gold(tmp_path, ["CHE"], ["USA"])
    predicted = _doc(make_event("REQUEST", "CHE", "USAMIL"), make_event("REQUEST", "CHE", "GBRMIL"))
    result = score(items, [predicted]).as_dict()
    assert result["type"]["p"] == 0.5
    items = _one_gold(tmp_path, ["CHE"], ["USA", "GBR"])
    predicted = _doc(make_event("REQUEST", "CHE", "USAMIL"), make_event("REQUEST", "CHE", "FRAMIL"))
    assert score(items, [predicted]).as_dict()["type"]["p"] == 0.5


def test_a_date_is_judged_on_the_event_coded_from_the_gold_evidence(tmp_path, make_event):
    from dataclasses import replace

    items = _gold(
        tmp_path,
        [
            {
                "id": "1",
                "text": "x",
                "events": [
                    {
                        "type": "AID",
                        "evidence": "Japan sent tents to Chile on Monday",
                        "date": {"start": "2025-09-22", "end": "2025-09-22"},
                    }
                ],
            }
        ],
    )
    elsewhere = replace(
        make_event(
            "AID", "JPN", None, date=EventDate(date(2025, 3, 1), date(2025, 3, 1)), confidence=0.9
        ),
        sentence="Japan sent money in March.",
    )
    from_evidence = replace(
        make_event(
            "AID", "KOR", None, date=EventDate(date(2025, 9, 22), date(2025, 9, 22)), confidence=0.5
        ),
        sentence="Officials said Japan sent tents to Chile on Monday.",
    )
    result = score(items, [_doc(elsewhere, from_evidence)]).as_dict()
    assert result["date_accuracy"] == 1.0
