"""The event store: SQLite by default, PostgreSQL by URL; idempotent batch writes."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Engine,
    String,
    cast,
    create_engine,
    delete,
    event,
    func,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from newsevents.errors import StoreError
from newsevents.model import UNKNOWN, Document, Event, IngestError
from newsevents.store import _happenings, _stories
from newsevents.store._filter import EventFilter
from newsevents.store._retry import retry_transient
from newsevents.store._tables import (
    MAGNITUDE_COLUMNS,
    actors,
    documents,
    errors,
    events,
    happenings,
    stories,
)
from newsevents.stories import merge_key

logger = logging.getLogger(__name__)

_KEPT_WHEN_NULL = frozenset({"duplicate_of", "duplicate_kind", "duplicate_score", "story_id"})
_CHUNK = 500  # ids per IN (...) clause, under every backend's parameter limit

# One flat row per event: what `events`, `export` and the API print.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "url",
    "origin",
    "published_at",
    "duplicate_of",
    "date_start",
    "date_end",
    "date_granularity",
    "date_expression",
    "type",
    "mode",
    "modality",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "source_qid",
    "source_start",
    "source_end",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_qid",
    "target_start",
    "target_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "sentence_start",
    "sentence_end",
    "place_name",
    "place_start",
    "place_end",
    "place_basis",
    "place_confidence",
    "place_country",
    "place_admin1",
    "place_lat",
    "place_lon",
    "place_geonames_id",
    "place_feature",
    "place_admin1_name",
    "reported_by_text",
    "reported_by_code",
    "reported_by_start",
    "reported_by_end",
    *MAGNITUDE_COLUMNS,  # the figures counted; `magnitudes` has their words and bounds
    "magnitudes",
    "confidence",
    "coder_version",
    "happening_id",
)


# One row per happening: what `events`, `export` and the API list by default.
HAPPENING_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in happenings.columns if c.name != "sort_key"
)


_HAPPENING_ROWS = select(*(happenings.c[name] for name in HAPPENING_COLUMNS))


def _engine_url(url_or_path: str) -> str:
    if "://" not in url_or_path:
        return f"sqlite:///{Path(url_or_path).expanduser()}"
    if url_or_path.startswith("postgresql://") or url_or_path.startswith("postgres://"):
        return "postgresql+psycopg://" + url_or_path.split("://", 1)[1]
    return url_or_path


def _sqlite_pragmas(connection: Any, _record: object) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.close()


@contextmanager
def _migration_transaction(connection: Connection) -> Iterator[None]:
    """The whole migration in one transaction. On SQLite pysqlite would commit each DDL
    statement on its own (a kill would leave half a schema), and a batch migration
    copies a table and drops the old one, which with foreign keys on deletes the events
    of every document (ON DELETE CASCADE): they are off until it is done (the pragma
    only takes effect outside a transaction)."""
    if connection.dialect.name != "sqlite":
        with connection.begin():
            yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        connection.exec_driver_sql("BEGIN")
        yield
        connection.commit()
    finally:
        connection.rollback()  # nothing left to roll back once committed
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()


class Store:
    """A database of documents, actors, events and errors."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url_or_path: str, *, must_exist: bool = False) -> Store:
        """Open (and migrate to the latest schema) a SQLite file or a database URL.

        With `must_exist`, a SQLite file that is not there is an error rather than a new,
        empty database: commands that only read should not create one from a typo.
        """
        try:
            url = make_url(_engine_url(url_or_path))
            engine = create_engine(url)
        except (ArgumentError, NoSuchModuleError, ValueError) as exc:
            raise StoreError(
                f"Cannot open database {url_or_path!r}: {exc}; give a file path or a "
                "sqlite:/// or postgresql:// URL"
            ) from None
        if engine.dialect.name == "sqlite":
            database = url.database or ""
            if must_exist and database not in {"", ":memory:"} and not Path(database).exists():
                hint = f"create it with `newsevents run ... --db {database}`"
                raise StoreError(f"No database at {database}: {hint}")
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        store.migrate()
        store.merge_pending()
        return store

    @retry_transient
    def migrate(self) -> None:
        """Bring the schema to the latest Alembic revision."""
        config = Config()
        config.set_main_option(
            "script_location", str(resources.files("newsevents.store") / "migrations")
        )
        try:
            with self.engine.connect() as connection, _migration_transaction(connection):
                self._lock_writers(connection)  # runs starting together migrate in turn
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"Cannot open database {self._name}: {_reason(exc)}") from None

    @retry_transient
    def merge_pending(self) -> None:
        """Merge mentions that have no happening yet (stored before happenings existed)."""
        try:
            with self.engine.begin() as connection:
                self._lock_writers(connection)
                keys = _happenings.unmerged_keys(connection)
                if keys:
                    _happenings.remerge(connection, keys)
        except SQLAlchemyError as exc:
            raise StoreError(f"Cannot write to {self._name}: {_reason(exc)}") from None

    def rebuild_happenings(self) -> int:
        """Merge every mention again (after changing the merge rules); the happening count."""
        with self.engine.begin() as connection:
            self._lock_writers(connection)
            keys = set(connection.scalars(select(events.c.merge_key).distinct()))
            _happenings.remerge(connection, {k for k in keys if k})
            return connection.scalar(select(func.count()).select_from(happenings)) or 0

    @staticmethod
    def _lock_writers(connection: Connection) -> None:
        """One writer at a time on PostgreSQL: two runs re-merging one key at once would
        each miss the other's mentions. SQLite already serialises writers."""
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(7301)"))

    @property
    def _name(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------

    def known_documents(self, ids: Iterable[str], coder_version: str) -> set[str]:
        """Which of these documents are already stored, coded by this coder version."""
        wanted, known = list(ids), set()
        with self._connect() as connection:
            for start in range(0, len(wanted), _CHUNK):
                query = select(documents.c.id).where(
                    documents.c.id.in_(wanted[start : start + _CHUNK]),
                    documents.c.coder_version == coder_version,
                )
                known |= set(connection.scalars(query))
        return known

    @retry_transient
    def write_batch(
        self, docs: Sequence[Document], errs: Sequence[IngestError] = (), *, coder_version: str = ""
    ) -> None:
        """Store a batch in one transaction: upsert documents and actors, replace the
        documents' events, record errors and clear the errors of inputs now read."""
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as connection:
                self._lock_writers(connection)
                if docs:
                    self._upsert(
                        connection, documents, [_document_row(d, now, coder_version) for d in docs]
                    )
                    actor_rows = {
                        r["id"]: r for d in docs for e in d.events for r in _actor_rows(e)
                    }
                    self._upsert(connection, actors, list(actor_rows.values()))
                    _stories.assign_stories(connection, docs)
                    ids = [d.id for d in docs]
                    replaced = select(events.c.merge_key).where(events.c.doc_id.in_(ids))
                    keys = set(connection.scalars(replaced.distinct()))
                    connection.execute(delete(events).where(events.c.doc_id.in_(ids)))
                    rows = list({e.id: event_record(e) for d in docs for e in d.events}.values())
                    if rows:
                        connection.execute(events.insert(), rows)
                    _happenings.remerge(
                        connection, {k for k in keys if k} | {r["merge_key"] for r in rows}
                    )
                    origins = [d.origin for d in docs]
                    connection.execute(delete(errors).where(errors.c.origin.in_(origins)))
                error_rows = {e.id: _error_row(e, now) for e in errs}
                self._upsert(connection, errors, list(error_rows.values()))
        except SQLAlchemyError as exc:
            raise StoreError(f"Cannot write to {self._name}: {_reason(exc)}") from None

    def _upsert(self, connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table)
        update = {c.name: statement.excluded[c.name] for c in table.columns if c.name != "id"}
        for name in _KEPT_WHEN_NULL & set(update):
            # A document re-coded by a newer coder keeps the copy relation found before.
            update[name] = func.coalesce(statement.excluded[name], table.c[name])
        connection.execute(
            statement.on_conflict_do_update(index_elements=["id"], set_=update), rows
        )

    # -- reading --------------------------------------------------------------------

    def _connect(self) -> Connection:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"Cannot read {self._name}: {_reason(exc)}") from None

    def _event_query(self, where: EventFilter, **mention: Any) -> Any:
        query = select(*_row_columns()).select_from(
            events.join(documents, documents.c.id == events.c.doc_id)
            .outerjoin(_SOURCE_ACTOR, _SOURCE_ACTOR.c.id == events.c.source_actor_id)
            .outerjoin(_TARGET_ACTOR, _TARGET_ACTOR.c.id == events.c.target_actor_id)
        )
        return _filtered(query, where, **mention).order_by(
            events.c.date_start.is_(None), events.c.date_start, events.c.id
        )  # undated events last, on every backend

    def query_events(
        self,
        where: EventFilter | None = None,
        *,
        limit: int | None = 100,
        offset: int = 0,
        doc_id: str | None = None,
        event_id: str | None = None,
        include_duplicates: bool = False,
        **fields: Any,
    ) -> list[dict[str, Any]]:
        """Mentions as flat rows (EVENT_COLUMNS), oldest first, filtered: the fields
        mentions carry match their own row, the others their happening."""
        query = self._event_query(
            _where(where, fields),
            doc_id=doc_id,
            event_id=event_id,
            include_duplicates=include_duplicates,
        ).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._connect() as connection:
            return [_plain(row._mapping) for row in connection.execute(query)]

    def iter_event_rows(
        self, where: EventFilter | None = None, *, include_duplicates: bool = False, **fields: Any
    ) -> Iterator[dict[str, Any]]:
        """Every matching mention, streamed in chunks so memory stays flat."""
        query = self._event_query(_where(where, fields), include_duplicates=include_duplicates)
        with self._connect() as connection:
            result = connection.execution_options(yield_per=1000).execute(query)
            for row in result:
                yield _plain(row._mapping)

    # -- happenings -------------------------------------------------------------------

    def query_happenings(
        self,
        where: EventFilter | None = None,
        *,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "date",
        **fields: Any,
    ) -> list[dict[str, Any]]:
        """Canonical events (HAPPENING_COLUMNS), filtered, in a SORTS order (oldest
        first by default)."""
        query = _happenings.filtered(_HAPPENING_ROWS, _where(where, fields))
        query = query.order_by(*_happenings.ordering(sort)).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._connect() as connection:
            return [_plain(row._mapping) for row in connection.execute(query)]

    def iter_happenings(
        self, where: EventFilter | None = None, *, sort: str = "date", **fields: Any
    ) -> Iterator[dict[str, Any]]:
        """Every matching happening, streamed (downloads of a filtered view)."""
        query = _happenings.filtered(_HAPPENING_ROWS, _where(where, fields))
        query = query.order_by(*_happenings.ordering(sort))
        with self._connect() as connection:
            for row in connection.execution_options(yield_per=1000).execute(query):
                yield _plain(row._mapping)

    def iter_first_reports(
        self, where: EventFilter | None = None, **fields: Any
    ) -> Iterator[dict[str, Any]]:
        """One mention row per happening (its earliest-dated report), carrying the
        happening's counts: GDELT's shape, one event row with NumMentions,
        NumSources and NumArticles, rather than one row per article."""
        where = _where(where, fields)
        with self._connect() as connection:
            query = select(
                happenings.c.id,
                happenings.c.num_mentions,
                happenings.c.num_sources,
                happenings.c.num_articles,
            )
            query = _happenings.filtered(query, where)
            counts = {row.id: dict(row._mapping) for row in connection.execute(query)}
        for row in self.iter_event_rows(where, include_duplicates=True):
            counted = counts.pop(row.get("happening_id") or "", None)
            if counted is not None:  # later reports of a happening already written
                yield row | {k: v for k, v in counted.items() if k != "id"}

    def count_happenings(self, where: EventFilter | None = None, **fields: Any) -> int:
        """How many happenings the filter keeps: the total of a listing or of a bar."""
        query = select(func.count()).select_from(happenings)
        query = _happenings.filtered(query, _where(where, fields))
        with self._connect() as connection:
            return connection.scalar(query) or 0

    def happening_facts(
        self, *columns: str, where: EventFilter | None = None
    ) -> list[tuple[Any, ...]]:
        """Only the named columns of the matching happenings: what charts aggregate."""
        query = select(*(happenings.c[c] for c in columns))
        query = _happenings.filtered(query, where or EventFilter())
        with self._connect() as connection:
            return [tuple(row) for row in connection.execute(query)]

    def happening_groups(
        self, *columns: str, where: EventFilter | None = None, date_chars: int | None = None
    ) -> list[tuple[Any, ...]]:
        """The matching happenings grouped by the named columns: each group's values,
        its count and its Goldstein sum. With `date_chars`, `date_start` is cut to its
        first characters ("2025-03" for 7), so a chart's months are summed in SQL."""
        keys = [
            func.substr(cast(happenings.c[c], String), 1, date_chars)
            if c == "date_start" and date_chars
            else happenings.c[c]
            for c in columns
        ]
        query = select(*keys, func.count(), func.sum(happenings.c.goldstein)).group_by(*keys)
        query = _happenings.filtered(query, where or EventFilter())
        with self._connect() as connection:
            return [tuple(row) for row in connection.execute(query)]

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """The first-level division of each placed (country, place name), as the
        mentions recorded it: what a map point is labelled with."""
        e = events.c
        query = (
            select(e.place_country, e.place_name, func.max(e.place_admin1_name))
            .where(e.place_admin1_name.is_not(None))
            .group_by(e.place_country, e.place_name)
        )
        with self._connect() as connection:
            return {(c, n): a for c, n, a in connection.execute(query)}

    def mentions_of(self, happening_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The evidence of each happening: its mentions, with article and URL, copies too."""
        found: dict[str, list[dict[str, Any]]] = {h: [] for h in happening_ids}
        query = self._event_query(EventFilter(), include_duplicates=True)
        query = query.add_columns(documents.c.title)
        with self._connect() as connection:
            for start in range(0, len(happening_ids), _CHUNK):
                chunk = list(happening_ids[start : start + _CHUNK])
                for row in connection.execute(query.where(events.c.happening_id.in_(chunk))):
                    found[row.happening_id].append(_plain(row._mapping))
        return found

    def actor_counts(self, *, search: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Actor codes by the number of happenings they take part in, each named by its
        canonical names (the actor dictionary's, most used first), never as an article
        happened to call it ("he"). `search` matches a code prefix or a name."""
        totals: dict[str, dict[str, Any]] = {}
        with self._connect() as connection:
            names = _canonical_names(connection)
            for side in ("source", "target"):
                code = happenings.c[f"{side}_code"]
                country = func.max(happenings.c[f"{side}_country"])
                query = select(code, func.count(), country).where(code.is_not(None)).group_by(code)
                for actor_code, count, where in connection.execute(query):
                    entry = totals.setdefault(actor_code, _actor_entry(actor_code, names, where))
                    entry[f"as_{side}"] += count
        rows = list(totals.values())
        if search:
            needle = search.lower()
            rows = [
                r
                for r in rows
                if r["code"].lower().startswith(needle)
                or any(needle in name.lower() for name in r["names"])
            ]
        rows.sort(key=lambda r: (-(r["as_source"] + r["as_target"]), r["code"]))
        return rows[:limit]

    # -- stories ----------------------------------------------------------------------

    def query_stories(
        self,
        where: EventFilter | None = None,
        *,
        limit: int | None = 50,
        offset: int = 0,
        since: date | None = None,
        until: date | None = None,
        search: str | None = None,
        story_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stories, latest first, each with its number of happenings; with `where`,
        only the stories holding a happening it keeps."""
        query = select(*(c for c in stories.columns if c.name != "terms"))
        if since:
            query = query.where(func.coalesce(stories.c.last_seen, stories.c.first_seen) >= since)
        if until:
            query = query.where(stories.c.first_seen <= until)
        if search:
            needle = "%" + _happenings.contains_pattern(search.lower()) + "%"
            query = query.where(func.lower(stories.c.title).like(needle, escape="\\"))
        if story_id:
            query = query.where(stories.c.id == story_id)
        if where is not None and where != EventFilter():  # stories with a matching happening
            held = _happenings.filtered(select(happenings.c.story_id), where)
            query = query.where(stories.c.id.in_(held.where(happenings.c.story_id.is_not(None))))
        query = query.order_by(
            stories.c.last_seen.is_(None), stories.c.last_seen.desc(), stories.c.id
        ).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._connect() as connection:
            rows = [_plain(row._mapping) for row in connection.execute(query)]
            counted = select(happenings.c.story_id, func.count()).where(
                happenings.c.story_id.in_([r["id"] for r in rows])
            )
            grouped = connection.execute(counted.group_by(happenings.c.story_id)).all()
            sizes: dict[str, int] = {story: count for story, count in grouped}
        return [r | {"num_happenings": sizes.get(r["id"], 0)} for r in rows]

    def story_documents(self, story_id: str) -> list[dict[str, Any]]:
        """A story's articles, oldest first, without their text."""
        columns = [c for c in documents.columns if c.name not in {"text", "paragraphs", "removed"}]
        query = (
            select(*columns)
            .where(documents.c.story_id == story_id)
            .order_by(documents.c.published_at.is_(None), documents.c.published_at, documents.c.id)
        )
        with self._connect() as connection:
            return [_plain(row._mapping) for row in connection.execute(query)]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored article: clean text, paragraphs and how it was found."""
        query = select(documents).where(documents.c.id == doc_id)
        with self._connect() as connection:
            row = connection.execute(query).first()
        return _plain(row._mapping) if row else None

    def iter_paragraphs(self) -> Iterator[tuple[str, list[str]]]:
        """Every stored document's id and clean paragraphs, oldest first (to rebuild the
        duplicate index at the start of a run)."""
        query = select(documents.c.id, documents.c.paragraphs).order_by(
            documents.c.processed_at, documents.c.id
        )
        with self._connect() as connection:
            for row in connection.execution_options(yield_per=1000).execute(query):
                yield row.id, list(row.paragraphs)

    def copies(self) -> list[dict[str, Any]]:
        """Every stored copy and every copy a user released: id, origin, title, what it
        copies, kind and score, in the order they were stored."""
        query = (
            select(
                documents.c.id,
                documents.c.origin,
                documents.c.title,
                documents.c.duplicate_of,
                documents.c.duplicate_kind,
                documents.c.duplicate_score,
            )
            .where(documents.c.duplicate_kind.is_not(None))
            .order_by(documents.c.processed_at, documents.c.id)
        )
        with self._connect() as connection:
            return [_plain(row._mapping) for row in connection.execute(query)]

    def resolve_document_id(self, id_or_prefix: str) -> str:
        """The one stored document id equal to, or starting with, what a user typed."""
        if not id_or_prefix:
            raise StoreError("No document id given.")
        pattern = id_or_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = select(documents.c.id).where(documents.c.id.like(f"{pattern}%", escape="\\"))
        with self._connect() as connection:
            found = list(connection.scalars(query.limit(2)))
        if id_or_prefix in found or len(found) == 1:
            return id_or_prefix if id_or_prefix in found else found[0]
        if not found:
            raise StoreError(f"No stored document has the id {id_or_prefix!r}.")
        raise StoreError(f"{id_or_prefix!r} starts several document ids: give more of it.")

    @retry_transient
    def release_copy(self, doc_id: str) -> bool:
        """Mark a stored copy as no copy (kind "released", kept by later runs) and merge its
        events again, so they count. False when the document was not a copy."""
        try:
            with self.engine.begin() as connection:
                self._lock_writers(connection)
                released = connection.execute(
                    documents.update()
                    .where(documents.c.id == doc_id, documents.c.duplicate_of.is_not(None))
                    .values(duplicate_of=None, duplicate_kind="released")
                ).rowcount
                keys = connection.scalars(
                    select(events.c.merge_key).where(events.c.doc_id == doc_id).distinct()
                )
                if released:
                    _happenings.remerge(connection, {k for k in keys if k})
                return bool(released)
        except SQLAlchemyError as exc:
            raise StoreError(f"Cannot write to {self._name}: {_reason(exc)}") from None

    def counts(self) -> dict[str, int]:
        with self._connect() as connection:
            return {
                table.name: connection.scalar(select(func.count()).select_from(table)) or 0
                for table in (documents, actors, events, happenings, stories, errors)
            }

    def errors(self) -> list[dict[str, Any]]:
        with self._connect() as connection:
            rows = connection.execute(select(errors).order_by(errors.c.origin))
            return [_plain(row._mapping) for row in rows]


def _canonical_names(connection: Connection) -> dict[str, list[str]]:
    """Each code's dictionary names, the most used in events first."""
    used: dict[str, int] = {}
    for side in (events.c.source_actor_id, events.c.target_actor_id):
        for actor_id, count in connection.execute(select(side, func.count()).group_by(side)):
            if actor_id:
                used[actor_id] = used.get(actor_id, 0) + count
    named: dict[str, dict[str, int]] = {}
    for actor_id, code, name in connection.execute(
        select(actors.c.id, actors.c.code, actors.c.name)
    ):
        if code and name:
            uses = named.setdefault(code, {})
            uses[name] = uses.get(name, 0) + used.get(actor_id, 0)
    return {code: sorted(uses, key=lambda n: (-uses[n], n)) for code, uses in named.items()}


def _actor_entry(code: str, names: dict[str, list[str]], country: str | None) -> dict[str, Any]:
    known = names.get(code) or [code]
    return {
        "code": code,
        "name": known[0],
        "names": known[:5],
        "country": country,
        "as_source": 0,
        "as_target": 0,
    }


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0]


