"""Cross-validated figures on the dev pages: the honest reading of pages the classifier learns from.

    python training/coder/crossval_pages.py [--folds 4] [--models DIR] [--setting W,VETO,ASSIGN]

`newsevents evaluate` on the dev pages flatters the shipped type classifier, which trained
on their sentences. Here the dev pages are dealt into FOLDS groups of whole pages; for each
group the classifier is retrained without that group's sentences (same data, seed and
settings as `train_type_classifier.py`) and the pipeline codes the group's pages with it.
The groups' events are pooled and scored as `newsevents evaluate` scores the dev pages.
The held-back pages are neither trained on nor read. `--models DIR` keeps the fold models
there and reuses them on the next run; `--setting` tries other `[classifier]` settings
(weight, veto, assign) with the same models.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from newsevents.evaluate import Report, code_items, f1_interval, load_gold, score
from newsevents.events import TypeClassifier
from newsevents.pipeline import Pipeline

try:  # run as a script from anywhere
    from real_sentences import PAGES, SHARED, all_rows
    from train_type_classifier import _balanced, train
except ImportError:  # pragma: no cover
    from training.coder.real_sentences import PAGES, SHARED, all_rows
    from training.coder.train_type_classifier import _balanced, train


def dev_pages() -> list[dict[str, object]]:
    bodies = json.loads((SHARED / "extraction" / "ground-truth.json").read_text("utf-8"))
    pages = [json.loads(line) for line in PAGES.read_text("utf-8").splitlines() if line]
    dev = sorted((p for p in pages if p["split"] == "dev"), key=lambda p: p["id"])
    for page in dev:
        page["text"] = bodies[page["id"]]["articleBody"]
    return dev


def fold_models(folds: list[set[str]], directory: Path) -> list[Path]:
    """One classifier per fold, trained without the fold's pages (reused when present)."""
    paths = [directory / f"fold{n}" for n in range(len(folds))]
    if all((path / "config.cfg").exists() for path in paths):
        return paths
    rows = [row for row in all_rows() if row.text.strip() and not row.held_back]
    for fold, path in zip(folds, paths, strict=True):
        nlp = train(_balanced([row for row in rows if row.group not in fold]))
        path.parent.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(path)
        print(f"trained {path.name} without {len(fold)} pages", flush=True)
    return paths


def crossvalidate(
    pages: list[dict[str, object]], folds: list[set[str]], models: list[Path], setting: str
) -> tuple[Report, int, int]:
    """Pooled report, and the events coded on pages with no political content."""
    coded_pages, coded_docs, stray = [], [], 0
    with tempfile.TemporaryDirectory() as scratch:
        for n, (fold, model) in enumerate(zip(folds, models, strict=True)):
            mine = [p for p in pages if p["id"] in fold]
            gold = Path(scratch) / f"fold{n}.jsonl"
            gold.write_text("".join(json.dumps(p) + "\n" for p in mine), "utf-8")
            pipeline = Pipeline()
            pipeline.coder.classifier = TypeClassifier(model)
            if setting:
                weight, veto, assign = map(float, setting.split(","))
                book = pipeline.coder.book
                book.classifier = replace(book.classifier, weight=weight, veto=veto, assign=assign)
            items = load_gold(gold)
            docs = code_items(items, pipeline)
            coded_pages += items
            coded_docs += docs
            stray += sum(
                len(d.events) for d, p in zip(docs, mine, strict=True) if not p["political"]
            )
    nonpolitical = sum(not p["political"] for p in pages)
    return score(coded_pages, coded_docs), stray, nonpolitical


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--models", type=Path, help="keep and reuse the fold models here")
    parser.add_argument("--setting", action="append", default=[], help="weight,veto,assign")
    args = parser.parse_args()
    pages = dev_pages()
    folds = [{p["id"] for p in pages[n :: args.folds]} for n in range(args.folds)]
    with tempfile.TemporaryDirectory() as scratch:
        models = fold_models(folds, args.models or Path(scratch))
        for setting in args.setting or [""]:
            report, stray, nonpolitical = crossvalidate(pages, folds, models, setting)
            t, ta = report.type, report.type_actors
            low, high = f1_interval(report.by_item["type"])
            print(
                f"{setting or 'shipped settings'}: {len(pages)} dev pages in {args.folds} folds, "
                f"type P {t.p:.3f} R {t.r:.3f} F1 {t.f1:.3f} (95% interval {low:.3f}-{high:.3f} "
                f"over pages), type+actors F1 {ta.f1:.3f}, "
                f"date {report.as_dict()['date_accuracy']}, "
                f"{stray} events on {nonpolitical} pages with no political content",
                flush=True,
            )


if __name__ == "__main__":
    main()
