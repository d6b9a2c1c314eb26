"""How far two readers of the same pages agree, scored as `newsevents evaluate` scores
the coder: one annotation is the gold, the other's events stand in for the coder's.

    .venv/bin/python training/gold/agreement.py SECOND.jsonl [--reference pages.jsonl]

SECOND holds a second, independent annotation of some pages (ids and events, as
`pages.jsonl` lines; see README.md). Each of its events becomes one event per pair of
source and target actors it lists, as a dyadic coder would give them (the scorer folds
them back). Prints type, type+countries and type+countries+sectors F1 with their
intervals over pages, and the date agreement on matched events. F1 is symmetric but
for ties in the greedy matching: either file may be the reference.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product
from pathlib import Path

from newsevents.evaluate import MEASURES, GoldItem, f1_interval, score
from newsevents.evaluate._gold import _date, _event
from newsevents.model import Actor, ActorMention, Document, Event, EventDate

HERE = Path(__file__).resolve().parent


def _lines(path: Path) -> dict[str, dict[str, object]]:
    rows = (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    return {str(row["id"]): row for row in rows}


def _text(value: object) -> str | None:
    return str(value) if value else None


def _mention(side: dict[str, object] | None) -> ActorMention | None:
    if side is None:
        return None
    words = _text(side.get("text")) or ""
    actor = Actor(words, _text(side.get("country")), _text(side.get("sector")))
    return ActorMention(words, 0, 0, actor)


def as_events(page_id: str, raw_events: list[dict[str, object]]) -> list[Event]:
    """A reader's events as a dyadic coder's: one per (source, target) pair. Repeats
    are one event, as the gold's are (`GoldEvent.key`)."""
    events, seen = [], set()
    for raw in raw_events:
        if (key := _event(raw).key) in seen:
            continue
        seen.add(key)
        when = raw.get("date") if isinstance(raw.get("date"), dict) else {}
        assert isinstance(when, dict)
        sources = list(raw.get("source") or []) or [None]  # type: ignore[call-overload]
        targets = list(raw.get("target") or []) or [None]  # type: ignore[call-overload]
        for source, target in product(sources, targets):
            evidence = str(raw.get("evidence") or "")
            events.append(
                Event(
                    doc_id=page_id,
                    type=str(raw["type"]).upper(),
                    source=_mention(source),
                    target=_mention(target),
                    sentence=evidence,
                    sentence_start=0,
                    sentence_end=len(evidence),
                    trigger="",
                    trigger_start=0,
                    trigger_end=0,
                    modality=str(raw.get("modality") or "asserted"),
                    date=EventDate(_date(when.get("start")), _date(when.get("end"))),
                )
            )
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("second", type=Path)
    parser.add_argument("--reference", type=Path, default=HERE / "pages.jsonl")
    args = parser.parse_args()
    reference, second = _lines(args.reference), _lines(args.second)
    missing = sorted(set(second) - set(reference))
    if missing:
        print(f"not in {args.reference}: {', '.join(missing)}", file=sys.stderr)
        return 2
    items, documents = [], []
    for page_id, row in second.items():
        gold = reference[page_id]
        events = [_event(e) for e in gold["events"]]  # type: ignore[attr-defined]
        items.append(GoldItem(page_id, "", _date(gold.get("published")), events))
        document = Document(id=page_id, raw="")
        document.events = as_events(page_id, list(row["events"]))  # type: ignore[call-overload]
        documents.append(document)
    report = score(items, documents)
    print(
        f"{report.items} pages, {report.events_gold} events in the reference, "
        f"{report.events_predicted} in the second reading"
    )
    for measure in MEASURES:
        scores = getattr(report, measure)
        low, high = f1_interval(report.by_item[measure])
        print(
            f"{measure:20} P {scores.p:.3f}  R {scores.r:.3f}  F1 {scores.f1:.3f}"
            f"  ({low:.3f}-{high:.3f} over pages)"
        )
    flagged = [p for p in second if "political" in second[p]]
    same = sum(second[p]["political"] == reference[p].get("political") for p in flagged)
    if flagged:
        print(f"political or not: the readers agree on {same} of {len(flagged)} pages")
    dates = report.dates[True] + report.dates[False]
    if dates:
        print(f"dates agree on {report.dates[True]} of {dates} matched events dated by both")
    return 0


if __name__ == "__main__":
    sys.exit(main())
