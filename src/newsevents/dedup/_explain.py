"""Why two articles are, or are not, copies: the figures and the aligned sentences."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from newsevents.dedup._features import read
from newsevents.dedup._index import DedupIndex, Profile, containment, sentence_alignments


@dataclass(frozen=True, slots=True)
class Explanation:
    """The decision on the second article given the first, and its evidence."""

    kind: str  # "canonical" (no copy), "exact", "syndicated", "near", "paraphrase"
    score: float
    jaccard: float  # estimated, word 5-grams
    containment: float  # estimated share of the smaller text's 5-grams in the other
    coverage: tuple[float, float]  # share of each one's sentences of facts the other tells
    aligned: list[tuple[str, str, float]]  # (first's sentence, second's sentence, share)
    templates: int  # template lines set aside


def explain(
    first: Sequence[str],
    second: Sequence[str],
    *,
    templates: Collection[int] = (),
    same_raw: bool = False,
) -> Explanation:
    """Judge `second` against `first` exactly as the index would, and show why.

    `templates` are line fingerprints to set aside (learnt from a corpus: see
    `DedupIndex.templates_for`).
    """
    index = DedupIndex()
    index.add("first", first, raw_id="first")
    member = index.add(
        "second", second, raw_id="first" if same_raw else "second", templates=templates
    )
    ours, theirs = Profile.of(first), Profile.of(second)
    forward, backward = sentence_alignments(ours, theirs, templates)
    texts_first, texts_second = (_facts(text, templates) for text in (first, second))
    return Explanation(
        kind=member.kind,
        score=member.score,
        jaccard=round(ours.shingles.jaccard(theirs.shingles), 4),
        containment=round(containment(ours, theirs)[0], 4),
        coverage=(round(forward.score, 4), round(backward.score, 4)),
        aligned=[(texts_first[i], texts_second[j], share) for i, j, share in forward.pairs],
        templates=len(set(templates) & (ours.lines | theirs.lines)),
    )


def _facts(paragraphs: Sequence[str], templates: Collection[int]) -> list[str]:
    """The texts of the sentences of facts that the alignment numbers."""
    return [
        line.text for line in read(paragraphs) if line.prose and line.fingerprint not in templates
    ]
