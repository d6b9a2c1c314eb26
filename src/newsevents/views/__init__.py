"""What the API and the web pages both read: the store and filter dependencies, the
parameter check and the chart aggregates (so neither package imports the other's
internals, and the API imports the pages only to mount them)."""

from newsevents.views._charts import bucket, network, series, undated
from newsevents.views._deps import (
    MAX_PAGE,
    Limit,
    Offset,
    Period,
    Sort,
    StoreDep,
    Where,
    event_filter,
    reject_unknown_parameters,
)
from newsevents.views._map import map_counts

__all__ = [
    "MAX_PAGE",
    "Limit",
    "Offset",
    "Period",
    "Sort",
    "StoreDep",
    "Where",
    "bucket",
    "event_filter",
    "map_counts",
    "network",
    "reject_unknown_parameters",
    "series",
    "undated",
]
