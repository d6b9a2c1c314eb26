"""Precision, recall and F1 of coded events against gold, as `newsevents evaluate` reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsevents.evaluate._gold import GoldEvent, GoldItem, load_gold
from newsevents.evaluate._place import admin1_right, country_right
from newsevents.model import MAGNITUDE_KINDS, Document, Event, Magnitude

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline

CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
MEASURES = ("type", "type_actors", "type_actors_sectors")
INTERVAL_LEVEL = 0.95


@dataclass(slots=True)
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def total(cls, units: Iterable[Scores]) -> Scores:
        result = cls()
        for unit in units:
            _count(result, unit.tp, unit.tp + unit.fn, unit.tp + unit.fp)
        return result

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Report:
    per_type: dict[str, Scores] = field(default_factory=dict)
    modality: Counter[bool] = field(default_factory=Counter)
    dates: Counter[bool] = field(default_factory=Counter)
    # On matched events, each side the gold scores: is the country (sector) right?
    source_country: Counter[bool] = field(default_factory=Counter)
    target_country: Counter[bool] = field(default_factory=Counter)
    sector: Counter[bool] = field(default_factory=Counter)
    # On matched events whose gold has a location: the place's country, its division.
    place_country: Counter[bool] = field(default_factory=Counter)
    place_admin1: Counter[bool] = field(default_factory=Counter)
    # On matched events whose gold states figures, per kind: "right" (within the gold's
    # bounds, see `_figure_right`), "wrong" (outside them), "missed" (none found),
    # "spurious" (found, the gold states none); "unmatched" counts gold figures on
    # events the coder did not find.
    magnitudes: dict[str, Counter[str]] = field(default_factory=dict)
    # confidence bin -> counts of "events", "type" (right type) and "actors" (type+actors)
    reliability: dict[str, Counter[str]] = field(default_factory=dict)
    # per measure (MEASURES), each item's own counts: the totals below add them up, the
    # confidence intervals resample them
    by_item: dict[str, list[Scores]] = field(default_factory=dict)
    items: int = 0
    events_gold: int = 0
    events_predicted: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)
    false_events: list[dict[str, str]] = field(default_factory=list)

    @property
    def type(self) -> Scores:
        return Scores.total(self.by_item.get("type", []))

    @property
    def type_actors(self) -> Scores:
        return Scores.total(self.by_item.get("type_actors", []))

    @property
    def type_actors_sectors(self) -> Scores:
        return Scores.total(self.by_item.get("type_actors_sectors", []))

    def as_dict(self) -> dict[str, object]:
        """The `--json` shape (keys fixed by the evaluation spec)."""
        return {
            "type": self.type.as_dict(),
            "type_actors": self.type_actors.as_dict(),
            "type_actors_sectors": self.type_actors_sectors.as_dict(),
            "modality_accuracy": _rate(self.modality),
            "date_accuracy": _rate(self.dates),
            "source_country_accuracy": _rate(self.source_country),
            "target_country_accuracy": _rate(self.target_country),
            "sector_accuracy": _rate(self.sector),
            "place_country_accuracy": _rate(self.place_country),
            "place_admin1_accuracy": _rate(self.place_admin1),
            "places_scored": sum(self.place_country.values()),
            "magnitude_accuracy": _magnitude_rate(self.magnitudes.values()),
            "magnitudes": {
                kind: dict(sorted(c.items())) | {"accuracy": _magnitude_rate([c])}
                for kind, c in sorted(self.magnitudes.items())
            },
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "reliability": {
                k: {
                    "events": c["events"],
                    "type_right": round(c["type"] / c["events"], 4),
                    "type_actors_right": round(c["actors"] / c["events"], 4),
                }
                for k, c in sorted(self.reliability.items())
            },
            "f1_intervals": {
                measure: list(f1_interval(self.by_item.get(measure, []))) for measure in MEASURES
            },
            "interval_level": INTERVAL_LEVEL,
            "items": self.items,
            "events_gold": self.events_gold,
            "events_predicted": self.events_predicted,
        }


def f1_interval(
    units: Sequence[Scores], level: float = INTERVAL_LEVEL, seed: int = 0
) -> tuple[float, float]:
    """A percentile bootstrap interval of F1 over independent units (articles, say):
    how far the figure could move on another sample of the same kind. On 20 articles it
    is wide, and a change inside it is no evidence. Seeded, so a report is repeatable."""
    if not units:
        return (0.0, 0.0)
    return _quantiles(_bootstrap_f1(units, _draws(len(units), seed)), level)


def f1_gain_interval(
    units: Sequence[Scores],
    baseline: Sequence[Scores],
    level: float = INTERVAL_LEVEL,
    seed: int = 0,
) -> tuple[float, float]:
    """A paired bootstrap interval of F1(units) - F1(baseline), two systems scored on the
    same units in the same order: a gain is evidence when the interval excludes 0."""
    if len(units) != len(baseline):
        raise ValueError("both systems must be scored on the same units")
    if not units:
        return (0.0, 0.0)
    draws = _draws(len(units), seed)
    return _quantiles(_bootstrap_f1(units, draws) - _bootstrap_f1(baseline, draws), level)


def _draws(count: int, seed: int, rounds: int = 1000) -> np.ndarray:
    """How often each of `count` units is drawn in each round of `count` draws with
    replacement."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(count, np.full(count, 1 / count), size=rounds)


