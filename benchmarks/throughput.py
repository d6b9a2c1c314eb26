"""Throughput of parsing alone, of the pipeline on one worker and on all cores.

    .venv/bin/python benchmarks/throughput.py [--articles 2000] [--workers N]

Builds a corpus of N articles from real text (the 91 bodies of
../shared/data/extraction/ground-truth.json and the demo corpus, repeated with small
variations so that every article is new to the store) and reports articles/s and
words/s of (a) spaCy `nlp.pipe` alone on the cleaned paragraphs, same model and batch
size, (b) the full pipeline (`Pipeline.run` into SQLite) with 1 worker, (c) with N
workers, the ratio (b)/(a) and (c)/(b), and the peak RSS of this process and of the
largest worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from _corpus import write_corpus

from newsevents.clean import clean_text
from newsevents.nlp import load_nlp
from newsevents.pipeline import DEFAULT_BATCH_SIZE, Options, Pipeline
from newsevents.store import Store


def timed_run(folder: Path, workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "t.db")) as store:
        started = time.perf_counter()
        stats = Pipeline(Options(workers=workers)).run([str(folder)], store)
        return time.perf_counter() - started, stats.stored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = write_corpus(folder, args.articles, "throughput")
        nlp = load_nlp()
        paragraphs = [
            p
            for f in sorted(folder.glob("*.txt"))
            for p in clean_text(f.read_text("utf-8")).paragraphs
        ]
        started = time.perf_counter()
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass
        parse = time.perf_counter() - started
        one, stored = timed_run(folder, 1)
        many, _ = timed_run(folder, args.workers)

    def rate(seconds: float) -> str:
        return f"{args.articles / seconds:6.1f} articles/s, {words / seconds:7.0f} words/s"

    print(f"{args.articles} articles, {words} words, batch {DEFAULT_BATCH_SIZE}, {stored} stored")
    print(f"(a) nlp.pipe alone        {rate(parse)}")
    print(f"(b) pipeline, 1 worker    {rate(one)}   (b)/(a) = {parse / one:.2f}")
    print(f"(c) pipeline, {args.workers} workers   {rate(many)}   (c)/(b) = {one / many:.2f}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {own:.0f} MB, largest worker {children:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
