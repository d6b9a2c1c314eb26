"""An online duplicate index: each new article is checked against those seen before.

Three layers, cheapest first: exact (a hash of the normalised text), near (MinHash
LSH over word 5-grams, sublinear in corpus size) and paraphrase (MinHash LSH over
names, numbers and rare words to find candidates, confirmed by sentence alignment).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from newsevents.dedup._features import alignment, exact_key, sentence_anchors, shingles

NUM_PERM = 128
# Chosen with benchmarks/dedup_pairs.py (seeds 7-10): near copies keep most of their
# 5-grams (Jaccard >= 0.5); spun copies keep almost none, yet keep >= 0.3 of their
# sentence anchors (names, numbers) together in both directions, while distinct articles on the same
# story (the seeds) stay below 0.15 and no distinct benchmark pair reached the bar.
NEAR_LSH_THRESHOLD = 0.5
NEAR_MIN_JACCARD = 0.5
ANCHOR_LSH_THRESHOLD = 0.3
PARAPHRASE_MIN_ALIGNMENT = 0.3


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    kind: str  # "canonical", "exact", "syndicated", "near", "paraphrase"
    score: float


@dataclass(slots=True)
class DuplicateGroup:
    canonical: str
    members: list[Member] = field(default_factory=list)


def _minhash(tokens: set[str]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM)
    sketch.update_batch([t.encode("utf-8") for t in tokens])
    return sketch


@dataclass(slots=True)
class _Seen:
    anchors: list[frozenset[str]]
    sketch: MinHash


class DedupIndex:
    """Add articles one by one; each is grouped with the first earlier copy it matches."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._raw: dict[str, str | None] = {}  # doc id -> id of its raw content
        self._near = MinHashLSH(threshold=NEAR_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._para = MinHashLSH(threshold=ANCHOR_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._seen: dict[str, _Seen] = {}
        self._group_of: dict[str, str] = {}  # member id -> canonical id
        self._groups: dict[str, DuplicateGroup] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._seen

    def canonical_of(self, doc_id: str) -> str:
        """The first-seen member of the article's group (itself if it has no copy before)."""
        return self._group_of.get(doc_id, doc_id)

    def add(self, doc_id: str, paragraphs: Sequence[str], raw_id: str | None = None) -> Member:
        """Index an article; returns how it relates to what came before.

        `raw_id` (the Document id, a hash of the raw page) tells an exact copy from a
        syndicated one: the same article body inside another site's page furniture.
        """
        if doc_id in self._seen:
            raise ValueError(f"already indexed: {doc_id}")
        key = hashlib.sha256(exact_key(paragraphs).encode()).hexdigest()
        near_sketch = _minhash(shingles(paragraphs))
        anchors = sentence_anchors(paragraphs)
        anchor_sketch = _minhash(set().union(*anchors) if anchors else set())
        match = self._match(key, near_sketch, anchors, anchor_sketch)
        self._exact.setdefault(key, doc_id)
        self._near.insert(doc_id, near_sketch)
        if anchors:
            self._para.insert(doc_id, anchor_sketch)
        self._seen[doc_id] = _Seen(anchors, near_sketch)
        self._raw[doc_id] = raw_id
        if match is None:
            return Member(doc_id, "canonical", 1.0)
        other, kind, score = match
        if kind == "exact" and (raw_id is None or raw_id != self._raw.get(other)):
            kind = "syndicated"
        canonical = self._group_of.get(other, other)
        group = self._groups.setdefault(canonical, DuplicateGroup(canonical))
        member = Member(doc_id, kind, round(score, 4))
        group.members.append(member)
        self._group_of[doc_id] = canonical
        return member

    def _match(
        self, key: str, sketch: MinHash, anchors: list[frozenset[str]], anchor_sketch: MinHash
    ) -> tuple[str, str, float] | None:
        if key in self._exact:
            return self._exact[key], "exact", 1.0
        near = [(self._seen[c].sketch.jaccard(sketch), c) for c in self._near.query(sketch)]
        near = [(score, c) for score, c in near if score >= NEAR_MIN_JACCARD]
        if near:
            score, other = max(near)
            return other, "near", score
        if not anchors:
            return None
        scored = []
        for candidate in self._para.query(anchor_sketch):
            theirs = self._seen[candidate].anchors
            # Both ways: a short piece whose few names recur in a long one is not its copy.
            score = min(alignment(anchors, theirs), alignment(theirs, anchors))
            if score >= PARAPHRASE_MIN_ALIGNMENT:
                scored.append((score, candidate))
        if scored:
            score, other = max(scored)
            return other, "paraphrase", score
        return None

    def groups(self) -> list[DuplicateGroup]:
        """Groups with at least one copy, canonical first seen."""
        return [g for g in self._groups.values() if g.members]
