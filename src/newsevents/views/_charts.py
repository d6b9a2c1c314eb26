"""Aggregates over happenings for the dyad trend, the timeline and the actor network.

Each bucket, node and edge carries `params`: its filter written as query parameters.
The count is made by grouping the rows of one filter in Python; the params are that
filter narrowed by the same grouping (first day in the period, a whole actor code, a
pair of whole codes), so the rows a link opens are exactly the ones counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from newsevents.store import EventFilter, Store

COOPERATION, CONFLICT = (1, 2), (3, 4)


def bucket(day: date, period: str) -> tuple[date, date]:
    """The first and last day of the week (Monday first), month or year holding `day`."""
    if period == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    start = day.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following - timedelta(days=1)


_DATE_CHARS = {"month": 7, "year": 4}  # of "YYYY-MM-DD": what a period groups by in SQL


def _full_day(prefix: str) -> date:
    """The first day a date's prefix names: "2025-03" -> 2025-03-01, "2025" -> 2025-01-01."""
    return date.fromisoformat((prefix[:10] + "-01-01"[len(prefix) - 4 :])[:10])


def series(store: Store, where: EventFilter, *, period: str = "month") -> list[dict[str, Any]]:
    """Happenings per period of their first day: counts by quad class and type,
    cooperation and conflict, and the summed Goldstein score (the PLOVER/CAMEO
    cooperation-conflict scale). Undated happenings are counted by `undated`."""
    buckets: dict[date, dict[str, Any]] = {}
    chars = _DATE_CHARS.get(period)
    groups = store.happening_groups(
        "date_start", "quad_class", "type", where=where, date_chars=chars
    )
    for start_day, quad, kind, count, goldstein in groups:
        if not start_day:
            continue  # counted apart, by `undated`
        start = bucket(_full_day(str(start_day)), period)[0]
        entry = buckets.get(start)
        if entry is None:
            entry = buckets[start] = _empty(start, period)
        entry["quad_classes"][quad] += count
        entry["types"][kind] += count
        entry["score"] += goldstein or 0.0
    return [
        _row(buckets.get(start) or _empty(start, period), where)
        for start in _every_period(sorted(buckets), period)
    ]


def _row(entry: dict[str, Any], where: EventFilter) -> dict[str, Any]:
    quads: Counter[int] = entry["quad_classes"]
    narrowed = where.narrowed(
        starts_since=date.fromisoformat(entry["since"]),
        starts_until=date.fromisoformat(entry["until"]),
    )
    return entry | {
        "quad_classes": {str(q): quads[q] for q in (1, 2, 3, 4)},
        "types": dict(sorted(entry["types"].items())),
        "cooperation": sum(quads[q] for q in COOPERATION),
        "conflict": sum(quads[q] for q in CONFLICT),
        "total": sum(quads.values()),
        "score": round(entry["score"], 2),
        "params": narrowed.to_params(),
    }


def undated(store: Store, where: EventFilter) -> dict[str, Any]:
    """The happenings a time axis cannot place: how many, and the filter that lists them."""
    narrowed = where.narrowed(undated=True)
    return {"total": store.count_happenings(narrowed), "params": narrowed.to_params()}


def _empty(start: date, period: str) -> dict[str, Any]:
    return {
        "period": start.isoformat(),
        "since": start.isoformat(),
        "until": bucket(start, period)[1].isoformat(),
        "quad_classes": Counter(),
        "types": Counter(),
        "score": 0.0,
    }


def _every_period(starts: list[date], period: str, most: int = 2000) -> list[date]:
    """The periods from the first to the last, quiet ones included: a time axis without
    gaps (unless it would be absurdly long, when only the busy periods are kept)."""
    if not starts:
        return []
    filled: list[date] = []
    current = starts[0]
    while current <= starts[-1] and len(filled) <= most:
        filled.append(current)
        current = bucket(current, period)[1] + timedelta(days=1)
    return filled if len(filled) <= most else starts


def network(store: Store, where: EventFilter, *, top: int = 30) -> dict[str, Any]:
    """The `top` actors by happenings they take part in (by whole code) and the edges
    between them (happenings of exactly that pair, either direction), weighted by count
    and coloured by their most frequent quad class."""
    groups = store.happening_groups("source_code", "target_code", "quad_class", where=where)
    degree: Counter[str] = Counter()
    edges: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    for source, target, quad, count, _ in groups:
        for code in {code for code in (source, target) if code}:
            degree[code] += count
        if source and target and source != target:
            edges[(min(source, target), max(source, target))][quad] += count
    linked = {code for pair in edges for code in pair}  # one acting alone is no node
    kept = {code for code, _ in degree.most_common() if code in linked}
    kept = set(sorted(kept, key=lambda c: (-degree[c], c))[:top])
    nodes = sorted(kept, key=lambda c: (-degree[c], c))
    return {
        "nodes": [
            {"code": c, "events": degree[c], "params": _with_code(where, c).to_params()}
            for c in nodes
        ],
        "edges": [
            {
                "a": a,
                "b": b,
                "events": sum(quads.values()),
                "quad_class": quads.most_common(1)[0][0],
                "quad_classes": {str(q): quads[q] for q in sorted(quads)},
                "params": where.narrowed(pair=(a, b)).to_params(),
            }
            for (a, b), quads in sorted(edges.items())
            if a in kept and b in kept
        ],
    }


def _with_code(where: EventFilter, code: str) -> EventFilter:
    return where.narrowed(codes=tuple(dict.fromkeys((*where.codes, code))))
