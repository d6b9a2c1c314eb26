"""The export stage: events as CSV, JSON Lines or Parquet, streamed."""

from newsevents.export._write import FORMATS, export_events

__all__ = ["FORMATS", "export_events"]
