"""The export stage: events as CSV, JSON Lines, Parquet, PLOVER JSON or GDELT rows."""

from newsevents.export._formats import GDELT_COLUMNS, cameo_for, document_rows, quad_class
from newsevents.export._write import FORMATS, PER_MENTION, arrow_schema, export_events, json_cells

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "PER_MENTION",
    "arrow_schema",
    "cameo_for",
    "document_rows",
    "export_events",
    "json_cells",
    "quad_class",
]
