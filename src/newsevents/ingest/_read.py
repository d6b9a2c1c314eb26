"""Reading sources: never raises for one bad input, records it and goes on."""

from __future__ import annotations

import codecs
import glob
import gzip
import json
import logging
import sys
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

import charset_normalizer
import dateparser

from newsevents.errors import InputError
from newsevents.ingest._archives import read_feed, read_warc
from newsevents.ingest._dates import find_byline_date, find_html_date
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
_MAX_CONTROL_SHARE = 0.05


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


def _too_large(size: int, max_bytes: int) -> InputError:
    amount = (
        f"more than {max_bytes / 1e6:.1f} MB" if size == max_bytes + 1 else f"{size / 1e6:.1f} MB"
    )
    return InputError(
        f"too large: {amount}, over the {max_bytes / 1e6:.1f} MB limit (raise it with --max-bytes)"
    )


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        if path.suffix.lower() != ".gz":
            return path.read_bytes()
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"corrupt gzip file ({exc})") from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    return data


def _utf16_or_32(data: bytes) -> str | None:
    """UTF-16/32 text, told by its byte-order mark or, without one, by the zero bytes
    of ASCII letters falling all on odd or all on even positions."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return codec
    sample = data[:4096]
    if len(sample) >= 8 and sample.count(0) * 2 >= len(sample) - 2:
        if not any(sample[1::2]):  # "T\0a\0": low byte first
            return "utf-16-le"
        if not any(sample[0::2]):
            return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 first, else the most plausible other encoding."""
    if not data.strip():
        raise InputError("empty article")
    wide = _utf16_or_32(data)
    if wide is None and b"\x00" in data[:65536]:
        raise InputError("binary content, not text")
    try:
        text = data.decode(wide or "utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError("undecodable: not UTF-8 and no other encoding fits") from None
        text = str(best)
    controls = sum(1 for c in text if unicodedata.category(c)[0] == "C" and c not in "\n\r\t")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError("binary or undecodable content, not text")
    if not text.strip():
        raise InputError("empty article")
    return text


def decoded(data: bytes, origin: str, max_bytes: int) -> str | IngestError:
    """The text of one input, or the error that says why it has none."""
    if len(data) > max_bytes:
        return IngestError(origin, "ingest", str(_too_large(len(data), max_bytes)))
    try:
        return decode(data)
    except InputError as exc:
        return IngestError(origin, "ingest", str(exc))


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


def _text(value: object) -> str | None:
    return str(value).replace("\x00", "") or None if value else None


def _is_html(text: str) -> bool:
    return text.lstrip()[:100].lower().startswith(_HTML_STARTS)


def build_document(raw: str, origin: str, fmt: str, **metadata: object) -> Document:
    raw = raw.replace("\x00", "")  # no text means NUL, and PostgreSQL cannot store it
    document = Document(id=Document.make_id(raw), raw=raw, format=fmt, origin=origin)  # type: ignore[arg-type]
    document.url = _text(metadata.get("url"))
    document.title = _text(metadata.get("title"))
    published = _parse_published(metadata.get("published"))
    if published is not None:
        document.published_at, document.published_basis = published, "metadata"
    elif fmt == "html":
        _html_metadata(document)
    else:
        document.published_at = find_byline_date(raw)
        document.published_basis = "byline" if document.published_at else "unknown"
    return document


def _html_metadata(document: Document) -> None:
    from trafilatura import extract_metadata  # heavy import, only for HTML

    document.published_at = find_html_date(document.raw)
    document.published_basis = "html-meta" if document.published_at else "unknown"
    meta = extract_metadata(document.raw)
    if meta is not None:
        document.title = document.title or meta.title
        document.url = document.url or meta.url


def _parse_published(value: object) -> date | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        return parsed.date() if parsed else None


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
