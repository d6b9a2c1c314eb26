"""Cost of adding documents to the dedup index as the corpus grows.

    .venv/bin/python benchmarks/dedup_scale.py [--total 100000]

Adds synthetic articles (random prose with names and figures, 1 in 20 a reworded or
edited copy of an earlier one) and prints, at 10k, 50k and 100k documents, the
time per added document over the last block and the process's peak memory. Flat
per-document time is the point: LSH lookups do not scan the corpus.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

from newsevents.dedup import DedupIndex

WORDS = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "that",
    "said",
    "officials",
    "government",
    "minister",
    "talks",
    "border",
    "security",
    "economy",
    "vote",
    "court",
    "police",
    "protest",
    "agreement",
    "army",
    "forces",
    "report",
    "week",
    "month",
    "year",
    "city",
    "region",
    "country",
    "people",
    "leaders",
    "meeting",
    "plan",
    "deal",
    "crisis",
]
NAMES = [
    f"{a}{b}"
    for a in ("Kar", "Mol", "Ven", "Tor", "Ash", "Bel", "Dra", "Lun")
    for b in ("ovia", "esh", "ano", "ir", "ando", "ova", "eth", "uin")
]


def article(rng: random.Random) -> list[str]:
    paragraphs = []
    for _ in range(rng.randint(4, 8)):
        sentences = []
        for _ in range(rng.randint(2, 3)):
            words = rng.choices(WORDS, k=rng.randint(12, 22))
            words[rng.randrange(len(words))] = rng.choice(NAMES)
            words[rng.randrange(len(words))] = str(rng.randint(2, 90000))
            words[rng.randrange(1, len(words))] = rng.choice(NAMES) + " " + rng.choice(NAMES)
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    args = parser.parse_args()
    rng, index, kept = random.Random(3), DedupIndex(), []
    checkpoints = {10_000, 50_000, 100_000, args.total}
    block_start, groups = time.perf_counter(), 0
    for number in range(1, args.total + 1):
        if kept and rng.random() < 0.05:
            source = rng.choice(kept)
            paragraphs = [p.replace(" the ", " this ", 2) for p in source[1:]]
        else:
            paragraphs = article(rng)
            if len(kept) < 2000:
                kept.append(paragraphs)
        if index.add(str(number), paragraphs).kind != "canonical":
            groups += 1
        if number in checkpoints:
            seconds = time.perf_counter() - block_start
            block = number - max((c for c in checkpoints if c < number), default=0)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{number:>7} docs: {1000 * seconds / block:.2f} ms/doc over the last block, "
                f"{groups} copies found, peak RSS {peak:.0f} MB",
                flush=True,
            )
            block_start = time.perf_counter()
    return 0


if __name__ == "__main__":
    sys.exit(main())
