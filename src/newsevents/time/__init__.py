"""The time stage: when an event happened, as an interval with its granularity.

`event_date` is what the pipeline calls for each event; `find_date_expressions`
and `resolve_expression` are its two halves, for callers that need one of them.
The words it knows are in `newsevents/data/date_expressions.toml`.
"""

from newsevents.time._measured import measured_date
from newsevents.time._patterns import find_date_expressions
from newsevents.time._resolve import (
    Dated,
    dated_expressions,
    event_date,
    event_date_within,
    publication_date,
    resolve_expression,
)
from newsevents.time._vocab import load_vocabulary

__all__ = [
    "Dated",
    "dated_expressions",
    "event_date",
    "event_date_within",
    "find_date_expressions",
    "load_vocabulary",
    "measured_date",
    "publication_date",
    "resolve_expression",
]
