"""Score the rule coder on our own labelled sentences, as a check that rules carry over.

    .venv/bin/python training/coder/score_rules.py [heldout|examples] [--classifier NAME]

Each sentence counts as an item whose gold is its label (none for NONE); the coder's
distinct event types are its predictions. Prints type P/R/F1. The rules are grown from
misses on `examples_*.jsonl` and the CAMEO codebook only; `heldout_*.jsonl` is the check.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsevents.events import CLASSIFIER_NAME
from newsevents.ingest import document_from_text
from newsevents.pipeline import Options, Pipeline

HERE = Path(__file__).parent


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
    right = predicted = gold = 0
    for number, row in enumerate(rows):
        done = coded.get(f"sentence:{number}")
        types = {e.type for e in done.events} if done else set()
        expected = set() if row["label"] == "NONE" else {row["label"]}
        right += len(types & expected)
        predicted += len(types)
        gold += len(expected)
    p, r = right / max(predicted, 1), right / max(gold, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{len(rows)} sentences  type P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
