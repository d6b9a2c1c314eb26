"""Reading sources: never raises for one bad input, records it and goes on."""

from __future__ import annotations

import glob
import gzip
import json
import logging
import sys
import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from newsevents.errors import InputError
from newsevents.ingest._archives import read_feed, read_warc
from newsevents.ingest._document import build_document, decoded, too_large
from newsevents.model import Document, IngestError

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # far above any real article; stops runaway pages
_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
}
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<article", "<?xml")


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _KINDS.get(suffixes[-1]) if suffixes else None


def _visible(path: Path, root: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named, found in folders (recursively) or matched by globs; `-` is stdin."""
    found: list[str] = []
    for item in paths:
        path = Path(item)
        if item == "-" or path.is_file():
            found.append(item)
        elif path.is_dir():
            found += [
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and _visible(p, path) and _kind(p)
            ]
        elif glob.has_magic(item) and (matches := sorted(glob.glob(item, recursive=True))):
            found += [m for m in matches if Path(m).is_file()]
        else:
            raise InputError(f"No such file or folder: {item}", origin=item)
    return found


def iter_documents(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | IngestError]:
    """One Document per article, or one IngestError per input that cannot be read."""
    for item in expand_paths(paths):
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_bytes(stream.read(max_bytes + 1), "<stdin>", None, max_bytes)
            continue
        path = Path(item)
        kind = _kind(path)
        if kind == "warc":  # archives are large by nature: streamed record by record
            yield from read_warc(path, max_bytes)
            continue
        try:
            data = _read_file(path, max_bytes)
        except InputError as exc:
            yield IngestError(item, "ingest", str(exc))
            continue
        if kind == "feed":
            yield from read_feed(data, item)
        else:
            yield from _from_bytes(data, item, kind, max_bytes)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(size, max_bytes)
        if path.suffix.lower() != ".gz":
            return path.read_bytes()
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip file ({exc})") from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    return data


def _from_bytes(
    data: bytes, origin: str, kind: str | None, max_bytes: int
) -> Iterator[Document | IngestError]:
    text = decoded(data, origin, max_bytes)
    if isinstance(text, IngestError):
        yield text
        return
    if kind == "jsonl" or (kind is None and text.lstrip().startswith("{")):
        yield from _from_jsonl(text, origin)
    else:
        yield build_document(text, origin, "html" if kind == "html" or _is_html(text) else "text")


def documents_from_bytes(
    data: bytes, origin: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """The articles in one file's bytes (a JSON Lines file holds several); `origin` is its
    path, whose extension says the format. For readers that are not files: Spark, HTTP."""
    if origin.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            yield IngestError(origin, "ingest", f"corrupt gzip file ({exc})")
            return
    yield from _from_bytes(data, origin, _kind(Path(origin)), max_bytes)


def document_from_text(raw: str, origin: str, published: date | None = None) -> Document:
    """A Document for text held in memory (HTML recognised by its first tag), dated by
    `published`, else by the page's metadata or a byline, as files are."""
    return build_document(raw, origin, "html" if _is_html(raw) else "text", published=published)


def _is_html(text: str) -> bool:
    return text.lstrip()[:100].lower().startswith(_HTML_STARTS)


def _from_jsonl(text: str, origin: str) -> Iterator[Document | IngestError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, "ingest", f"invalid JSON line ({exc.msg})")
            continue
        if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
            yield IngestError(where, "ingest", "JSON line has neither 'text' nor 'html'")
            continue
        fmt = "text" if record.get("text") else "html"
        raw = str(record.get("text") or record.get("html"))
        yield build_document(
            raw,
            where,
            fmt,
            url=record.get("url"),
            title=record.get("title"),
            published=record.get("published"),
        )
