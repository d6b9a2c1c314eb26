"""The time stage: when did an event happen, as an interval with its granularity."""

from newsevents.time._resolve import event_date, find_date_expressions, resolve_expression

__all__ = ["event_date", "find_date_expressions", "resolve_expression"]
