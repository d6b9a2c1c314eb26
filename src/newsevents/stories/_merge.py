"""Merge event mentions across articles into canonical events with their counts.

Two mentions are one happening when they have the same type, source and target codes
and either come from the same independent source (one article and its copies) with
compatible dates, or from different sources with known dates no further apart than a
window. A copy (exact, syndicated, near or reworded) is not an independent source:
it adds an article and mentions, never a source; nor is a second article of the same
outlet (the host of the original's URL).

Codes are compatible when they are equal or one is the bare country of the other (USA
and USAGOV): mentions are keyed by type and each side's country (`merge_key`), and a
code pair whose only more specific pair in its key is one pair joins it, so "Venezuela
accused the United States" and "... accused Washington" are one happening, coded
USAGOV. A bare USA next to both USAGOV and USAMIL stays on its own: it cannot say which.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from newsevents.model import MAGNITUDE_KINDS, stable_id
from newsevents.plover import cameo_for, quad_class

DEFAULT_WINDOW_DAYS = 7  # reports of one happening rarely date it further apart
_MODALITY_ORDER = ("asserted", "reported", "future", "demanded", "hypothetical", "negated")


@dataclass(slots=True)
class CanonicalEvent:
    """One happening, with every mention that reports it."""

    id: str
    merge_key: str
    type: str
    mode: str | None
    quad_class: int
    goldstein: float
    modality: str
    source_code: str | None
    source_name: str | None
    source_country: str | None
    target_code: str | None
    target_name: str | None
    target_country: str | None
    date_start: date | None
    date_end: date | None
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: date | None
    last_seen: date | None
    confidence: float
    story_id: str | None = None  # the story of the first report
    place_name: str | None = None  # the most confidently placed report's place
    place_country: str | None = None
    place_lat: float | None = None
    place_lon: float | None = None
    # The largest figure any mention states (reports of one happening that differ
    # are mostly earlier and later counts: the later, larger toll stands).
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    displaced: int | None = None
    crowd: int | None = None
    mentions: list[str] = field(default_factory=list)  # event ids, the evidence

    def as_row(self) -> dict[str, Any]:
        row = {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


_COUNTRY_LENGTH = 3  # a code starts with its ISO3 country ("USAGOV"), or is one ("USA")


def merge_key(kind: str, source_code: str | None, target_code: str | None) -> str:
    """Mentions can only merge within one key: same type and, on each side, the same
    country (the code's first three letters), so that USA and USAGOV meet."""
    source, target = (source_code or "")[:_COUNTRY_LENGTH], (target_code or "")[:_COUNTRY_LENGTH]
    return f"{kind}|{source}|{target}"


def _refines(code: str, general: str) -> bool:
    """`code` says what `general` says, or more: equal, or `general` is its bare country."""
    return code == general or (len(general) == _COUNTRY_LENGTH and code.startswith(general))


def _pair(row: dict[str, Any]) -> tuple[str, str]:
    return row.get("source_code") or "", row.get("target_code") or ""


def _specific_pairs(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Each code pair of one key -> the pair its mentions merge under: the one most
    specific pair that refines it on both sides, or itself when there are none or several."""
    refiners = {
        pair: {
            other
            for other in pairs
            if other != pair and _refines(other[0], pair[0]) and _refines(other[1], pair[1])
        }
        for pair in pairs
    }
    chosen = {}
    for pair, above in refiners.items():
        most = [other for other in above if not refiners[other]]
        chosen[pair] = most[0] if len(most) == 1 else pair
    return chosen


def _day(value: object) -> date | None:
    if isinstance(value, date):  # rows from the database already hold dates
        return value
    return date.fromisoformat(str(value)[:10]) if value else None


def _interval(row: dict[str, Any]) -> tuple[date | None, date | None]:
    start = _day(row.get("date_start"))
    return start, _day(row.get("date_end")) or start


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
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(mentions):
        by_key[merge_key(row["type"], row.get("source_code"), row.get("target_code"))].append(index)
    groups = _Groups(len(mentions))
    for indices in by_key.values():
        for compatible in _by_specific_pair(mentions, indices):
            _link(mentions, compatible, groups, timedelta(days=window_days))
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(mentions)):
        members[groups.find(index)].append(index)
    merged = [_canonical([mentions[i] for i in indices]) for indices in members.values()]
    return sorted(merged, key=lambda e: (e.date_start or date.max, e.id))


def _by_specific_pair(mentions: list[dict[str, Any]], indices: list[int]) -> list[list[int]]:
    """One key's mentions in groups of compatible codes (`_specific_pairs`), in order."""
    chosen = _specific_pairs({_pair(mentions[i]) for i in indices})
    grouped: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in indices:
        grouped[chosen[_pair(mentions[i])]].append(i)
    return list(grouped.values())


def _link(
    mentions: list[dict[str, Any]], indices: list[int], groups: _Groups, window: timedelta
) -> None:
    """Union the mentions of one key that report one happening, in O(n log n).

    Dated mentions chain when their intervals (widened by the window) overlap: a sweep
    in start order finds the same components as comparing every pair. An undated
    mention can only be matched within its own source, so a source with one undated
    mention has all its mentions of this key joined.
    """
    dated: list[tuple[date, date, int]] = []
    by_source: dict[str, list[int]] = defaultdict(list)
    undated_sources: set[str] = set()
    for i in indices:
        start, end = _interval(mentions[i])
        by_source[_source(mentions[i])].append(i)
        if start is None or end is None:
            undated_sources.add(_source(mentions[i]))
        else:
            dated.append((start, end, i))
    dated.sort()
    reach: date | None = None
    previous = -1
    for start, end, i in dated:
        if reach is not None and start <= reach + window:
            groups.union(previous, i)
        reach = end if reach is None or previous < 0 or start > reach + window else max(reach, end)
        previous = i
    for source in undated_sources:
        first, *rest = by_source[source]
        for i in rest:
            groups.union(first, i)


def _source(row: dict[str, Any]) -> str:
    """The article a mention comes from, or the article it copies."""
    return str(row.get("duplicate_of") or row["doc_id"])


def _outlet(row: dict[str, Any]) -> str:
    """The independent source of a mention: the site that published the original
    article (two articles of one outlet are one source), else the original article."""
    url = row.get("original_url") or (None if row.get("duplicate_of") else row.get("url"))
    host = urlsplit(str(url)).hostname if url else None
    return host.removeprefix("www.") if host else _source(row)


def _most_common(values: Iterable[str | None]) -> str | None:
    present = [v for v in values if v]
    if len(set(present)) <= 1:  # the usual case, a happening told once: no counting
        return present[0] if present else None
    return Counter(present).most_common(1)[0][0]


def _most_specific(codes: Iterable[str | None]) -> str | None:
    """The code of a happening: the longest of its mentions' compatible codes (USAGOV
    over USA), the same whichever mention came first."""
    return max((c for c in codes if c), key=lambda c: (len(c), c), default=None)


def _best_place(rows: list[dict[str, Any]]) -> dict[str, Any]:
    placed = [r for r in rows if r.get("place_name")]
    if not placed:
        return {}
    best = max(placed, key=lambda r: (float(r.get("place_confidence") or 0), r["event_id"]))
    return {k: best.get(k) for k in ("place_name", "place_country", "place_lat", "place_lon")}


def _largest_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        kind: max((int(r[kind]) for r in rows if r.get(kind) is not None), default=None)
        for kind in MAGNITUDE_KINDS
    }


def _canonical(rows: list[dict[str, Any]]) -> CanonicalEvent:
    starts = [s for s, _ in map(_interval, rows) if s]
    ends = [e for _, e in map(_interval, rows) if e]
    seen = [d for d in (_day(r.get("published_at")) for r in rows) if d]
    # The first report names the happening: its id stays put as later reports join.
    first = min(rows, key=lambda r: (str(r.get("published_at") or "9999"), r["event_id"]))
    mode = _most_common(r.get("mode") for r in rows)
    cameo, goldstein = cameo_for(first["type"], mode)
    modalities = Counter(r.get("modality") or "asserted" for r in rows)
    modality = max(  # the most reported; on a tie, the more certain one
        modalities,
        key=lambda m: (modalities[m], -_MODALITY_ORDER.index(m) if m in _MODALITY_ORDER else -99),
    )
    return CanonicalEvent(
        id=stable_id("happening", first["event_id"]),
        merge_key=merge_key(first["type"], first.get("source_code"), first.get("target_code")),
        type=first["type"],
        mode=mode,
        quad_class=quad_class(cameo),
        goldstein=goldstein,
        modality=modality,
        source_code=_most_specific(r.get("source_code") for r in rows),
        source_name=_most_common(r.get("source_text") for r in rows),
        source_country=first.get("source_country"),
        target_code=_most_specific(r.get("target_code") for r in rows),
        target_name=_most_common(r.get("target_text") for r in rows),
        target_country=first.get("target_country"),
        date_start=min(starts, default=None),
        date_end=max(ends, default=None),
        num_mentions=len(rows),
        num_articles=len({r["doc_id"] for r in rows}),
        num_sources=len({_outlet(r) for r in rows}),
        first_seen=min(seen, default=None),
        last_seen=max(seen, default=None),
        confidence=max(float(r.get("confidence") or 0) for r in rows),
        story_id=first.get("story_id"),
        **_best_place(rows),
        **_largest_figures(rows),
        mentions=sorted(r["event_id"] for r in rows),
    )
