"""Keeping the happenings table in step with the mentions, and querying it.

Mentions merge only within one merge key (type and each side's country,
`stories.merge_key`), so a write re-merges exactly the keys it touched: the cost of a
batch depends on its keys, not on the size of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.engine import Connection

from newsevents.errors import InputError
from newsevents.store import _search
from newsevents.store._filter import SORTS, EventFilter
from newsevents.store._tables import MAGNITUDE_COLUMNS, actors, documents, events, happenings
from newsevents.stories import CanonicalEvent, merge_events

_CHUNK = 500  # keys per IN (...) clause, under every backend's parameter limit

_ORIGINAL = documents.alias("original")  # a copy's source is its original's outlet
_SOURCE, _TARGET = actors.alias("source_actor"), actors.alias("target_actor")
_MENTION_COLUMNS = (
    events.c.id.label("event_id"),
    events.c.doc_id,
    documents.c.duplicate_of,
    documents.c.published_at,
    documents.c.url,
    _ORIGINAL.c.url.label("original_url"),
    documents.c.story_id,
    events.c.type,
    events.c.mode,
    events.c.modality,
    events.c.source_code,
    events.c.source_text,
    events.c.source_country,
    events.c.target_code,
    events.c.target_text,
    events.c.target_country,
    events.c.date_start,
    events.c.date_end,
    events.c.confidence,
    events.c.happening_id,
    events.c.place_name,
    events.c.place_country,
    events.c.place_lat,
    events.c.place_lon,
    events.c.place_confidence,
    events.c.sentence,
    *(events.c[kind] for kind in MAGNITUDE_COLUMNS),
    _SOURCE.c.name.label("source_actor_name"),
    _TARGET.c.name.label("target_actor_name"),
)


def remerge(connection: Connection, keys: Iterable[str]) -> None:
    """Merge again every mention of these keys and replace their happenings."""
    wanted = sorted(set(keys))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = (
            select(*_MENTION_COLUMNS)
            .select_from(
                events.join(documents, documents.c.id == events.c.doc_id)
                .outerjoin(_ORIGINAL, _ORIGINAL.c.id == documents.c.duplicate_of)
                .outerjoin(_SOURCE, _SOURCE.c.id == events.c.source_actor_id)
                .outerjoin(_TARGET, _TARGET.c.id == events.c.target_actor_id)
            )
            .where(events.c.merge_key.in_(chunk))
        )
        mentions = [dict(row._mapping) for row in connection.execute(query)]
        merged = merge_events(mentions)
        replaced = select(happenings.c.id).where(happenings.c.merge_key.in_(chunk))
        _search.unindex(connection, connection.scalars(replaced))
        connection.execute(delete(happenings).where(happenings.c.merge_key.in_(chunk)))
        if not merged:
            continue
        columns = [c.name for c in happenings.columns if c.name != "sort_key"]
        connection.execute(
            happenings.insert(),
            [
                {name: getattr(m, name) for name in columns} | {"sort_key": sort_key(m)}
                for m in merged
            ],
        )
        _search.index(connection, _texts(merged, mentions))  # keyed by the new rows
        before = {row["event_id"]: row["happening_id"] for row in mentions}
        links = [
            {"mention": e, "happening": m.id}
            for m in merged
            for e in m.mentions
            if before.get(e) != m.id
        ]
        if links:  # only mentions whose happening changed are written
            connection.execute(
                update(events)
                .where(events.c.id == bindparam("mention"))
                .values(happening_id=bindparam("happening")),
                links,
            )


def _texts(merged: list[CanonicalEvent], mentions: list[dict[str, Any]]) -> list[dict[str, str]]:
    """What a search finds a happening by: its actors' names and its sentences."""
    said = {
        row["event_id"]: (row["sentence"], row["source_actor_name"], row["target_actor_name"])
        for row in mentions
    }
    texts = []
    for m in merged:
        parts = dict.fromkeys(p for e in m.mentions for p in said[e] if p)  # once each
        texts.append({"happening_id": m.id, "body": " ".join(parts)})
    return texts


def sort_key(happening: CanonicalEvent) -> str:
    """Oldest first, undated last, then by id: one string any index can order."""
    day = happening.date_start.isoformat() if happening.date_start else "9999-12-31"
    return f"{day}|{happening.id}"


def unmerged_keys(connection: Connection) -> set[str]:
    """Keys with a mention not yet in a happening (rows stored before happenings were)."""
    query = select(events.c.merge_key).where(events.c.happening_id.is_(None)).distinct()
    return {key for key in connection.scalars(query) if key}


