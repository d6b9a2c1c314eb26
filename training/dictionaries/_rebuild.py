"""The command line the import scripts share: write their data files, or `--check` them.

Each script builds its files' text from a reference directory (the same input gives the
same bytes); this writes them, or with `--check` exits 1 naming each committed file
that differs from what the script would write.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def rebuild(doc: str | None, build: Callable[[Path], dict[Path, str]], reference: Path) -> int:
    """Run an import script: `build(reference)` gives each output file's text."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--reference", type=Path, default=reference)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    outputs = build(args.reference)
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text("utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path} differs from what the script writes")
        print("up to date" if not stale else "rebuild with the script")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, "utf-8")
        print(f"wrote {path} ({text.count(chr(10))} lines)")
    return 0
