"""The exception tree. Every error newsevents raises on purpose derives from
`NewsEventsError`; the CLI turns these into one-line messages, never tracebacks.

    NewsEventsError
    ├── InputError        a source cannot be read: missing, binary, empty, too large
    ├── ExtractionError   no article text could be extracted from a readable source
    ├── CodingError       the NLP model or the coder failed
    ├── ConfigError       a data file or option is invalid
    └── StoreError        the database cannot be opened, migrated or written
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Root of every error newsevents raises on purpose."""


class InputError(NewsEventsError):
    """A source could not be read as an article."""

    def __init__(self, message: str, *, origin: str = "") -> None:
        super().__init__(message)
        self.origin = origin


class ExtractionError(NewsEventsError):
    """A source was read but held no article text."""


class CodingError(NewsEventsError):
    """The NLP model or the event coder failed."""


class ConfigError(NewsEventsError):
    """A data file, option or configuration value is invalid."""


class StoreError(NewsEventsError):
    """The database could not be opened, migrated, read or written."""
