"""The web UI: server-rendered pages over the API's store (explorer, evidence, charts)."""

from newsevents.web._pages import add_pages, highlight

__all__ = ["add_pages", "highlight"]