def names_actor(actor: str, codes: tuple[Any, ...], names: tuple[Any, ...]) -> Any:
    """A code that starts with `actor`, or a name that contains it, taken literally.

    An upper-case word ("VEN", "USAGOV") is a code and is matched through the code
    indexes alone; anything else is looked for in the names as well.
    """
    by_code = [code_prefix(code, actor.upper()) for code in codes]
    if actor.isalpha() and actor.isupper():
        return or_(*by_code)
    needle = "%" + contains_pattern(actor.lower()) + "%"
    return or_(*by_code, *(func.lower(name).like(needle, escape="\\") for name in names))


def code_prefix(column: Any, prefix: str) -> Any:
    """`column` starts with `prefix`, as a range an index can serve (LIKE cannot, on
    SQLite): "VEN" <= code < "VEO"."""
    if not prefix:
        return column.is_not(None)
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < following)


def contains_pattern(text: str) -> str:
    """`text` escaped for LIKE, with backslash as the escape character."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def common_filters(query: Any, columns: Any, names: tuple[Any, Any], where: EventFilter) -> Any:
    """The filters mentions (events) and happenings share: both tables name these
    columns alike; `names` are the columns holding each side's name."""
    sides = (columns.source_code, columns.target_code)
    if where.actor:
        query = query.where(names_actor(where.actor, sides, names))
    for code in where.codes:
        query = query.where(or_(*(side == code for side in sides)))
    if where.type:
        query = query.where(columns.type == where.type.upper())
    if where.since:
        query = query.where(func.coalesce(columns.date_end, columns.date_start) >= where.since)
    if where.until:
        query = query.where(columns.date_start <= where.until)
    if where.country:
        code = where.country.upper()
        query = query.where(or_(columns.source_country == code, columns.target_country == code))
    if where.min_killed is not None:  # 0 keeps the happenings that state a toll at all
        query = query.where(columns.killed >= where.min_killed)
    return query


def _pair(source: Any, target: Any, dyad: tuple[str, ...], exact: bool) -> Any:
    """Happenings between the two actors, either direction: whole codes or prefixes."""
    a, b = (side.upper() for side in dyad)
    if exact:
        return or_((source == a) & (target == b), (source == b) & (target == a))
    return or_(
        code_prefix(source, a) & code_prefix(target, b),
        code_prefix(source, b) & code_prefix(target, a),
    )


def filtered(query: Any, where: EventFilter) -> Any:
    """Happenings matching the filter every listing, chart and download shares."""
    h = happenings.c
    query = common_filters(query, h, (h.source_name, h.target_name), where)
    if where.quad_class:
        query = query.where(h.quad_class == where.quad_class)
    if where.starts_since:
        query = query.where(h.date_start >= where.starts_since)
    if where.starts_until:
        query = query.where(h.date_start <= where.starts_until)
    if where.undated:
        query = query.where(h.date_start.is_(None))
    if where.modalities:
        query = query.where(h.modality == where.modalities)
    if where.min_sources:
        query = query.where(h.num_sources >= where.min_sources)
    if where.dyad:
        query = query.where(_pair(h.source_code, h.target_code, where.dyad, exact=False))
    if where.pair:
        query = query.where(_pair(h.source_code, h.target_code, where.pair, exact=True))
    if where.happening_id:
        query = query.where(h.id == where.happening_id)
    if where.story:
        query = query.where(h.story_id == where.story)
    if where.place:
        query = query.where(h.place_country == where.place.upper())
    if where.place_name:
        query = query.where(h.place_name == where.place_name)
    if where.q:
        query = query.where(_search.matches(where.q))
    return query


_SORT_COLUMNS = {"sources": "num_sources", "mentions": "num_mentions", "confidence": "confidence"}


def ordering(sort: str) -> list[Any]:
    """ORDER BY terms for one of SORTS; the date order breaks every tie."""
    h = happenings.c
    if sort == "date":
        return [h.sort_key]
    if sort == "-date":  # undated happenings sort as 9999-12-31: keep them last
        return [h.date_start.is_(None), h.sort_key.desc()]
    if sort in _SORT_COLUMNS:
        return [h[_SORT_COLUMNS[sort]].desc(), h.sort_key]
    raise InputError(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")


def matching_ids(where: EventFilter) -> Any:
    """The ids of the happenings the filter keeps, as a subquery (for mentions)."""
    return filtered(select(happenings.c.id), where)
