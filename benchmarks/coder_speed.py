"""How much the coder adds to spaCy parsing, on the same paragraphs.

    .venv/bin/python benchmarks/coder_speed.py [--repeat 8]

Cleans the demo corpus and the seed articles (repeated), parses every paragraph with
`nlp.pipe` (timed alone), then runs the rule coder over the parses (timed alone) and
prints the coder's time as a share of parsing. Target: at most 30%.
"""

from __future__ import annotations

import argparse
import sys
import time
from importlib import resources
from pathlib import Path

from newsevents.clean import clean_text
from newsevents.events import make_coder
from newsevents.nlp import load_nlp
from newsevents.pipeline import paragraph_offsets

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8)
    args = parser.parse_args()
    demo = Path(str(resources.files("newsevents") / "data" / "demo"))
    files = sorted(demo.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    articles = [clean_text(f.read_text("utf-8")).paragraphs for f in files] * args.repeat
    paragraphs = [p for article in articles for p in article]
    nlp, coder = load_nlp(), make_coder()
    # Warm both up alike: the parser's first batches, and the coder's one-time loads
    # (dateparser builds its timezone and locale regexes on the first date it sees).
    warm = articles[0]
    coder.code("warm-up", list(nlp.pipe(warm)), paragraph_offsets(warm), None)
    list(nlp.pipe(paragraphs[:50]))
    started = time.perf_counter()
    docs = iter(list(nlp.pipe(paragraphs, batch_size=64)))
    parse = time.perf_counter() - started
    started, events = time.perf_counter(), 0
    for article in articles:
        parsed = [next(docs) for _ in article]
        events += len(coder.code("bench", parsed, paragraph_offsets(article), None))
    code = time.perf_counter() - started
    print(
        f"{len(articles)} articles, {len(paragraphs)} paragraphs: parse {parse:.2f} s, "
        f"coder {code:.2f} s = {100 * code / parse:.0f}% of parsing, {events} events"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
