"""The store stage: SQLAlchemy 2.0 tables, Alembic migrations, idempotent writes, queries."""

from newsevents.store._filter import ANY_MODALITY, PARAMS, EventFilter
from newsevents.store._happenings import SORTS
from newsevents.store._store import (
    EVENT_COLUMNS,
    HAPPENING_COLUMNS,
    Store,
    document_record,
    event_record,
)
from newsevents.store._tables import metadata

__all__ = [
    "ANY_MODALITY",
    "EVENT_COLUMNS",
    "HAPPENING_COLUMNS",
    "PARAMS",
    "SORTS",
    "EventFilter",
    "Store",
    "document_record",
    "event_record",
    "metadata",
]
