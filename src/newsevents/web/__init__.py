"""The web UI: server-rendered pages over the same store and filters as the API."""

from newsevents.web._pages import highlight, mount

__all__ = ["highlight", "mount"]
