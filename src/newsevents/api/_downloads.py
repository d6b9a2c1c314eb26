"""Downloads of a filtered view: CSV and JSON Lines streamed, Parquet built whole."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response, StreamingResponse

from newsevents.export import export_events
from newsevents.store import EVENT_COLUMNS, HAPPENING_COLUMNS
from newsevents.views import Sort, StoreDep, Where

router = APIRouter(tags=["downloads"])
_MEDIA = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


@router.get("/api/download/{view}")
def download(
    store: StoreDep,
    view: Annotated[str, Path(pattern="^(events|mentions)$")],
    where: Where,
    format: Annotated[str, Query(pattern="^(csv|jsonl|parquet)$")] = "csv",
    sort: Sort = "date",
) -> Response:
    """The filtered view as CSV, JSON Lines or Parquet: happenings (`events`) or
    every report (`mentions`) of the happenings the filter keeps."""
    if view == "mentions":
        rows = store.iter_event_rows(where)
        columns: tuple[str, ...] = EVENT_COLUMNS
    else:
        rows, columns = store.iter_happenings(where, sort=sort), HAPPENING_COLUMNS
    headers = {"Content-Disposition": f'attachment; filename="{view}.{format}"'}
    if format == "parquet":  # a footer-last format: built whole, then sent
        buffer = io.BytesIO()
        export_events(rows, "parquet", buffer, columns=columns)
        return Response(buffer.getvalue(), media_type=_MEDIA[format], headers=headers)
    chunks = _streamed(rows, format, columns)
    first = next(chunks)  # a failing query answers an error here, not a cut-off 200
    return StreamingResponse(
        itertools.chain([first], chunks), media_type=_MEDIA[format], headers=headers
    )


def _streamed(rows: Iterator[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> Iterator[str]:
    """Text downloads in chunks, so a large view never sits whole in memory."""
    buffer = io.StringIO()
    pending: list[dict[str, Any]] = []
    first = True
    for row in rows:
        pending.append(row)
        if len(pending) >= 1000:
            yield _chunk(pending, fmt, columns, header=first, buffer=buffer)
            pending, first = [], False
    if pending or first:
        yield _chunk(pending, fmt, columns, header=first, buffer=buffer)


def _chunk(
    rows: list[dict[str, Any]],
    fmt: str,
    columns: tuple[str, ...],
    *,
    header: bool,
    buffer: io.StringIO,
) -> str:
    buffer.seek(0)
    buffer.truncate()
    export_events(rows, fmt, buffer, columns=columns)
    text = buffer.getvalue()
    if fmt == "csv" and not header:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return text
