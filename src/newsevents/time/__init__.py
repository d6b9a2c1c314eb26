"""The time stage: when an event happened, as an interval with its granularity.

`event_date` is what the pipeline calls for each event; `find_date_expressions`
and `resolve_expression` are its two halves, for callers that need one of them.
The words it knows are in `newsevents/data/date_expressions.toml`.
"""

from newsevents.time._patterns import find_date_expressions
from newsevents.time._resolve import event_date, event_date_within, resolve_expression

__all__ = ["event_date", "event_date_within", "find_date_expressions", "resolve_expression"]
