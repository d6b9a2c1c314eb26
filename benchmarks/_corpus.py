"""The corpus the speed benchmarks share: real article text, repeated and varied.

The English bodies of ../shared/data/extraction/ground-truth.json (83 of 91: the
pipeline records the others as not English, without parsing them) and the demo corpus,
written as N files, each with a line that makes it new to the store.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from newsevents.clean._language import foreign_language

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def write_corpus(folder: Path, count: int, label: str) -> int:
    """Write `count` article files to `folder`; returns their total words."""
    truth = json.loads((SHARED / "extraction" / "ground-truth.json").read_text("utf-8"))
    texts = [v["articleBody"] for v in truth.values()]
    texts = [text for text in texts if foreign_language(text) is None]
    demo = Path(str(resources.files("newsevents") / "data" / "demo"))
    texts += [p.read_text("utf-8") for p in sorted(demo.glob("*.txt"))]
    words = 0
    for number in range(count):
        text = f"{texts[number % len(texts)]}\n\n(Sample {number} of the {label} corpus.)\n"
        (folder / f"{number:06}.txt").write_text(text, "utf-8")
        words += len(text.split())
    return words
