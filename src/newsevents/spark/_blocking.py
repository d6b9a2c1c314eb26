"""Blocking keys and per-bucket checks for finding copies across a distributed corpus.

Pure Python, run inside Spark tasks. Two articles that may be copies share at least
one key: a hash of their normalised text (exact and syndicated copies), a MinHash
band of their word 5-grams (near copies) or a band of their names and numbers
(reworded copies, whose words change but whose names and figures cannot). The keys
only find candidates; `DedupIndex` makes the decision, as in a local run.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from datasketch import MinHash

from newsevents.dedup import DedupIndex

NUM_PERM = 128
# datasketch's optimal (bands, rows) for the thresholds of DedupIndex's own LSH
# indexes: Jaccard 0.5 on word 5-grams, 0.3 on names and numbers.
NEAR_BANDS = (25, 5)
ANCHOR_BANDS = (37, 3)
_SHINGLE = 5
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NAME_OR_NUMBER = re.compile(r"\b(?:[A-Z][^\W_]+|\d[\d.,]*)", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def _bands(prefix: str, tokens: set[str], bands: tuple[int, int]) -> list[str]:
    if not tokens:
        return []  # an empty set would put every empty article in one bucket
    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch([t.encode("utf-8") for t in sorted(tokens)])
    count, rows = bands
    values = sketch.hashvalues
    return [
        f"{prefix}{band}:{_digest(values[band * rows : (band + 1) * rows].tobytes())}"
        for band in range(count)
    ]


def blocking_keys(paragraphs: Sequence[str]) -> list[str]:
    """The keys an article shares with any article that may copy it."""
    text = "\n".join(paragraphs)
    words = _WORD.findall(_fold(text))
    if not words:
        return []
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - 4))}
    anchors = {_fold(token) for token in _NAME_OR_NUMBER.findall(text)}
    return [
        f"x:{_digest(words)}",
        *_bands("n", shingles, NEAR_BANDS),
        *_bands("p", anchors, ANCHOR_BANDS),
    ]


def bucket_copies(members: Sequence[Any]) -> Iterator[tuple[str, str, str, str, float]]:
    """(doc_id, canonical id, canonical's sort key, kind, score) for each copy in one bucket.

    Members (rows with `doc_id`, `sort_key`, `paragraphs`) go into a fresh index in
    sort-key order (publication date, then origin), so the earliest is the original.
    """
    index = DedupIndex()
    order = {m.doc_id: m.sort_key for m in members}
    for member in sorted(members, key=lambda m: m.sort_key):
        found = index.add(member.doc_id, member.paragraphs, raw_id=member.doc_id)
        if found.kind != "canonical":
            canonical = index.canonical_of(member.doc_id)
            yield member.doc_id, canonical, order[canonical], found.kind, found.score
