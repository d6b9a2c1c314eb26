"""An online duplicate index: each new article is checked against those seen before.

Three layers, cheapest first: exact (a hash of the normalised text), near (MinHash
over word 5-grams: most of the shorter text's 5-grams are in the other, and the new
article is mostly the earlier one's) and reworded
(articles sharing a sentence key, a sentence's rarest words and figures, are
candidates; most of each one's sentences of facts must be told again, in order, in
the other).

Lines that recur across articles (a publisher's template, a dateline, a byline) are
learnt from the articles seen, never listed by hand, and are no evidence of copying.
Whether an article is a copy depends only on the articles before it, so a run that
meets them in the same order (Spark sorts by arrival) decides the same.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from datasketch import MinHash, MinHashLSH

from newsevents.dedup._features import (
    Alignment,
    ContentSentence,
    align,
    candidate_words,
    content_sentences,
    exact_key,
    read,
    sentence_keys,
    shingles,
)

NUM_PERM = 128
# Chosen with benchmarks/dedup_pairs.py (seeds 7-10) and checked on a real archive of
# distinct lower-cased reports (IndiaPoliceEvents, see the README): near copies keep
# most of their 5-grams; spun copies keep almost none, yet keep most sentences' content
# words in order, while distinct articles on one story share a few sentences at most.
NEAR_LSH_THRESHOLD = 0.5
NEAR_MIN_JACCARD = 0.5
NEAR_MIN_CONTAINMENT = 0.6  # share of the shorter text's 5-grams found in the other
# ... and of the new article's own, or this share of its sentences of facts told in the
# other: an article that adds news around an earlier one's text is no copy of it.
NEAR_MIN_NEW_CONTAINMENT = 0.5
NEAR_MIN_NEW_COVERAGE = 0.7
# A sentence key shared by this many earlier articles is a topic's, not a copy's: it
# finds no more candidates (so the cost of an article stays flat as the corpus grows).
MAX_KEY_ARTICLES = 50
WORDS_MIN_JACCARD = 0.2  # rare words in common: below it, no sentence check at all
PARAPHRASE_MIN_ALIGNMENT = 0.75
PARAPHRASE_MIN_SENTENCES = 4  # aligned sentences of facts: fewer is too little evidence
# A line found in this many articles is a template; its fingerprint says nothing.
TEMPLATE_MIN_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    kind: str  # "canonical", "exact", "syndicated", "near", "paraphrase"
    score: float


@dataclass(slots=True)
class DuplicateGroup:
    canonical: str
    members: list[Member] = field(default_factory=list)


# Drawn once: each MinHash would otherwise draw (and keep) its own copy.
_FIRST = MinHash(num_perm=NUM_PERM)


def minhash(tokens: Collection[str]) -> MinHash:
    """The MinHash of a set of tokens, the same in every process."""
    sketch = MinHash(num_perm=NUM_PERM, permutations=_FIRST.permutations, scheme=_FIRST.scheme)
    sketch.update_batch([t.encode("utf-8") for t in sorted(tokens)])
    return sketch


@dataclass(frozen=True, slots=True)
class Profile:
    """What the index keeps of an article."""

    key: str  # hash of the normalised text
    shingles: MinHash
    shingle_count: int
    words: MinHash  # of its rare words and figures (`candidate_words`)
    keys: frozenset[int]  # `sentence_keys`
    sentences: list[ContentSentence]
    lines: frozenset[int]  # fingerprints of every line, templates included

    @classmethod
    def of(cls, paragraphs: Sequence[str]) -> Profile:
        grams, lines = shingles(paragraphs), read(paragraphs)
        return cls(
            key=hashlib.sha256(exact_key(paragraphs).encode()).hexdigest(),
            shingles=minhash(grams),
            shingle_count=len(grams),
            words=minhash(candidate_words(lines)),
            keys=frozenset(sentence_keys(lines)),
            sentences=content_sentences(lines),
            lines=frozenset(line.fingerprint for line in lines),
        )


def containment(first: Profile, second: Profile) -> tuple[float, float]:
    """Estimated shares of the smaller text's and of the first text's 5-grams found in
    the other."""
    jaccard = first.shingles.jaccard(second.shingles)
    smaller = min(first.shingle_count, second.shingle_count)
    if not smaller:
        return 0.0, 0.0
    shared = jaccard * (first.shingle_count + second.shingle_count) / (1 + jaccard)
    return min(1.0, shared / smaller), min(1.0, shared / first.shingle_count)


def sentence_alignments(
    first: Profile, second: Profile, templates: Collection[int]
) -> tuple[Alignment, Alignment]:
    """Each article's sentences of facts aligned with the other's, template lines aside."""
    ours = [s for s in first.sentences if s.fingerprint not in templates]
    theirs = [s for s in second.sentences if s.fingerprint not in templates]
    return align(ours, theirs), align(theirs, ours)


def paraphrase_score(alignments: tuple[Alignment, Alignment]) -> float:
    """How much of each article the other tells again, in order (the lesser share), when
    that is evidence enough for a reworded copy; else 0. Both ways: an article that
    adds news of its own to an earlier one is no copy of it, nor a brief of a feature."""
    if min(len(a.pairs) for a in alignments) < PARAPHRASE_MIN_SENTENCES:
        return 0.0
    return min(a.score for a in alignments)


def _near_score(new: Profile, seen: Profile, templates: Collection[int]) -> float:
    """How near a copy of an earlier article a new one is; 0 when it is none."""
    jaccard = seen.shingles.jaccard(new.shingles)
    if jaccard >= NEAR_MIN_JACCARD:
        return max(jaccard, containment(new, seen)[0])
    contained, new_contained = containment(new, seen)
    if contained < NEAR_MIN_CONTAINMENT:
        return 0.0
    if new_contained >= NEAR_MIN_NEW_CONTAINMENT:
        return contained
    told = sentence_alignments(new, seen, templates)[0].score
    return contained if told >= NEAR_MIN_NEW_COVERAGE else 0.0


class DedupIndex:
    """Add articles one by one; each is grouped with the first earlier copy it matches."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._raw: dict[str, str | None] = {}  # doc id -> id of its raw content
        self._near = MinHashLSH(threshold=NEAR_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._by_key: dict[int, list[str]] = {}  # sentence key -> articles, in order
        self._seen: dict[str, Profile] = {}
        self._line_counts: Counter[int] = Counter()  # fingerprint -> articles with it
        self._group_of: dict[str, str] = {}  # member id -> canonical id
        self._groups: dict[str, DuplicateGroup] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._seen

    def canonical_of(self, doc_id: str) -> str:
        """The first-seen member of the article's group (itself if it has no copy before)."""
        return self._group_of.get(doc_id, doc_id)

    def templates_for(self, lines: Collection[int]) -> frozenset[int]:
        """Those of an article's lines that, with it, are in enough articles to be a
        template: counted over the articles indexed so far."""
        return frozenset(f for f in lines if self._line_counts[f] + 1 >= TEMPLATE_MIN_ARTICLES)

    def add(
        self,
        doc_id: str,
        paragraphs: Sequence[str],
        raw_id: str | None = None,
        *,
        templates: Collection[int] | None = None,
    ) -> Member:
        """Index an article; returns how it relates to what came before.

        `raw_id` (the Document id, a hash of the raw page) tells an exact copy from a
        syndicated one: the same article body inside another site's page furniture.
        `templates`, the article's template lines, are counted here unless given (Spark
        counts them across the whole corpus, then checks copies bucket by bucket).
        """
        if doc_id in self._seen:
            raise ValueError(f"already indexed: {doc_id}")
        profile = Profile.of(paragraphs)
        if templates is None:
            templates = self.templates_for(profile.lines)
        match = self._match(profile, frozenset(templates))
        self._exact.setdefault(profile.key, doc_id)
        self._near.insert(doc_id, profile.shingles)
        for key in profile.keys:
            self._by_key.setdefault(key, []).append(doc_id)
        # What later checks read; the keys and lines are counted and indexed already.
        self._seen[doc_id] = replace(profile, keys=frozenset(), lines=frozenset())
        self._line_counts.update(profile.lines)
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

    def _match(self, profile: Profile, templates: frozenset[int]) -> tuple[str, str, float] | None:
        if profile.key in self._exact:
            return self._exact[profile.key], "exact", 1.0
        candidates = set(self._near.query(profile.shingles))
        for key in profile.keys:
            earlier = self._by_key.get(key, ())
            if len(earlier) < MAX_KEY_ARTICLES:
                candidates.update(earlier)
        near, reworded = [], []
        for candidate in sorted(candidates):  # sorted: ties go the same way every run
            seen = self._seen[candidate]
            near_score = _near_score(profile, seen, templates)
            if near_score:
                near.append((near_score, candidate))
            elif not near and seen.words.jaccard(profile.words) >= WORDS_MIN_JACCARD:
                score = paraphrase_score(sentence_alignments(profile, seen, templates))
                if score >= PARAPHRASE_MIN_ALIGNMENT:
                    reworded.append((score, candidate))
        if near:
            score, other = max(near)
            return other, "near", score
        if reworded:
            score, other = max(reworded)
            return other, "paraphrase", score
        return None

    def groups(self) -> list[DuplicateGroup]:
        """Groups with at least one copy, canonical first seen."""
        return [g for g in self._groups.values() if g.members]
