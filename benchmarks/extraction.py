"""Article extraction quality of the clean stage on real news pages.

    .venv/bin/python benchmarks/extraction.py

Runs clean_html on the 91 pages of ../shared/data/extraction/html and scores the
joined paragraphs with the benchmark's own scorer (token-shingle P/R/F1), next to
plain trafilatura with default settings, so our text rules can be seen not to cost
recall. Prints both and pages per second. Our text keeps the headline as its first
paragraph (the pipeline codes headlines); the benchmark's bodies leave it out, which
costs us about one point of precision here.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import trafilatura

from newsevents.clean import clean_html
from newsevents.errors import ExtractionError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
sys.path.insert(0, str(DATA))
from evaluate import metrics_from_tp_fp_fns, string_shingle_matching  # noqa: E402


def _ours(html: str) -> str:
    try:
        return "\n".join(clean_html(html, english_only=False).paragraphs)  # text, any language
    except ExtractionError:
        return ""


def _plain(html: str) -> str:
    return trafilatura.extract(html) or ""


def main() -> int:
    truth = json.loads((DATA / "ground-truth.json").read_text("utf-8"))
    pages = {
        key: gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        for key in truth
    }
    for name, extract in (("newsevents clean_html", _ours), ("trafilatura default", _plain)):
        started = time.perf_counter()
        scores = [
            string_shingle_matching(true=truth[k]["articleBody"], pred=extract(html))
            for k, html in pages.items()
        ]
        seconds = time.perf_counter() - started
        m = metrics_from_tp_fp_fns(scores)
        print(
            f"{name:<22} F1 {m['f1']:.3f}  P {m['precision']:.3f}  R {m['recall']:.3f}  "
            f"{len(pages) / seconds:.0f} pages/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
