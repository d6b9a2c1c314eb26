"""Full-text search over happenings: their actors' names and their mentions' sentences.

The table (`happening_text`) is SQLite FTS5 or, on PostgreSQL, text with a GIN index
on its tsvector (migration 0010). A search is words, each matched as a prefix
("venez" finds Venezuela), all of them required.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    literal_column,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import NullType

from newsevents.errors import InputError
from newsevents.store._tables import happenings

MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+")

# Not in the store's `metadata`: on SQLite it is a virtual table Alembic cannot compare.
happening_text = Table(
    "happening_text",
    MetaData(),
    Column("rowid", Integer),  # SQLite: the happening's rowid
    Column("happening_id", String(32)),
    Column("body", Text),
)
_ROWID: Any = literal_column("happening_text.rowid")


def words(query: str) -> str:
    """The words of a search, lower-cased and space-separated (what both backends take)."""
    found = _WORD.findall(query.lower())[:MAX_WORDS]
    if not found:
        raise InputError(f"q: {query!r} has no word to search for")
    return " ".join(found)


class _Matches(FunctionElement[bool]):
    """Happenings whose text has every word (as a prefix). On SQLite the search table's
    rowid is the happening's, so the match joins on integers, not on text ids."""

    # A bare predicate, not a Boolean: SQLite would compare a Boolean with 1.
    type = NullType()  # type: ignore[assignment]
    name = "matches_text"
    inherit_cache = True


@compiles(_Matches, "sqlite")
def _fts5(element: _Matches, compiler: Any, **kw: Any) -> str:
    spoken = compiler.process(element.clauses, **kw)  # 'a b' -> '"a"* "b"*'
    return (
        "happenings.rowid IN (SELECT rowid FROM happening_text WHERE happening_text MATCH "
        f"('\"' || replace({spoken}, ' ', '\"* \"') || '\"*'))"
    )


@compiles(_Matches, "postgresql")
def _tsquery(element: _Matches, compiler: Any, **kw: Any) -> str:
    spoken = compiler.process(element.clauses, **kw)  # 'a b' -> 'a:* & b:*'
    return (
        "happenings.id IN (SELECT happening_id FROM happening_text WHERE "
        "to_tsvector('simple', happening_text.body) @@ "
        f"to_tsquery('simple', replace({spoken}, ' ', ':* & ') || ':*'))"
    )


def matches(query: str) -> Any:
    """A WHERE clause on `happenings`: the happenings whose text matches."""
    return _Matches(bindparam(None, words(query), type_=Text()))


def _rowids(connection: Connection, ids: Iterable[str]) -> list[int]:
    wanted = list(ids)
    query: Any = select(literal_column("rowid")).select_from(happenings)
    return list(connection.scalars(query.where(happenings.c.id.in_(wanted)))) if wanted else []


def unindex(connection: Connection, ids: Iterable[str]) -> None:
    """Forget these happenings' text (before they are deleted or written anew)."""
    gone = list(ids)
    if not gone:
        return
    if connection.dialect.name == "sqlite":
        rows = _rowids(connection, gone)
        if rows:
            connection.execute(delete(happening_text).where(_ROWID.in_(rows)))
    else:
        connection.execute(delete(happening_text).where(happening_text.c.happening_id.in_(gone)))


def index(connection: Connection, rows: Sequence[dict[str, str]]) -> None:
    """Add stored happenings' text: `happening_id` and `body` (names and sentences)."""
    if not rows:
        return
    ids = [r["happening_id"] for r in rows]
    if connection.dialect.name != "sqlite":  # a row a hand-made delete left goes first
        connection.execute(delete(happening_text).where(happening_text.c.happening_id.in_(ids)))
        connection.execute(happening_text.insert(), list(rows))
        return
    query = select(literal_column("rowid"), happenings.c.id).where(happenings.c.id.in_(ids))
    rowid = {happening: number for number, happening in connection.execute(query)}
    # A rowid freed by a delete is used again: whatever text it held goes first.
    connection.execute(delete(happening_text).where(_ROWID.in_(list(rowid.values()))))
    connection.execute(
        happening_text.insert(), [r | {"rowid": rowid[r["happening_id"]]} for r in rows]
    )
