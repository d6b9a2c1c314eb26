"""The store stage: SQLAlchemy 2.0 tables, Alembic migrations, idempotent writes, queries.

Names load on first use (PEP 562), so `newsevents.store._filter` (the CLI's filter
options) does not bring SQLAlchemy into a command that never opens a database.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsevents.store._filter import ANY_MODALITY, PARAMS, SORTS, EventFilter
    from newsevents.store._store import (
        EVENT_COLUMNS,
        HAPPENING_COLUMNS,
        Store,
        document_record,
        event_record,
    )
    from newsevents.store._tables import metadata

_WHERE = {
    "ANY_MODALITY": "_filter",
    "EVENT_COLUMNS": "_store",
    "HAPPENING_COLUMNS": "_store",
    "PARAMS": "_filter",
    "SORTS": "_filter",
    "EventFilter": "_filter",
    "Store": "_store",
    "document_record": "_store",
    "event_record": "_store",
    "metadata": "_tables",
}

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