def _bootstrap_f1(units: Sequence[Scores], draws: np.ndarray) -> np.ndarray:
    counts = np.array([(u.tp, u.fp, u.fn) for u in units], dtype=np.int64)
    tp, fp, fn = (draws @ counts).T
    denominator = 2 * tp + fp + fn
    return np.divide(2 * tp, denominator, out=np.zeros(len(draws)), where=denominator > 0)


def _quantiles(values: np.ndarray, level: float) -> tuple[float, float]:
    low, high = np.quantile(values, [(1 - level) / 2, (1 + level) / 2])
    return (round(float(low), 4), round(float(high), 4))


def _magnitude_rate(counters: Iterable[Counter[str]]) -> float | None:
    """Right figures over the gold figures of matched events and the spurious ones."""
    total = Counter[str]()
    for counter in counters:
        total.update(counter)
    scored = total["right"] + total["wrong"] + total["missed"] + total["spurious"]
    return round(total["right"] / scored, 4) if scored else None


def _rate(counter: Counter[bool]) -> float | None:
    total = counter[True] + counter[False]
    return round(counter[True] / total, 4) if total else None


def _side_ok(
    country: str | None,
    sector: str | None,
    countries: frozenset[str],
    sectors: frozenset[str],
    with_sectors: bool,
) -> bool:
    if countries and country not in countries:
        return False
    return not (with_sectors and sectors and sector not in sectors)


def _actors_ok(gold: GoldEvent, event: Event, with_sectors: bool) -> bool:
    source = event.source.actor if event.source else None
    target = event.target.actor if event.target else None
    return (
        gold.type == event.type
        and _side_ok(
            source.country if source else None,
            source.sector if source else None,
            gold.source_countries,
            gold.source_sectors,
            with_sectors,
        )
        and _side_ok(
            target.country if target else None,
            target.sector if target else None,
            gold.target_countries,
            gold.target_sectors,
            with_sectors,
        )
    )


def _unique(events: Sequence[Event]) -> list[Event]:
    """One event per (type, source code, target code): repeats in one article count once,
    with the largest figure of each kind any of them states (as a happening takes)."""
    seen: dict[tuple[str, str, str], Event] = {}
    figures: dict[tuple[str, str, str], dict[str, Magnitude]] = {}
    for event in events:
        key = (
            event.type,
            event.source.actor.code if event.source else "",
            event.target.actor.code if event.target else "",
        )
        if key not in seen or event.confidence > seen[key].confidence:
            seen[key] = event
        largest = figures.setdefault(key, {})
        for kind, figure in event.magnitudes.items():
            if kind not in largest or figure.value > largest[kind].value:
                largest[kind] = figure
    return [replace(event, magnitudes=figures[key]) for key, event in seen.items()]


