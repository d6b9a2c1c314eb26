"""Sentences of real news with the PLOVER types they report, for the type classifier.

Three sources, none copied into the project (they are read from ../shared when training):

- `pages`: our annotation of the 91 real pages (`training/gold/pages.jsonl`). A sentence
  holding an annotated event's evidence reports that event's type; every other sentence
  of the page, sports and recipe pages included, reports none. The page's `split`
  decides training or held back.
- `police`: the IndiaPoliceEvents dev half. A sentence labelled KILL or FORCE reports an
  ASSAULT, one labelled ARREST a COERCE, one with no label nothing. A sentence labelled
  only "police did something" or "police failed" is left out: its type is unknown.
  Articles whose doc_id is a multiple of 3 are held back.
- `plover`: the PLOVER records of ../shared/data/gold (all training: we tune on them).

Each row is (text as the classifier sees it, labels, source, held_back, group): the group
is the page or article a sentence comes from, so that cross-validation folds whole pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from newsevents.clean import clean
from newsevents.events._classifier import NO_EVENT, classifier_text
from newsevents.nlp import parse_paragraphs

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "data"
PAGES = HERE.parent / "gold" / "pages.jsonl"
POLICE = SHARED / "peer" / "indiapoliceevents"
PLOVER = SHARED / "gold" / "plover_gsr_dev.jsonl"
POLICE_TYPES = {"KILL": "ASSAULT", "FORCE": "ASSAULT", "ARREST": "COERCE"}
POLICE_UNTYPED = {"ANY_ACTION", "FAIL"}


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    raw: str
    labels: frozenset[str]
    source: str
    held_back: bool
    group: str = ""


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


def _sentences(paragraphs: list[str]) -> Iterator[Span]:
    for doc in parse_paragraphs(paragraphs):
        yield from doc.sents


def page_rows() -> Iterator[Row]:
    bodies = json.loads((SHARED / "extraction" / "ground-truth.json").read_text("utf-8"))
    for line in PAGES.read_text("utf-8").splitlines():
        page = json.loads(line)
        # every page, as annotated: the other-language ones are sentences that report nothing
        body = bodies[page["id"]]["articleBody"]
        paragraphs = clean(body, "text", english_only=False).paragraphs
        evidence = [(_normal(e["evidence"]), e["type"]) for e in page["events"]]
        held_back = page["split"] == "heldback"
        for sentence in _sentences(paragraphs):
            text = _normal(sentence.text)
            labels = {kind for words, kind in evidence if words and _overlap(words, text)}
            yield Row(
                classifier_text(sentence),
                sentence.text,
                frozenset(labels),
                "pages",
                held_back,
                page["id"],
            )


def _overlap(evidence: str, sentence: str) -> bool:
    """The evidence is in the sentence, or the sentence in a long evidence span."""
    return evidence in sentence or (len(sentence) > 30 and sentence in evidence)


def police_rows() -> Iterator[Row]:
    kept = []
    for line in (POLICE / "sents.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        raw = set(row["sent_labels"])
        labels = {POLICE_TYPES[x] for x in raw if x in POLICE_TYPES}
        if raw and not labels and raw <= POLICE_UNTYPED:
            continue
        kept.append((row["sent_text"].strip(), frozenset(labels), row["doc_id"] % 3 == 0))
    docs = parse_paragraphs([text for text, _, _ in kept])
    for doc, (_, labels, held_back) in zip(docs, kept, strict=True):
        yield Row(classifier_text(doc[:]), doc.text, labels, "police", held_back)


def plover_rows() -> Iterator[Row]:
    items = [json.loads(line) for line in PLOVER.read_text("utf-8").splitlines() if line]
    docs = parse_paragraphs([item["text"] for item in items])
    for doc, item in zip(docs, items, strict=True):
        labels = frozenset(e["type"] for e in item["events"])
        yield Row(classifier_text(doc[:]), doc.text, labels, "plover", False)


def written_rows(pattern: str, held_back: bool) -> Iterator[Row]:
    rows = []
    for path in sorted(HERE.glob(pattern)):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                rows.append((item["text"], item["label"]))
    docs = parse_paragraphs([text for text, _ in rows])
    for doc, (_, label) in zip(docs, rows, strict=True):
        labels = frozenset() if label == NO_EVENT else frozenset({label})
        yield Row(classifier_text(doc[:]), doc.text, labels, "written", held_back)


def all_rows() -> list[Row]:
    return [
        *written_rows("examples_*.jsonl", False),
        *written_rows("heldout_*.jsonl", True),
        *page_rows(),
        *police_rows(),
        *plover_rows(),
    ]
