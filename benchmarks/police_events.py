"""Sentence-level scores on the IndiaPoliceEvents development half (Halterman et al. 2021).

    .venv/bin/python benchmarks/police_events.py [FOLDER] [--limit N] [--part heldback]

FOLDER defaults to ../shared/data/peer/indiapoliceevents (read there, never copied).
Each article is coded as one document (published date from metadata.jsonl); every
event is mapped back to the given sentence that holds its trigger, by character span.
A sentence answers yes to

- ANY_ACTION when it holds an event whose source has sector COP, or an arrest with no
  agent named;
- ARREST when it holds a COERCE arrest (or detention) by COP or by no one named;
- FORCE when it holds an ASSAULT by COP;
- KILL when it holds an ASSAULT by COP whose trigger or sentence names a killing.

The questions are about sentences, so the events are taken as coded per sentence,
before the article-level merge that drops an event a more specific one elsewhere in
the article repeats (`--merged` scores the merged events instead).
The baseline is the paper's own: a police keyword and an action keyword in one
sentence (`keyword_baseline.json`; ANY_ACTION needs the police keyword alone).
Prints precision, recall and F1 per question for newsevents and for the baseline, each
with a bootstrap interval over articles, and the interval of newsevents' gain over the
baseline (paired: both resampled on the same articles).
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsevents.evaluate import INTERVAL_LEVEL, Scores, f1_gain_interval, f1_interval
from newsevents.events import CLASSIFIER_NAME, make_coder
from newsevents.model import Event
from newsevents.nlp import parse_paragraphs

QUESTIONS = ("ANY_ACTION", "ARREST", "KILL", "FORCE")
DEFAULT_FOLDER = Path("../shared/data/peer/indiapoliceevents")
# What "names a killing" means for KILL: the words of a death, in any inflection.
KILLING = re.compile(
    r"\b(kill\w*|dead|deaths?|died|dies|dying|murder\w*|lynch\w*|massacr\w*|slain|"
    r"slaughter\w*|execut\w*|shot down|gunned down|casualt\w*|lives|life|bod(y|ies))\b",
    re.IGNORECASE,
)
ARREST_MODES = frozenset({"arrest", "detain", "detention"})


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: int
    start: int
    end: int
    text: str
    labels: frozenset[str]


HELD_BACK_EVERY = 3  # the classifier never trains on articles whose doc_id is a multiple


def read_corpus(folder: Path) -> tuple[dict[int, dict[str, str]], dict[int, list[Sentence]]]:
    """Articles by doc_id, and their sentences with character spans in the full text."""
    articles = {}
    for line in (folder / "metadata.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        articles[row["doc_id"]] = row
    sentences: dict[int, list[Sentence]] = {}
    cursor: dict[int, int] = {}
    for line in (folder / "sents.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        doc_id, text = row["doc_id"], row["sent_text"].strip()
        full = articles[doc_id]["full_text"]
        start = full.find(text, cursor.get(doc_id, 0))
        if start < 0:
            raise ValueError(f"sentence {doc_id}/{row['sent_id']} not found in its article")
        cursor[doc_id] = start + len(text)
        found = Sentence(doc_id, start, start + len(text), text, frozenset(row["sent_labels"]))
        sentences.setdefault(doc_id, []).append(found)
    return articles, sentences


def paragraphs_of(text: str) -> tuple[list[str], list[int]]:
    """The article's paragraphs (blank-line separated) and where each starts."""
    paragraphs, offsets, position = [], [], 0
    for block in text.split("\n\n"):
        stripped = block.strip()
        if stripped:
            paragraphs.append(stripped)
            offsets.append(text.index(stripped, position))
        position += len(block) + 2
    return paragraphs, offsets


def _by_police(event: Event) -> bool:
    return event.source is not None and event.source.actor.sector == "COP"


def _arrest(event: Event) -> bool:
    return (
        event.type == "COERCE"
        and (event.mode or "") in ARREST_MODES
        and (event.source is None or _by_police(event))
    )


def answers(events: list[Event], sentence: str) -> set[str]:
    """The questions a sentence answers yes to, from the events coded in it."""
    found = set()
    for event in events:
        if event.modality == "negated":
            continue
        if _by_police(event) or _arrest(event):
            found.add("ANY_ACTION")
        if _arrest(event):
            found.add("ARREST")
        if event.type == "ASSAULT" and _by_police(event):
            found.add("FORCE")
            if KILLING.search(event.trigger) or KILLING.search(sentence):
                found.add("KILL")
    return found