def _fold_dyads(golds: list[GoldEvent], events: list[Event]) -> list[Event]:
    """A gold event with several actors on a side ("US and British forces must ...") is
    one event to its annotator and one event per pair to a dyadic coder. Once a pair is
    matched to it, the other pairs it covers and no other gold event claims are dropped,
    not counted as false events."""
    pairs = _pair(golds, events, lambda g, e: _actors_ok(g, e, False))
    matched = {id(e) for _, e in pairs}
    several = [g for g, _ in pairs if _several(g)]
    return [
        e for e in events if id(e) in matched or not any(_actors_ok(g, e, False) for g in several)
    ]


def _several(gold: GoldEvent) -> bool:
    """Whether a side lists more than one actor: of two countries, or of one country's
    two sectors ("the Capitol Police and the FBI" are USACOP, the senators USALEG)."""
    sides = (gold.source_countries, gold.target_countries, gold.source_sectors, gold.target_sectors)
    return any(len(side) > 1 for side in sides)


def _pair(
    golds: list[GoldEvent], events: list[Event], ok: Callable[[GoldEvent, Event], bool]
) -> list[tuple[GoldEvent, Event]]:
    """Greedy one-to-one matching, gold in order, most confident prediction first."""
    free = sorted(events, key=lambda e: -e.confidence)
    pairs = []
    for gold in golds:
        match = next((e for e in free if ok(gold, e)), None)
        if match is not None:
            free.remove(match)
            pairs.append((gold, match))
    return pairs


_SHORTEST_SENTENCE = 30  # an evidence span may hold a whole sentence, not a fragment


def _told_in(gold: GoldEvent, event: Event) -> bool:
    """Whether the event was coded from the sentence that holds the gold's evidence."""
    evidence, sentence = _plain(gold.evidence), _plain(event.sentence)
    if not evidence:
        return False
    return evidence in sentence or (len(sentence) > _SHORTEST_SENTENCE and sentence in evidence)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


def _count(scores: Scores, matched: int, gold: int, predicted: int) -> None:
    scores.tp += matched
    scores.fp += predicted - matched
    scores.fn += gold - matched


def _score_item(report: Report, item: GoldItem, events: list[Event]) -> None:
    golds = list({g.key: g for g in item.events or []}.values())
    predicted = _fold_dyads(golds, _unique(events))
    report.items += 1
    report.events_gold += len(golds)
    report.events_predicted += len(predicted)
    by_type = _pair(golds, predicted, lambda g, e: g.type == e.type)
    actors = _pair(golds, predicted, lambda g, e: _actors_ok(g, e, False))
    sectors = _pair(golds, predicted, lambda g, e: _actors_ok(g, e, True))
    for measure, pairs in zip(MEASURES, (by_type, actors, sectors), strict=True):
        own = Scores()
        _count(own, len(pairs), len(golds), len(predicted))
        report.by_item.setdefault(measure, []).append(own)
    gold_types, pred_types = Counter(g.type for g in golds), Counter(e.type for e in predicted)
    for kind in gold_types | pred_types:
        matched = min(gold_types[kind], pred_types[kind])
        _count(
            report.per_type.setdefault(kind, Scores()), matched, gold_types[kind], pred_types[kind]
        )
    # Modality, date, place and figures are judged on the best pairing available: the
    # event of that type coded from the gold's evidence, else by actors, else by type.
    paired = dict(_pair(golds, predicted, lambda g, e: g.type == e.type and _told_in(g, e)))
    for pairs in (actors, by_type):
        paired.update({g: e for g, e in pairs if g not in paired and e not in paired.values()})
    for gold, event in paired.items():
        if gold.modality:
            report.modality[event.modality == gold.modality] += 1
        if gold.date_start or gold.date_end:
            report.dates[_overlaps(gold, event)] += 1
        _score_sides(report, gold, event)
        _score_place(report, gold, event)
        _score_magnitudes(report, gold, event)
    for gold in golds:
        if gold not in paired:
            for kind in gold.magnitudes or {}:
                report.magnitudes.setdefault(kind, Counter())["unmatched"] += 1
    right_type = {id(e) for _, e in by_type}
    right_actors = {id(e) for _, e in actors}
    for event in predicted:
        low = max(b for b in CONFIDENCE_BINS if b <= event.confidence)
        high = min(b for b in CONFIDENCE_BINS if b > event.confidence)
        counts = report.reliability.setdefault(f"{low:.1f}-{min(high, 1.0):.1f}", Counter())
        counts["events"] += 1
        counts["type"] += id(event) in right_type
        counts["actors"] += id(event) in right_actors
    matched_golds = {id(g) for g, _ in by_type}
    report.misses += [
        {"item": item.id, "type": g.type, "evidence": g.evidence}
        for g in golds
        if id(g) not in matched_golds
    ]
    matched_events = {id(e) for _, e in by_type}
    report.false_events += [
        {
            "item": item.id,
            "type": e.type,
            "source": e.source.actor.code if e.source else "",
            "target": e.target.actor.code if e.target else "",
            "sentence": e.sentence,
        }
        for e in predicted
        if id(e) not in matched_events
    ]


