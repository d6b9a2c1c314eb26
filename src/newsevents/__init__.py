"""newsevents: turn raw news articles into a database of coded political events."""

from newsevents.errors import (
    CodingError,
    ConfigError,
    ExtractionError,
    InputError,
    NewsEventsError,
    StoreError,
)
from newsevents.model import Actor, ActorMention, Document, Event, EventDate, IngestError, Removal

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy and SQLAlchemy: import it on first use, so that
    # `import newsevents.model` (a Spark worker, a quick script) stays light.
    if name in {"Pipeline", "Options"}:
        from newsevents import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")


__all__ = [
    "Actor",
    "ActorMention",
    "CodingError",
    "ConfigError",
    "Document",
    "Event",
    "EventDate",
    "ExtractionError",
    "IngestError",
    "InputError",
    "NewsEventsError",
    "Options",
    "Pipeline",
    "Removal",
    "StoreError",
    "__version__",
]
