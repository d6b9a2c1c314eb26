"""Pair precision and recall of each dedup layer on copies made from real articles.

    .venv/bin/python benchmarks/dedup_pairs.py [--seed 7]

From the 91 article bodies of ../shared/data/extraction/ground-truth.json it makes, per
article, an exact copy (spacing changed), a near copy (page furniture added, a
timestamp and a few words changed, one sentence dropped) and a spun copy (synonyms
swapped, sentences merged and split, sentences dropped), shuffles everything into
one stream and runs it through DedupIndex. Prints recall per copy kind, the layer
that caught each, and the precision of predicted pairs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from newsevents.dedup import DedupIndex

GROUND_TRUTH = Path(__file__).resolve().parents[2] / "shared/data/extraction/ground-truth.json"

# A small thesaurus of frequent news words, as article spinners use.
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "year": "twelve months",
    "people": "individuals",
    "government": "administration",
    "company": "firm",
    "new": "fresh",
    "first": "initial",
    "last": "previous",
    "help": "assist",
    "make": "create",
    "made": "created",
    "big": "large",
    "large": "huge",
    "small": "little",
    "show": "demonstrate",
    "shows": "demonstrates",
    "use": "utilize",
    "used": "utilized",
    "many": "numerous",
    "important": "significant",
    "however": "nevertheless",
    "also": "additionally",
    "because": "since",
    "start": "begin",
    "started": "began",
    "buy": "purchase",
    "get": "obtain",
    "got": "obtained",
    "need": "require",
    "want": "wish",
    "think": "believe",
    "about": "regarding",
    "after": "following",
    "before": "prior to",
    "but": "yet",
    "like": "such as",
    "more": "additional",
    "most": "the majority of",
    "part": "portion",
    "place": "location",
    "report": "account",
    "reported": "stated",
    "week": "seven days",
    "month": "thirty days",
    "home": "house",
    "country": "nation",
    "city": "town",
    "children": "kids",
    "work": "labour",
    "worked": "laboured",
    "game": "match",
    "team": "squad",
    "find": "discover",
    "found": "discovered",
    "give": "provide",
    "gave": "provided",
    "way": "method",
    "still": "nonetheless",
    "often": "frequently",
    "very": "extremely",
    "quickly": "rapidly",
    "around": "approximately",
    "near": "close to",
    "end": "conclusion",
    "ended": "concluded",
    "according": "as reported",
    "announced": "declared",
    "expected": "anticipated",
    "began": "commenced",
    "several": "a number of",
    "including": "such as",
    "increase": "rise",
    "decrease": "fall",
    "problem": "issue",
    "problems": "issues",
    "change": "alteration",
    "changes": "alterations",
    "plan": "scheme",
    "plans": "schemes",
}
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    return [s for p in text.split("\n") for s in SENTENCE.split(p.strip()) if s]


def exact_copy(text: str) -> str:
    return "\n\n".join(p.strip() for p in text.split("\n") if p.strip()) + "\n"


def near_copy(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    if len(sentences) > 4:
        sentences.pop(rng.randrange(1, len(sentences)))
    words = " ".join(sentences).split(" ")
    for _ in range(3):
        position = rng.randrange(len(words))
        words[position] = rng.choice(["the", "a", "this", "that"])
    stamp = (
        f"Updated {rng.randint(1, 28)} March 2024, {rng.randint(0, 23):02}:{rng.randint(0, 59):02}"
    )
    return "\n".join([stamp, " ".join(words), "Advertisement", "Read more: related stories"])


def spun_copy(text: str, rng: random.Random) -> str:
    out = []
    for sentence in _sentences(text):
        if rng.random() < 0.15:
            continue  # dropped
        words = [SYNONYMS.get(w, w) if rng.random() < 0.8 else w for w in sentence.split(" ")]
        sentence = " ".join(words)
        if out and rng.random() < 0.3:  # merged with the previous sentence
            out[-1] = out[-1].rstrip(".") + ", and " + sentence[:1].lower() + sentence[1:]
        else:
            out.append(sentence.replace(", and ", ". And ", 1) if rng.random() < 0.3 else sentence)
    return " ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = {k: v["articleBody"] for k, v in json.loads(GROUND_TRUTH.read_text("utf-8")).items()}
    stream = []
    for key, body in articles.items():
        stream += [
            (key, "original", body),
            (key, "exact", exact_copy(body)),
            (key, "near", near_copy(body, rng)),
            (key, "spun", spun_copy(body, rng)),
        ]
    rng.shuffle(stream)
    index, origin, caught = DedupIndex(), {}, {}
    started = time.perf_counter()
    for number, (key, kind, text) in enumerate(stream):
        doc_id = f"{key}/{kind}/{number}"
        origin[doc_id] = key
        member = index.add(doc_id, [p for p in text.split("\n") if p.strip()])
        caught[doc_id] = member.kind
    seconds = time.perf_counter() - started
    group_of = {doc_id: doc_id for doc_id in origin}
    for group in index.groups():
        for member in group.members:
            group_of[member.id] = group.canonical
    by_group: dict[str, list[str]] = {}
    for doc_id, canonical in group_of.items():
        by_group.setdefault(canonical, []).append(doc_id)
    predicted = {frozenset(p) for ids in by_group.values() for p in itertools.combinations(ids, 2)}
    true_pairs = [p for p in predicted if len({origin[i] for i in p}) == 1]
    print(
        f"{len(stream)} documents from {len(articles)} articles, {seconds:.2f} s "
        f"({len(stream) / seconds:.0f} docs/s)"
    )
    for kind in ("exact", "near", "spun"):
        ids = [i for i in origin if f"/{kind}/" in i]
        found = [
            i
            for i in ids
            if len(by_group[group_of[i]]) > 1
            and any(origin[o] == origin[i] and o != i for o in by_group[group_of[i]])
        ]
        layers = Counter(caught[i] for i in found if caught[i] != "canonical")
        print(
            f"{kind:6} copies: recall {len(found) / len(ids):.3f} ({len(found)}/{len(ids)}), "
            f"layers {dict(layers)}"
        )
    false = len(predicted) - len(true_pairs)
    distinct = len(articles) * (len(articles) - 1) // 2
    precision = len(true_pairs) / max(1, len(predicted))
    print(
        f"predicted pairs: {len(predicted)}, precision {precision:.4f}, "
        f"false pairs {false} among {distinct} pairs of distinct originals"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