def code_corpus(
    articles: dict[int, dict[str, str]],
    sentences: dict[int, list[Sentence]],
    *,
    merge: bool = False,
    classifier: str = CLASSIFIER_NAME,
) -> dict[tuple[int, int], set[str]]:
    """newsevents' answers per (doc_id, sentence start)."""
    coder = make_coder(classifier=classifier)
    ids = sorted(sentences)
    texts = [paragraphs_of(articles[i]["full_text"]) for i in ids]
    parsed = iter(parse_paragraphs([p for paragraphs, _ in texts for p in paragraphs]))
    predicted: dict[tuple[int, int], set[str]] = {}
    for doc_id, (paragraphs, offsets) in zip(ids, texts, strict=True):
        docs = [next(parsed) for _ in paragraphs]
        published = date.fromisoformat(articles[doc_id]["date"])
        events = coder.code(str(doc_id), docs, offsets, published, merge=merge)
        starts = [s.start for s in sentences[doc_id]]
        held: dict[int, list[Event]] = {}
        for event in events:
            index = bisect.bisect_right(starts, event.trigger_start) - 1
            if index >= 0:
                held.setdefault(index, []).append(event)
        for index, found in held.items():
            sentence = sentences[doc_id][index]
            predicted[(doc_id, sentence.start)] = answers(found, sentence.text)
    return predicted


def keyword_baseline(keywords: dict[str, list[str]]) -> Callable[[str], set[str]]:
    """The paper's baseline: unanchored keyword matches, ignoring case."""

    def pattern(*lists: str) -> re.Pattern[str]:
        words = [w for name in lists for w in keywords[name]]
        return re.compile("|".join(words), re.IGNORECASE)

    police = pattern("police", "police_acronyms")
    actions = {
        "ARREST": pattern("arrest"),
        "KILL": pattern("kill"),
        "FORCE": pattern("other_force", "kill"),
    }

    def classify(text: str) -> set[str]:
        if not police.search(text.lower()):
            return set()
        return {"ANY_ACTION"} | {q for q, p in actions.items() if p.search(text.lower())}

    return classify


def scores(
    flat: list[Sentence], gold: list[set[str]], guess: list[set[str]]
) -> dict[str, list[Scores]]:
    """Per question, each article's counts (the unit the intervals resample)."""
    result: dict[str, list[Scores]] = {}
    for question in QUESTIONS:
        by_article: dict[int, Scores] = {}
        for sentence, answer, found in zip(flat, gold, guess, strict=True):
            counts = by_article.setdefault(sentence.doc_id, Scores())
            counts.tp += question in answer and question in found
            counts.fp += question not in answer and question in found
            counts.fn += question in answer and question not in found
        result[question] = list(by_article.values())
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--misses", metavar="QUESTION", help="print the sentences missed")
    parser.add_argument("--merged", action="store_true", help="score article-merged events")
    parser.add_argument(
        "--part",
        choices=["all", "trained", "heldback"],
        default="all",
        help="the articles the type classifier never trains on (doc_id a multiple of 3, "
        "see training/coder/real_sentences.py), the others, or all",
    )
    parser.add_argument(
        "--classifier", default=CLASSIFIER_NAME, help="a registered type classifier, or none"
    )
    args = parser.parse_args()
    articles, sentences = read_corpus(args.folder)
    if args.part != "all":
        keep = args.part == "heldback"
        sentences = {k: v for k, v in sentences.items() if (k % HELD_BACK_EVERY == 0) == keep}
    if args.limit:
        sentences = {k: sentences[k] for k in sorted(sentences)[: args.limit]}
    flat = [s for doc_id in sorted(sentences) for s in sentences[doc_id]]
    gold = [set(s.labels) for s in flat]
    predicted = code_corpus(articles, sentences, merge=args.merged, classifier=args.classifier)
    ours = [predicted.get((s.doc_id, s.start), set()) for s in flat]
    keywords = json.loads((args.folder / "keyword_baseline.json").read_text("utf-8"))
    baseline = keyword_baseline(keywords)
    theirs = [baseline(s.text) for s in flat]
    if args.misses:
        for sentence, answer, guess in zip(flat, gold, ours, strict=True):
            if args.misses in answer and args.misses not in guess:
                print(f"miss {sentence.doc_id}: {sentence.text}")
    print(
        f"{len(sentences)} articles, {len(flat)} sentences; {INTERVAL_LEVEL:.0%} intervals "
        "by bootstrap over articles, the gain paired"
    )
    header = ("question", "system", "P", "R", "F1", "interval", "tp", "fp", "fn")
    print("{:<11} {:<10} {:>5} {:>5} {:>5} {:>11}  {:>4} {:>4} {:>4}".format(*header))
    ours_by, theirs_by = scores(flat, gold, ours), scores(flat, gold, theirs)
    for name, results in (("newsevents", ours_by), ("keywords", theirs_by)):
        for question, units in results.items():
            s = Scores.total(units)
            low, high = f1_interval(units)
            print(
                f"{question:<11} {name:<10} {s.p:5.2f} {s.r:5.2f} {s.f1:5.2f} "
                f"{low:5.2f}-{high:4.2f}  {s.tp:4} {s.fp:4} {s.fn:4}"
            )
    for question in QUESTIONS:
        low, high = f1_gain_interval(ours_by[question], theirs_by[question])
        print(f"{question:<11} F1 gain over keywords: {low:+.2f} to {high:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
