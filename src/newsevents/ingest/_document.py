"""One input's bytes to text, and text to a `Document` with what is known about it:
shared by the file reader (`_read`) and the archive and feed readers (`_archives`),
which import this and not each other."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import date

import charset_normalizer

from newsevents.errors import InputError
from newsevents.ingest._dates import find_byline_date, find_html_date
from newsevents.model import Document, IngestError

_MAX_CONTROL_SHARE = 0.05


def too_large(size: int, max_bytes: int) -> InputError:
    amount = (
        f"more than {max_bytes / 1e6:.1f} MB" if size == max_bytes + 1 else f"{size / 1e6:.1f} MB"
    )
    return InputError(
        f"too large: {amount}, over the {max_bytes / 1e6:.1f} MB limit (raise it with --max-bytes)"
    )


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
        return IngestError(origin, "ingest", str(too_large(len(data), max_bytes)))
    try:
        return decode(data)
    except InputError as exc:
        return IngestError(origin, "ingest", str(exc))


def _text(value: object) -> str | None:
    return str(value).replace("\x00", "") or None if value else None


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
        import dateparser  # 0.1 s to import: only for a date not in ISO form

        parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        return parsed.date() if parsed else None
