"""Throughput of `newsevents spark` on one and on two local cores, at a few partition counts.

    .venv/bin/python benchmarks/spark_scaling.py [--articles 400] [--partitions 2 8]

Builds a corpus of N article files from real text (the 91 bodies of
../shared/data/extraction/ground-truth.json and the demo corpus, repeated with small
variations, so the duplicate step has copies to find) and, for local[1] then
local[2], warms every Python worker up on the demo corpus (one model load each) and
times a full run (read, code, find copies, write Parquet) at each partition count.
Prints articles/s and the local[2]/local[1] ratio, with the load average: other
processes on the machine skew the figures.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from importlib import resources
from pathlib import Path

from _corpus import write_corpus

from newsevents.spark import run_spark, spark_session

DEMO = Path(str(resources.files("newsevents") / "data" / "demo"))
MASTERS = ("local[1]", "local[2]")


def timed(source: Path, output: Path, partitions: int) -> tuple[float, int]:
    started = time.perf_counter()
    run = run_spark(str(source), str(output), partitions=partitions)
    return time.perf_counter() - started, run.documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--partitions", type=int, nargs="+", default=[2, 8])
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rates: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        words = write_corpus(folder, args.articles, "scaling")
        for master in MASTERS:
            spark = spark_session(master)
            spark.sparkContext.setLogLevel("ERROR")
            timed(DEMO, Path(tmp) / "warm-up", max(args.partitions))
            for partitions in args.partitions:
                seconds, documents = timed(folder, Path(tmp) / "out", partitions)
                rates[(master, partitions)] = args.articles / seconds
                print(
                    f"{master:9} {partitions:3} partitions  {seconds:6.1f} s  "
                    f"{rates[(master, partitions)]:5.1f} articles/s  ({documents} documents)",
                    flush=True,
                )
            spark.stop()
    print(f"{args.articles} articles, {words} words")
    for partitions in args.partitions:
        ratio = rates[("local[2]", partitions)] / rates[("local[1]", partitions)]
        print(f"local[2] / local[1] at {partitions} partitions: {ratio:.2f}x")
    print(f"load average (1 min) before {load_before:.1f}, after {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
