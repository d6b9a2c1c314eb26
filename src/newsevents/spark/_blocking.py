"""Blocking keys and per-bucket checks for finding copies across a distributed corpus.

Pure Python, run inside Spark tasks. Two articles that may be copies share at least
one key: a hash of their normalised text (exact and syndicated copies), a MinHash
band of their word 5-grams (near copies) or a sentence key: a sentence's rarest words
and figures (reworded copies, whose common words change but whose names and figures
cannot). The keys only find candidates; `DedupIndex` makes the decision, as in a
local run. Both read an article through the same `Profile`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

from newsevents.dedup import DedupIndex
from newsevents.dedup._index import Profile

# datasketch's optimal (bands, rows) for the threshold of DedupIndex's own LSH index
# of word 5-grams (Jaccard 0.5). The same tokens, the same MinHash and the same bands,
# and the same sentence keys: two articles share a key exactly when the local index
# would have offered one as a candidate for the other.
NEAR_BANDS = (25, 5)
SENTENCE_KEY_PREFIX = "s:"


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def _bands(prefix: str, values: Any, bands: tuple[int, int]) -> list[str]:
    count, rows = bands
    return [
        f"{prefix}{band}:{_digest(values[band * rows : (band + 1) * rows].tobytes())}"
        for band in range(count)
    ]


def blocking_keys(profile: Profile) -> list[str]:
    """The keys an article shares with any article that may copy it (none for an empty
    one: it would share every band with every other empty article)."""
    if not profile.shingle_count:
        return []
    return [
        f"x:{profile.key}",
        *_bands("n", profile.shingles.hashvalues, NEAR_BANDS),
        *(f"{SENTENCE_KEY_PREFIX}{key:x}" for key in sorted(profile.keys)),
    ]


def bucket_copies(members: Sequence[Any]) -> Iterator[tuple[str, str, str, str, float]]:
    """(doc_id, canonical id, canonical's arrival, kind, score) for each copy in a bucket.

    Members (rows with `doc_id`, `arrival`, `paragraphs` and `templates`, the article's
    template lines counted over the whole corpus) go into a fresh index in arrival
    order, the order in which a local run meets them: each is checked against the same
    earlier articles with the same evidence, so it is a copy here exactly when it is one
    there.
    """
    index = DedupIndex()
    order = {m.doc_id: m.arrival for m in members}
    for member in sorted(members, key=lambda m: (m.arrival, m.doc_id)):
        found = index.add(
            member.doc_id,
            member.paragraphs,
            raw_id=member.doc_id,
            templates=member.templates or (),
        )
        if found.kind != "canonical":
            canonical = index.canonical_of(member.doc_id)
            yield member.doc_id, canonical, order[canonical], found.kind, found.score
