"""The ingest stage: files, folders, globs and stdin in; `Document`s (or errors) out."""

from newsevents.ingest._dates import find_byline_date, infer_published_range
from newsevents.ingest._read import (
    DEFAULT_MAX_BYTES,
    document_from_text,
    documents_from_bytes,
    expand_paths,
    iter_documents,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "document_from_text",
    "documents_from_bytes",
    "expand_paths",
    "find_byline_date",
    "infer_published_range",
    "iter_documents",
]
