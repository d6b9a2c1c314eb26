"""`training/coder/score_rules.py`: type and type+actors on labelled sentences (no model)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsevents.evaluate import Scores
from newsevents.model import Document, Event

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "coder" / "score_rules.py"
_spec = importlib.util.spec_from_file_location("score_rules", SCRIPT)
assert _spec is not None and _spec.loader is not None
score_rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_rules)


def _doc(*events: Event) -> Document:
    return Document(id="d", raw="x", events=list(events))


def test_labelled_rows_with_both_sides_and_none_rows_are_gold_items():
    assert score_rules.gold_item({"text": "x", "label": "NONE"}, 0).events == []
    assert score_rules.gold_item({"text": "x", "label": "AID"}, 0) is None
    item = score_rules.gold_item({"text": "x", "label": "AID", "source": [], "target": ["BEN"]}, 3)
    assert item.id == "sentence:3"
    (event,) = item.events
    assert (event.type, event.source_countries, event.target_countries) == (
        "AID",
        frozenset(),
        frozenset({"BEN"}),
    )


def test_type_scores_count_distinct_types_and_none_rows(make_event):
    rows = [{"text": "a", "label": "ACCUSE"}, {"text": "b", "label": "NONE"}]
    docs = [
        _doc(make_event("ACCUSE", "UKRGOV", "RUSGOV"), make_event("ACCUSE", "UKR", "USA")),
        _doc(make_event("PROTEST", "FRA", None)),
    ]
    by_row = score_rules.type_scores(rows, docs)
    assert [(s.tp, s.fp, s.fn) for s in by_row] == [(1, 0, 0), (0, 1, 0)]
    total = Scores.total(by_row)
    assert (total.tp, total.fp, total.fn) == (1, 1, 0)


def test_actor_scores_check_non_empty_sides_only(make_event):
    rows = [
        {"text": "a", "label": "ACCUSE", "source": ["UKR"], "target": ["RUS"]},
        {"text": "b", "label": "AID", "source": [], "target": ["BEN"]},
        {"text": "c", "label": "CONSULT", "source": ["KGZ"], "target": []},
        {"text": "d", "label": "NONE"},
    ]
    docs = [
        # right, and a second event with another target: a false one
        _doc(make_event("ACCUSE", "UKRGOV", "RUSGOV"), make_event("ACCUSE", "UKR", "USA")),
        # source unchecked: any source will do, the target must be Benin
        _doc(make_event("AID", "USA", "BEN")),
        # right type, wrong source country
        _doc(make_event("CONSULT", "TJK", "KGZ")),
        _doc(make_event("PROTEST", "FRA", None)),  # coded in a NONE row: a false event
    ]
    count, report = score_rules.actor_scores(rows, docs)
    scores = report.type_actors
    assert count == 3
    assert (scores.tp, scores.fp, scores.fn) == (2, 3, 1)
    assert sum(band["events"] for band in report.reliability.values()) == 5
