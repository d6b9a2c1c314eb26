"""Full-text search over happenings: their actors' names and their mentions' sentences.

The table (`happening_text`) is SQLite FTS5 or, on PostgreSQL, text with a GIN index
on its tsvector (migration 0010). A search is words, each matched as a prefix
("venez" finds Venezuela), all of them required.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, Text, bindparam, delete, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import NullType

from newsevents.errors import InputError

MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+")

# Not in the store's `metadata`: on SQLite it is a virtual table Alembic cannot compare.
happening_text = Table(
    "happening_text",
    MetaData(),
    Column("happening_id", String(32)),
    Column("body", Text),
)


def words(query: str) -> str:
    """The words of a search, lower-cased and space-separated (what both backends take)."""
    found = _WORD.findall(query.lower())[:MAX_WORDS]
    if not found:
        raise InputError(f"q: {query!r} has no word to search for")
    return " ".join(found)


class _Matches(FunctionElement[bool]):
    """The search table's rows whose text has every word (as a prefix)."""

    type = NullType()  # a bare predicate: SQLite would compare a Boolean with 1
    name = "matches_text"
    inherit_cache = True


@compiles(_Matches, "sqlite")
def _fts5(element: _Matches, compiler: Any, **kw: Any) -> str:
    spoken = compiler.process(element.clauses, **kw)  # 'a b' -> '"a"* "b"*'
    return f"happening_text MATCH ('\"' || replace({spoken}, ' ', '\"* \"') || '\"*')"


@compiles(_Matches, "postgresql")
def _tsquery(element: _Matches, compiler: Any, **kw: Any) -> str:
    spoken = compiler.process(element.clauses, **kw)  # 'a b' -> 'a:* & b:*'
    return (
        "to_tsvector('simple', happening_text.body) @@ "
        f"to_tsquery('simple', replace({spoken}, ' ', ':* & ') || ':*')"
    )


def matching_ids(query: str) -> Any:
    """The ids of the happenings whose text matches, as a subquery."""
    found = _Matches(bindparam(None, words(query), type_=Text()))
    return select(happening_text.c.happening_id).where(found)


def unindex(connection: Connection, ids: Iterable[str]) -> None:
    gone = list(ids)
    if gone:
        connection.execute(delete(happening_text).where(happening_text.c.happening_id.in_(gone)))


def index(connection: Connection, rows: Sequence[dict[str, str]]) -> None:
    """Add happenings' text: `happening_id` and `body` (names and sentences)."""
    if rows:
        connection.execute(happening_text.insert(), list(rows))
