"""Write the annotated real pages as a gold file `newsevents evaluate` reads.

    .venv/bin/python training/gold/build_pages_gold.py dev /tmp/pages_dev.jsonl
    .venv/bin/newsevents evaluate /tmp/pages_dev.jsonl

`pages.jsonl` holds our annotation of the 91 real news pages of
../shared/data/extraction (ids and events only); their text stays there and is joined
here. SPLIT is `dev` (tune on it), `heldback` (score only, never read its errors) or
`all`; `--political` keeps only pages with political or social content.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUND_TRUTH = HERE.parents[2] / "shared/data/extraction/ground-truth.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["dev", "heldback", "all"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--political", action="store_true")
    args = parser.parse_args()
    bodies = json.loads(GROUND_TRUTH.read_text("utf-8"))
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for line in (HERE / "pages.jsonl").read_text("utf-8").splitlines():
            item = json.loads(line)
            if args.split != "all" and item["split"] != args.split:
                continue
            if args.political and not item["political"]:
                continue
            item["text"] = bodies[item["id"]]["articleBody"]
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} pages -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
