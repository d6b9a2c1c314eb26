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
    "Removal",
    "StoreError",
    "__version__",
]
