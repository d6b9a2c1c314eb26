"""Scoring magnitudes: on matched events, a figure is right within the gold bounds."""

from __future__ import annotations

import json

import pytest

from newsevents.errors import InputError
from newsevents.evaluate import load_gold, score
from newsevents.model import Document, Magnitude


def _figure(kind: str, value: int, low: int | None = None) -> Magnitude:
    return Magnitude(kind, value, str(value), 0, 1, low=low)


def _gold(tmp_path, events: list[dict]) -> list:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "x", "events": events}), "utf-8")
    return load_gold(path)


def _figures(*figures: tuple[str, int | None, int | None]) -> list[dict]:
    return [{"kind": k, "min": low, "max": high, "text": "..."} for k, low, high in figures]


def test_figures_within_bounds_are_right(tmp_path, make_event):
    gold = _gold(
        tmp_path,
        [
            {
                "type": "ASSAULT",
                "source": [{"country": "NGA"}],
                "magnitudes": _figures(("killed", 14, None), ("injured", 200, 999)),
            },
            {
                "type": "COERCE",
                "source": [{"country": "NGA"}],
                "magnitudes": _figures(("deported", 30, 30)),
            },
        ],
    )
    assault = make_event(
        "ASSAULT",
        "NGAMIL",
        magnitudes={"killed": _figure("killed", 14, 14), "injured": _figure("injured", 12)},
    )
    coerce = make_event(
        "COERCE",
        "NGAMIL",
        magnitudes={"displaced": _figure("displaced", 30), "arrested": _figure("arrested", 2)},
    )
    report = score(gold, [Document(id="d", raw="x", events=[assault, coerce])]).as_dict()
    assert report["magnitudes"] == {
        "arrested": {"spurious": 1, "accuracy": 0.0},
        "displaced": {"right": 1, "accuracy": 1.0},
        "injured": {"wrong": 1, "accuracy": 0.0},
        "killed": {"right": 1, "accuracy": 1.0},
    }
    assert report["magnitude_accuracy"] == 0.5


def test_more_than_n_is_right_either_way_it_was_annotated(tmp_path, make_event):
    gold = _gold(
        tmp_path,
        [{"type": "ASSAULT", "magnitudes": _figures(("killed", 2501, None))}],
    )
    found = make_event("ASSAULT", "NGAMIL", magnitudes={"killed": _figure("killed", 2500, 2500)})
    report = score(gold, [Document(id="d", raw="x", events=[found])])
    assert report.as_dict()["magnitudes"]["killed"] == {"right": 1, "accuracy": 1.0}


def test_missed_and_unmatched_figures(tmp_path, make_event):
    gold = _gold(
        tmp_path,
        [
            {"type": "ASSAULT", "magnitudes": _figures(("killed", 3, 3))},
            {"type": "PROTEST", "magnitudes": _figures(("crowd", 1000, 9999))},
        ],
    )
    report = score(
        gold, [Document(id="d", raw="x", events=[make_event("ASSAULT", "NGAMIL")])]
    ).as_dict()
    assert report["magnitudes"]["killed"] == {"missed": 1, "accuracy": 0.0}
    assert report["magnitudes"]["crowd"] == {"unmatched": 1, "accuracy": None}


def test_gold_without_figures_scores_none(tmp_path, make_event):
    gold = _gold(tmp_path, [{"type": "ASSAULT"}])
    found = make_event("ASSAULT", "NGAMIL", magnitudes={"killed": _figure("killed", 5)})
    report = score(gold, [Document(id="d", raw="x", events=[found])]).as_dict()
    assert report["magnitudes"] == {} and report["magnitude_accuracy"] is None


def test_an_unknown_kind_is_a_bad_gold_item(tmp_path):
    with pytest.raises(InputError, match="not a gold item"):
        _gold(tmp_path, [{"type": "ASSAULT", "magnitudes": _figures(("looted", 1, 1))}])
