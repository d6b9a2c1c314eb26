"""The database schema: the single source of truth the migrations are checked against.

Actor codes and countries are copied onto each event on purpose: the common
filters (actor, country, type, date) never need a join.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from newsevents.model import MAGNITUDE_KINDS

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("format", String(8), nullable=False),
    Column("published_at", Date),
    Column("published_basis", Text, nullable=False),
    # Undated articles: the span their wording allows (end empty when open).
    Column("published_start", Date),
    Column("published_end", Date),
    Column("text", Text, nullable=False),
    Column("paragraphs", JSON, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("raw_chars", Integer, nullable=False),
    Column("coder_version", String(64), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
    # Set when the article copies an earlier one: its events are not new happenings.
    Column("duplicate_of", String(32)),
    Column("duplicate_kind", String(16)),
    Column("duplicate_score", Float),
    Column("story_id", String(32)),
    Index("ix_documents_duplicate_of", "duplicate_of"),
    Index("ix_documents_story_id", "story_id"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("code", String(16), nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("qid", String(16)),
)

_SIDES = ("source", "target")


def reporter_columns() -> list[Column[Any]]:
    """Who the event is attributed to ("X said ...", "according to X")."""
    return [
        Column("reported_by_text", Text),
        Column("reported_by_code", String(16)),
        Column("reported_by_start", Integer),
        Column("reported_by_end", Integer),
    ]


def place_columns() -> list[Column[Any]]:
    """Where the event happened (place stage); a function, since a Column belongs to
    one table and the migration builds its own."""
    return [
        Column("place_name", Text),
        Column("place_start", Integer),
        Column("place_end", Integer),
        Column("place_basis", String(16)),
        Column("place_confidence", Float),
        Column("place_country", String(3)),
        Column("place_admin1", String(16)),
        Column("place_lat", Float),
        Column("place_lon", Float),
        Column("place_geonames_id", Integer),
        Column("place_feature", String(16)),
    ]


def admin1_columns() -> list[Column[Any]]:
    """The name of the place's first-level division ("Gujarat"), added in 0012; its
    GeoNames code is `place_admin1`."""
    return [Column("place_admin1_name", Text)]


MAGNITUDE_COLUMNS: tuple[str, ...] = MAGNITUDE_KINDS


def magnitude_columns(*, details: bool) -> list[Column[Any]]:
    """How many were killed, injured, arrested, displaced or gathered (added in 0014):
    the figure counted, for filters and exports; with `details`, the events table's
    JSON of each kind's value, bounds, words and character span."""
    columns = [Column(name, Integer) for name in MAGNITUDE_COLUMNS]
    return columns + ([Column("magnitudes", JSON)] if details else [])


events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("modality", String(16), nullable=False),
    *(
        column
        for side in _SIDES
        for column in (
            Column(f"{side}_actor_id", String(32), ForeignKey("actors.id")),
            Column(f"{side}_text", Text),
            Column(f"{side}_code", String(16)),
            Column(f"{side}_country", String(3)),
            Column(f"{side}_sector", String(8)),
            Column(f"{side}_start", Integer),
            Column(f"{side}_end", Integer),
        )
    ),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_granularity", String(8)),
    Column("date_expression", Text),
    Column("date_basis", String(32), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("coder_version", String(64), nullable=False),
    *place_columns(),
    *admin1_columns(),
    *reporter_columns(),
    *magnitude_columns(details=True),
    # type|source country|target country: mentions merge only within a key, so a batch
    # re-merges its keys.
    Column("merge_key", Text),
    Column("happening_id", String(32)),
    Index("ix_events_doc_id", "doc_id"),
    Index("ix_events_merge_key", "merge_key"),
    Index("ix_events_happening_id", "happening_id"),
    Index("ix_events_place_country", "place_country"),
    Index("ix_events_type", "type"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_source_code", "source_code"),
    Index("ix_events_target_code", "target_code"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_target_country", "target_country"),
)

# Canonical events: the mentions of one happening merged across articles (stories stage).
happenings = Table(
    "happenings",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("merge_key", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("modality", String(16), nullable=False),
    *(
        column
        for side in _SIDES
        for column in (
            Column(f"{side}_code", String(16)),
            Column(f"{side}_name", Text),
            Column(f"{side}_country", String(3)),
        )
    ),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("num_mentions", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("confidence", Float, nullable=False),
    Column("story_id", String(32)),
    # The most confidently placed mention's place.
    Column("place_name", Text),
    Column("place_country", String(3)),
    Column("place_lat", Float),
    Column("place_lon", Float),
    *magnitude_columns(details=False),  # the largest figure of its mentions
    # "date|id", undated last: listings page through one index, oldest first, on
    # every backend (NULL ordering differs between SQLite and PostgreSQL).
    Column("sort_key", String(64)),
    Index("ix_happenings_merge_key", "merge_key"),
    Index("ix_happenings_sort_key", "sort_key"),
    # Dyads: a code prefix on one side, then the other side, read from the index alone.
    Index("ix_happenings_dyad", "source_code", "target_code"),
    Index("ix_happenings_dyad_reverse", "target_code", "source_code"),
    Index("ix_happenings_place_country", "place_country"),
    Index("ix_happenings_story_id", "story_id"),
    Index("ix_happenings_date_start", "date_start"),
    Index("ix_happenings_type", "type"),
    Index("ix_happenings_quad_class", "quad_class"),
    Index("ix_happenings_source_code", "source_code"),
    Index("ix_happenings_target_code", "target_code"),
    Index("ix_happenings_source_country", "source_country"),
    Index("ix_happenings_target_country", "target_country"),
    # What the network and the timeline count by default (asserted happenings), read
    # from the index alone and already in group order.
    Index(
        "ix_happenings_network",
        "modality",
        "source_code",
        "target_code",
        "quad_class",
        "goldstein",
    ),
    Index("ix_happenings_timeline", "modality", "date_start", "quad_class", "goldstein"),
    Index("ix_happenings_num_sources", "num_sources"),
)

# Developing stories: articles grouped as they arrive (stories stage).
stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("num_articles", Integer, nullable=False),
    Column("terms", JSON, nullable=False),  # name -> articles using it: what joins match
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_stories_first_seen", "first_seen"),
    Index("ix_stories_last_seen", "last_seen"),
    Index("ix_stories_updated_at", "updated_at"),
)

errors = Table(
    "errors",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("origin", Text, nullable=False),
    Column("stage", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_errors_origin", "origin"),
)
