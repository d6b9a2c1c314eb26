"""Rebuild the event-type classifier shipped in src/newsevents/data/models/type_classifier.

    python training/coder/train_type_classifier.py [--check]

Trains a spaCy `textcat` (bag of lemma n-grams, exclusive classes: the 16 PLOVER types
and NONE) on `examples_*.jsonl` in this folder, with a fixed seed, so the same data gives
the same model. Prints accuracy and per-label figures on `heldout_*.jsonl`, sentences
written separately and never trained on. `--check` trains and scores without saving.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from newsevents.events._classifier import NO_EVENT, classifier_text, model_path
from newsevents.model import PLOVER_TYPES
from newsevents.nlp import load_nlp

HERE = Path(__file__).parent
LABELS = (*PLOVER_TYPES, NO_EVENT)
SEED = 20261127
EPOCHS = 12
VERSION = "1.0.0"
MODEL = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": True,
    "length": 2**15,
    "ngram_size": 2,
    "no_output_layer": False,
}


def read(pattern: str) -> list[tuple[str, str]]:
    rows = []
    for path in sorted(HERE.glob(pattern)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if item["label"] not in LABELS:
                sys.exit(f"{path.name}:{number}: unknown label {item['label']!r}")
            rows.append((item["text"], item["label"]))
    return rows


def featurise(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The texts as the coder will show them: parsed, lemmatised, names masked."""
    parser = load_nlp()
    docs = parser.pipe((text for text, _ in rows), batch_size=128)
    return [(classifier_text(doc[:]), label) for doc, (_, label) in zip(docs, rows, strict=True)]


def train(rows: list[tuple[str, str]]) -> spacy.Language:
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": MODEL, "threshold": 0.0})
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {k: float(k == label) for k in LABELS}})
        for text, label in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    shuffle = random.Random(SEED)
    for _ in range(EPOCHS):
        shuffle.shuffle(examples)
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=0.1, sgd=optimizer)
    nlp.meta.update({"name": "type_classifier", "version": VERSION, "labels": list(LABELS)})
    return nlp


def score(nlp: spacy.Language, rows: list[tuple[str, str]]) -> dict[str, object]:
    counts: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    right = 0
    for doc, (_, label) in zip(nlp.pipe(text for text, _ in rows), rows, strict=True):
        guess = max(doc.cats, key=doc.cats.__getitem__)
        right += guess == label
        counts[label]["gold"] += 1
        counts[guess]["predicted"] += 1
        counts[label]["right"] += guess == label
    per_label = {}
    for label, c in counts.items():
        p = c["right"] / c["predicted"] if c["predicted"] else 0.0
        r = c["right"] / c["gold"] if c["gold"] else 0.0
        per_label[label] = {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        }
    return {"accuracy": round(right / len(rows), 4), "items": len(rows), "per_label": per_label}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score without saving")
    args = parser.parse_args()
    training, heldout = featurise(read("examples_*.jsonl")), featurise(read("heldout_*.jsonl"))
    nlp = train(training)
    report = score(nlp, heldout)
    print(f"trained on {len(training)} sentences; held-out accuracy {report['accuracy']}")
    for label, figures in report["per_label"].items():  # type: ignore[union-attr]
        print(f"  {label:<10} P {figures['p']:.2f}  R {figures['r']:.2f}  F1 {figures['f1']:.2f}")
    if not args.check:
        target = model_path()
        nlp.to_disk(target)
        (HERE / "heldout_metrics.json").write_text(json.dumps(report, indent=2) + "\n")
        print(f"saved {target}")


if __name__ == "__main__":
    main()