def _score_sides(report: Report, gold: GoldEvent, event: Event) -> None:
    for side, countries, sectors, counter in (
        ("source", gold.source_countries, gold.source_sectors, report.source_country),
        ("target", gold.target_countries, gold.target_sectors, report.target_country),
    ):
        mention = getattr(event, side)
        actor = mention.actor if mention else None
        if countries:
            counter[actor is not None and actor.country in countries] += 1
        if sectors:
            report.sector[actor is not None and actor.sector in sectors] += 1


def _score_place(report: Report, gold: GoldEvent, event: Event) -> None:
    if gold.location is None:
        return
    for judge, counter in (
        (country_right, report.place_country),
        (admin1_right, report.place_admin1),
    ):
        verdict = judge(gold.location, event.place)
        if verdict is not None:
            counter[verdict] += 1


def _score_magnitudes(report: Report, gold: GoldEvent, event: Event) -> None:
    if gold.magnitudes is None:
        return
    for kind in MAGNITUDE_KINDS:
        stated, found = gold.magnitudes.get(kind), event.magnitudes.get(kind)
        if stated is None and found is None:
            continue
        if stated is None:
            verdict = "spurious"
        elif found is None:
            verdict = "missed"
        else:
            verdict = "right" if _figure_right(found, *stated) else "wrong"
        report.magnitudes.setdefault(kind, Counter())[verdict] += 1


def _figure_right(found: Magnitude, low: int | None, high: int | None) -> bool:
    """The figure counted lies within the gold bounds. "More than 2,500" is a lower
    bound either way, whether its annotator wrote min 2,500 or 2,501."""
    if (low is None or found.value >= low) and (high is None or found.value <= high):
        return True
    if high is not None or found.high is not None or found.low is None or low is None:
        return False
    return abs(found.low - low) <= 1


def _overlaps(gold: GoldEvent, event: Event) -> bool:
    start, end = event.date.start, event.date.end or event.date.start
    if start is None or end is None:
        return False
    return (gold.date_end is None or start <= gold.date_end) and (
        gold.date_start is None or end >= gold.date_start
    )


def score(items: Sequence[GoldItem], documents: Sequence[Document]) -> Report:
    """Score coded documents (in item order) against their gold items."""
    report = Report()
    for item, document in zip(items, documents, strict=True):
        if item.events is not None:
            _score_item(report, item, document.events)
    return report


def code_items(items: Sequence[GoldItem], pipeline: Pipeline | None = None) -> list[Document]:
    """Code gold items with the pipeline; an item that fails scores as "no events"."""
    from newsevents.ingest import document_from_text
    from newsevents.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    documents = [document_from_text(i.text, f"gold:{n}", i.published) for n, i in enumerate(items)]
    done, _ = pipeline.process_documents(documents)
    coded = {d.origin: d for d in done}
    return [coded.get(d.origin, d) for d in documents]


def evaluate_gold(path: Path, code: Callable[[list[GoldItem]], list[Document]]) -> Report:
    """Load a gold file, code its items with `code` and score the result."""
    items = load_gold(path)
    return score(items, code(items))
