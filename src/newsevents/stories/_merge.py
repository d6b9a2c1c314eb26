"""Merge event mentions across articles into canonical events with their counts.

Two mentions are one happening when they have the same type, source and target codes
and either come from the same independent source (one article and its copies) with
compatible dates, or from different sources with known dates no further apart than a
window. A copy (exact, syndicated, near or reworded) is not an independent source:
it adds an article and mentions, never a source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsevents.model import stable_id

DEFAULT_WINDOW_DAYS = 7  # reports of one happening rarely date it further apart


@dataclass(slots=True)
class CanonicalEvent:
    """One happening, with every mention that reports it."""

    id: str
    type: str
    source_code: str | None
    target_code: str | None
    date_start: date | None
    date_end: date | None
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: date | None
    last_seen: date | None
    confidence: float
    mentions: list[str] = field(default_factory=list)  # event ids, the evidence

    def as_row(self) -> dict[str, Any]:
        row = {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _interval(row: dict[str, Any]) -> tuple[date | None, date | None]:
    start = _day(row.get("date_start"))
    return start, _day(row.get("date_end")) or start


def _close(a: dict[str, Any], b: dict[str, Any], window: timedelta, *, unknown_ok: bool) -> bool:
    (a_start, a_end), (b_start, b_end) = _interval(a), _interval(b)
    if a_start is None or b_start is None or a_end is None or b_end is None:
        return unknown_ok
    return a_start <= b_end + window and b_start <= a_end + window


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def merge_events(
    rows: Iterable[dict[str, Any]], *, window_days: int = DEFAULT_WINDOW_DAYS
) -> list[CanonicalEvent]:
    """Canonical events from flat event rows (`store.EVENT_COLUMNS`, copies included)."""
    mentions = list(rows)
    window = timedelta(days=window_days)
    by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(mentions):
        by_key[(row["type"], row.get("source_code") or "", row.get("target_code") or "")].append(
            index
        )
    groups = _Groups(len(mentions))
    for indices in by_key.values():
        for position, i in enumerate(indices):
            for j in indices[position + 1 :]:
                same_source = _source(mentions[i]) == _source(mentions[j])
                if _close(mentions[i], mentions[j], window, unknown_ok=same_source):
                    groups.union(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(mentions)):
        members[groups.find(index)].append(index)
    merged = [_canonical([mentions[i] for i in indices]) for indices in members.values()]
    return sorted(merged, key=lambda e: (e.date_start or date.max, e.id))


def _source(row: dict[str, Any]) -> str:
    """The independent source of a mention: its article, or the article it copies."""
    return str(row.get("duplicate_of") or row["doc_id"])


def _canonical(rows: list[dict[str, Any]]) -> CanonicalEvent:
    starts = [s for s, _ in map(_interval, rows) if s]
    ends = [e for _, e in map(_interval, rows) if e]
    seen = [d for d in (_day(r.get("published_at")) for r in rows) if d]
    first = min(rows, key=lambda r: (str(r.get("published_at") or ""), r["event_id"]))
    return CanonicalEvent(
        id=stable_id("canonical", *sorted(r["event_id"] for r in rows)),
        type=first["type"],
        source_code=first.get("source_code"),
        target_code=first.get("target_code"),
        date_start=min(starts, default=None),
        date_end=max(ends, default=None),
        num_mentions=len(rows),
        num_articles=len({r["doc_id"] for r in rows}),
        num_sources=len({_source(r) for r in rows}),
        first_seen=min(seen, default=None),
        last_seen=max(seen, default=None),
        confidence=max(float(r.get("confidence") or 0) for r in rows),
        mentions=[r["event_id"] for r in rows],
    )
