"""The export stage: events as CSV, JSON Lines, Parquet, PLOVER JSON or GDELT rows."""

from newsevents.export._formats import GDELT_COLUMNS, cameo_for, quad_class
from newsevents.export._write import FORMATS, export_events

__all__ = ["FORMATS", "GDELT_COLUMNS", "cameo_for", "export_events", "quad_class"]
