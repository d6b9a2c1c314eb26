"""Rebuild the event-type classifier shipped in src/newsevents/data/models/type_classifier.

    python training/coder/train_type_classifier.py [--check]

Trains a spaCy `textcat_multilabel` (bag of lemma n-grams; the 16 PLOVER types and NONE,
a sentence may report several) with a fixed seed, so the same data gives the same model,
on our written sentences (`examples_*.jsonl`) and on real news (`real_sentences.py`: our
annotated pages, the IndiaPoliceEvents dev half, the PLOVER records). Prints figures on
what is held back from each source (`heldout_*.jsonl`, the held-back pages, a third of the
police articles), never trained on. `--check` trains and scores without saving.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from newsevents.events._classifier import NO_EVENT, model_path
from newsevents.model import PLOVER_TYPES

try:  # run as a script from anywhere
    from real_sentences import Row, all_rows
except ImportError:  # pragma: no cover
    from training.coder.real_sentences import Row, all_rows

HERE = Path(__file__).parent
LABELS = (*PLOVER_TYPES, NO_EVENT)
SEED = 20261207
EPOCHS = 10
VERSION = "2.0.0"
POLICE_NONE_KEPT = 4
THRESHOLD = 0.3  # the scores below count a label from this probability
MODEL = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": False,
    "length": 2**16,
    "ngram_size": 2,
    "no_output_layer": False,
}


def train(rows: list[Row]) -> spacy.Language:
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat_multilabel", config={"model": MODEL, "threshold": THRESHOLD})
    examples = [
        Example.from_dict(nlp.make_doc(row.text), {"cats": _cats(row.labels)}) for row in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    shuffle = random.Random(SEED)
    for _ in range(EPOCHS):
        shuffle.shuffle(examples)
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=0.1, sgd=optimizer)
    nlp.meta.update({"name": "type_classifier", "version": VERSION, "labels": list(LABELS)})
    return nlp


def _balanced(rows: list[Row]) -> list[Row]:
    """One in POLICE_NONE_KEPT of the police sentences that report nothing: one paper's
    riot coverage would otherwise outweigh every other source and teach NONE."""
    kept, seen = [], 0
    for row in rows:
        if row.source == "police" and not row.labels:
            seen += 1
            if seen % POLICE_NONE_KEPT:
                continue
        kept.append(row)
    return kept


def _cats(labels: frozenset[str]) -> dict[str, float]:
    kinds = labels or {NO_EVENT}
    return {label: float(label in kinds) for label in LABELS}


def score(nlp: spacy.Language, rows: list[Row]) -> dict[str, object]:
    """Label-level P/R/F1 of the event types (NONE is no finding), per source."""
    figures: dict[str, object] = {}
    for source in sorted({row.source for row in rows}):
        mine = [row for row in rows if row.source == source]
        counts: Counter[str] = Counter()
        for doc, row in zip(nlp.pipe(row.text for row in mine), mine, strict=True):
            guess = {k for k, v in doc.cats.items() if v >= THRESHOLD and k != NO_EVENT}
            counts["tp"] += len(guess & row.labels)
            counts["fp"] += len(guess - row.labels)
            counts["fn"] += len(row.labels - guess)
        p = counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 0.0
        r = counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        figures[source] = {
            "sentences": len(mine),
            "gold": counts["tp"] + counts["fn"],
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f1, 3),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score without saving")
    args = parser.parse_args()
    rows = [row for row in all_rows() if row.text.strip()]
    training = _balanced([row for row in rows if not row.held_back])
    nlp = train(training)
    report = score(nlp, [row for row in rows if row.held_back])
    print(f"trained on {len(training)} sentences; held back, labels at P >= {THRESHOLD}:")
    for source, figures in report.items():
        print(f"  {source:<8} {figures}")
    if not args.check:
        target = model_path()
        nlp.to_disk(target)
        (HERE / "heldout_metrics.json").write_text(json.dumps(report, indent=2) + "\n")
        print(f"saved {target}")


if __name__ == "__main__":
    main()