_SOURCE_ACTOR = actors.alias("source_actor")
_TARGET_ACTOR = actors.alias("target_actor")


def _row_columns() -> list[Any]:
    named = {
        "event_id": events.c.id,
        "url": documents.c.url,
        "origin": documents.c.origin,
        "published_at": documents.c.published_at,
        "duplicate_of": documents.c.duplicate_of,
        "source_qid": _SOURCE_ACTOR.c.qid,
        "target_qid": _TARGET_ACTOR.c.qid,
    }
    return [named[name].label(name) if name in named else events.c[name] for name in EVENT_COLUMNS]


def _where(where: EventFilter | None, fields: dict[str, Any]) -> EventFilter:
    """A filter given as a value, as keyword fields, or both (fields win)."""
    where = where or EventFilter()
    return where.narrowed(**fields) if fields else where


def _filtered(
    query: Any,
    where: EventFilter,
    *,
    doc_id: str | None = None,
    event_id: str | None = None,
    include_duplicates: bool = False,
) -> Any:
    if not include_duplicates:  # a copy's events are its original's, told again
        query = query.where(documents.c.duplicate_of.is_(None))
    query = _happenings.common_filters(
        query, events.c, (events.c.source_text, events.c.target_text), where
    )
    if where.only_happenings:
        query = query.where(events.c.happening_id.in_(_happenings.matching_ids(where)))
    if doc_id:
        query = query.where(events.c.doc_id == doc_id)
    if event_id:
        query = query.where(events.c.id == event_id)
    if where.happening_id:
        query = query.where(events.c.happening_id == where.happening_id)
    return query


