"""Score the rule coder on our own labelled sentences, as a check that rules carry over.

    .venv/bin/python training/coder/score_rules.py [heldout|examples] [--classifier NAME]

Each sentence counts as an item whose gold is its label (none for NONE); the coder's
distinct event types are its predictions. Prints type P/R/F1. The rules are grown from
misses on `examples_*.jsonl` and the CAMEO codebook only; `heldout_*.jsonl` is the check.

The labelled rows of `heldout_*.jsonl` also carry `source` and `target`: the countries
(ISO 3166 alpha-3) of the labelled event's actor(s) and target(s), written by reading
before any scoring; `[]` is a side not checked (an IGO, or a country the sentence does
not give). For the rows that carry them the script also prints type+actors P/R/F1, with
the rule of `newsevents evaluate`: each sentence is a gold item of one event, a
predicted event is right when its type is the label and its source (target) country is
in the gold's list where that list is not empty. Predictions are the sentence's
distinct (type, source code, target code) events; as in `newsevents evaluate`, the
other pairs of a multi-country side that one of them already matched count as neither.
A NONE row is an item with no events, so what is coded in it counts against precision.
Last comes the reliability table of those events: how often an event of each confidence
band has the right type, and the right type and actors.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from newsevents.evaluate import (
    INTERVAL_LEVEL,
    GoldEvent,
    GoldItem,
    Report,
    Scores,
    f1_interval,
    score,
)
from newsevents.events import CLASSIFIER_NAME
from newsevents.ingest import document_from_text
from newsevents.model import Document
from newsevents.pipeline import Options, Pipeline

HERE = Path(__file__).parent


def gold_item(row: dict[str, object], number: int) -> GoldItem | None:
    """The row's labelled event as a gold item (a NONE row: an item with no events);
    None for a labelled row without actors."""
    if row["label"] == "NONE":
        return GoldItem(id=f"sentence:{number}", text=str(row["text"]), published=None, events=[])
    if "source" not in row or "target" not in row:
        return None
    source, target = row["source"], row["target"]
    assert isinstance(source, list) and isinstance(target, list)
    event = GoldEvent(
        type=str(row["label"]),
        source_countries=frozenset(map(str, source)),
        source_sectors=frozenset(),
        target_countries=frozenset(map(str, target)),
        target_sectors=frozenset(),
        modality=None,
        date_start=None,
        date_end=None,
        evidence=str(row["text"]),
    )
    return GoldItem(id=f"sentence:{number}", text=str(row["text"]), published=None, events=[event])


def type_scores(rows: Sequence[dict[str, object]], documents: Sequence[Document]) -> list[Scores]:
    """Each sentence's distinct predicted types against its label (none for NONE)."""
    scores = []
    for row, document in zip(rows, documents, strict=True):
        types = {e.type for e in document.events}
        expected = set() if row["label"] == "NONE" else {str(row["label"])}
        scores.append(Scores(len(types & expected), len(types - expected), len(expected - types)))
    return scores


def actor_scores(
    rows: Sequence[dict[str, object]], documents: Sequence[Document]
) -> tuple[int, Report]:
    """Type+actors on the rows that carry `source` and `target`, and the NONE rows: how
    many labelled rows, and the report."""
    pairs = [
        (item, document)
        for number, (row, document) in enumerate(zip(rows, documents, strict=True))
        if (item := gold_item(row, number)) is not None
    ]
    report = score([i for i, _ in pairs], [d for _, d in pairs])
    return sum(1 for item, _ in pairs if item.events), report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=["heldout", "examples"], nargs="?", default="heldout")
    parser.add_argument(
        "--classifier", default=CLASSIFIER_NAME, help="a registered type classifier, or none"
    )
    args = parser.parse_args()
    rows = [
        json.loads(line)
        for path in sorted(HERE.glob(f"{args.part}_*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    documents = [document_from_text(r["text"], f"sentence:{n}", None) for n, r in enumerate(rows)]
    pipeline = Pipeline(Options(classifier=args.classifier))
    coded = {d.origin: d for d in pipeline.process_documents(documents)[0]}
    documents = [coded.get(d.origin, d) for d in documents]
    by_row = type_scores(rows, documents)
    kind = Scores.total(by_row)
    print(
        f"{len(rows)} sentences  type P {kind.p:.3f}  R {kind.r:.3f}  F1 {kind.f1:.3f}"
        f"  ({_interval(by_row)})"
    )
    count, report = actor_scores(rows, documents)
    if count:
        actors = report.type_actors
        print(
            f"{count} sentences with actors  type+actors P {actors.p:.3f}  R {actors.r:.3f}"
            f"  F1 {actors.f1:.3f}  ({_interval(report.by_item['type_actors'])})"
        )
        print("confidence  events  type right  type+actors right")
        for band, counts in report.as_dict()["reliability"].items():
            print(
                f"{band:<10}  {counts['events']:>6}  {counts['type_right']:>10.2f}"
                f"  {counts['type_actors_right']:>17.2f}"
            )


def _interval(units: Sequence[Scores]) -> str:
    low, high = f1_interval(units)
    return f"{INTERVAL_LEVEL:.0%} interval {low:.3f}-{high:.3f} over sentences"


if __name__ == "__main__":
    main()
