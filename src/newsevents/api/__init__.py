"""The HTTP API (FastAPI), read-only: events, happenings, statistics."""

from newsevents.api._app import create_app

__all__ = ["create_app"]