def _plain(mapping: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in mapping.items()}


def _document_row(document: Document, now: datetime, coder_version: str) -> dict[str, Any]:
    return document_record(document, coder_version) | {
        "processed_at": now,
        "story_id": None,  # set by the stories step in the same transaction
    }


def document_record(document: Document, coder_version: str) -> dict[str, Any]:
    """A coded document as a row of the documents table, without what only the store
    knows (`processed_at`, `story_id`): the one record local runs and Spark share."""
    span = document.published_range
    copy = document.duplicate
    return {
        "id": document.id,
        "origin": document.origin,
        "url": document.url,
        "title": document.title,
        "format": document.format,
        "published_at": document.published_at,
        "published_basis": document.published_basis,
        "published_start": span[0] if span else None,
        "published_end": span[1] if span else None,
        "text": document.text,
        "paragraphs": document.paragraphs,
        "removed": [{"text": r.text, "reason": r.reason} for r in document.removed],
        "raw_chars": len(document.raw),
        "coder_version": coder_version,
        "duplicate_of": copy.of if copy else None,
        "duplicate_kind": copy.kind if copy else None,
        "duplicate_score": copy.score if copy else None,
    }


def _actor_rows(event_: Event) -> list[dict[str, Any]]:
    return [
        {
            "id": m.actor.id,
            "name": m.actor.name,
            "code": m.actor.code,
            "country": m.actor.country,
            "sector": m.actor.sector,
            "qid": m.actor.qid,
        }
        for m in (event_.source, event_.target)
        if m is not None
    ]


