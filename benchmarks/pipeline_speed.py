"""Articles per second of the full pipeline (`newsevents run`) on a folder of articles.

    .venv/bin/python benchmarks/pipeline_speed.py [FOLDER ...]

Defaults to the seed articles (../shared/data/seeds) and the bundled demo corpus.
Each folder is run into a fresh SQLite file; the model load is timed apart, since a
long run pays it once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from newsevents.ingest import expand_paths
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline
from newsevents.store import Store

REPO = Path(__file__).resolve().parent.parent


def measure(folder: Path) -> str:
    files = expand_paths([str(folder)])
    words = sum(len(Path(f).read_text("utf-8", errors="replace").split()) for f in files)
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "bench.db")) as store:
        started = time.perf_counter()
        stats = Pipeline().run(files, store)
        seconds = time.perf_counter() - started
    return (
        f"{folder.name}: {stats.stored} articles, {words} words, {stats.events} events in "
        f"{seconds:.2f} s = {stats.stored / seconds:.1f} articles/s, {words / seconds:.0f} words/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    demo = resources.files("newsevents") / "data" / "demo"
    folders = args.folders or [REPO.parent / "shared" / "data" / "seeds", Path(str(demo))]
    started = time.perf_counter()
    load_nlp()
    print(f"model load: {time.perf_counter() - started:.2f} s")
    _ = Pipeline().coder  # dictionaries and patterns, also loaded once per process
    for folder in folders:
        print(measure(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
