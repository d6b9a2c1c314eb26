"""Import the story-level discards of PETRARCH-2's Phoenix dictionaries.

    .venv/bin/python training/dictionaries/import_discards.py [--reference DIR] [--check]

Reads `petrarch2/Phoenix.discards.txt` from DIR (default ../shared/data/reference) and
writes `src/newsevents/data/story_discards.txt`: one phrase a line, lower-cased, its
words separated by single spaces, sorted. A phrase marks a story as no political news
(see events/_relevance.py).

Only the story-level entries (those marked '+': sports leagues, tournaments, players
and scores) are taken. The sentence-level ones drop sentences our codebook codes:
epidemics ("EBOLA", "BIRD FLU": quarantines are COERCE), "WORLD TRADE CENTER",
"PRESIDENTIAL DEBATE", and "YEARS AGO", which dates background acts we keep.

The output has no timestamp: the same input gives the same bytes. `--check` exits 1
when the committed file differs from what the script would write.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "src" / "newsevents" / "data" / "story_discards.txt"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "data" / "reference"
HEADER = (
    "# Phrases that make a story no political news: the story-level ('+') discards of\n"
    "# PETRARCH-2's Phoenix.discards.txt (MIT), written by\n"
    "# training/dictionaries/import_discards.py. Edit it as you like: rerunning the\n"
    "# script rewrites it from the dictionary.\n"
)


def story_discards(text: str) -> list[str]:
    """The story-level phrases of a Phoenix discards file, normalised and sorted."""
    phrases = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry.startswith("+"):
            phrase = " ".join(entry[1:].lower().split())
            if phrase:
                phrases.add(phrase)
    return sorted(phrases)


def build(reference: Path) -> str:
    source = reference / "petrarch2" / "Phoenix.discards.txt"
    return HEADER + "".join(f"{p}\n" for p in story_discards(source.read_text("utf-8")))


if __name__ == "__main__":
    from _rebuild import rebuild  # the import scripts' shared command line

    sys.exit(rebuild(__doc__, lambda reference: {OUTPUT: build(reference)}, DEFAULT_REFERENCE))