def event_record(e: Event) -> dict[str, Any]:
    """An event as a row of the events table (actor codes copied onto it)."""
    row: dict[str, Any] = {
        "id": e.id,
        "doc_id": e.doc_id,
        "type": e.type,
        "mode": e.mode,
        "modality": e.modality,
        "trigger": e.trigger,
        "trigger_start": e.trigger_start,
        "trigger_end": e.trigger_end,
        "sentence": e.sentence,
        "sentence_start": e.sentence_start,
        "sentence_end": e.sentence_end,
        "date_start": e.date.start,
        "date_end": e.date.end,
        "date_granularity": e.date.granularity,
        "date_expression": e.date.expression,
        "date_basis": e.date.basis,
        "confidence": e.confidence,
        "coder_version": e.coder_version,
    }
    for side, mention in (("source", e.source), ("target", e.target)):
        actor = mention.actor if mention else None
        said = mention if mention and not mention.implied else None  # implied: no words
        row |= {
            f"{side}_actor_id": actor.id if actor else None,
            f"{side}_text": said.text if said else None,
            f"{side}_code": actor.code if actor else None,
            f"{side}_country": actor.country if actor else None,
            f"{side}_sector": actor.sector if actor else None,
            f"{side}_start": said.start if said else None,
            f"{side}_end": said.end if said else None,
        }
    place = e.place
    row |= {
        f"place_{name}": getattr(place, name) if place else None
        for name in (
            "name",
            "start",
            "end",
            "basis",
            "confidence",
            "country",
            "admin1",
            "lat",
            "lon",
            "geonames_id",
            "feature",
            "admin1_name",
        )
    }
    reporter = e.reported_by
    row |= {
        "reported_by_text": reporter.text if reporter else None,
        "reported_by_code": reporter.actor.code
        if reporter and reporter.actor.code != UNKNOWN
        else None,
        "reported_by_start": reporter.start if reporter else None,
        "reported_by_end": reporter.end if reporter else None,
    }
    row |= {kind: None for kind in MAGNITUDE_COLUMNS}
    row |= {kind: m.value for kind, m in e.magnitudes.items()}
    row["magnitudes"] = {kind: m.as_dict() for kind, m in e.magnitudes.items()} or None
    row["merge_key"] = merge_key(e.type, row["source_code"], row["target_code"])
    return row


def _error_row(error: IngestError, now: datetime) -> dict[str, Any]:
    return {
        "id": error.id,
        "origin": error.origin,
        "stage": error.stage,
        "reason": error.reason,
        "at": now,
    }
