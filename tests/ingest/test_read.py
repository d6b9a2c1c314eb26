"""Reading sources: formats, folders, globs, stdin, dates and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import random
from datetime import date

import pytest

from newsevents.errors import InputError
from newsevents.ingest import expand_paths, find_byline_date, iter_documents
from newsevents.model import Document, IngestError

ARTICLE = "Talks resume\n\nNegotiators from both sides met in Doha on Monday.\n"


def _read(paths, **kwargs):
    items = list(iter_documents([str(p) for p in paths], **kwargs))
    return [i for i in items if isinstance(i, Document)], [
        i for i in items if isinstance(i, IngestError)
    ]


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(
        "<html><head><title>Doha talks</title></head><body><article><p>"
        + "Negotiators met in Doha on Monday to discuss a ceasefire. " * 5
        + "</p></article></body></html>",
        "utf-8",
    )
    (tmp_path / "sub" / "c.txt.gz").write_bytes(
        gzip.compress(ARTICLE.replace("Doha", "Oslo").encode())
    )
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", "utf-8")
    return tmp_path


def test_folders_are_read_recursively_skipping_hidden_and_unknown(tree):
    files = expand_paths([str(tree)])
    names = sorted(p.rsplit("/", 1)[-1] for p in files)
    assert names == ["a.txt", "b.html", "c.txt.gz"]


def test_globs_and_missing_paths(tree):
    assert [p.rsplit("/", 1)[-1] for p in expand_paths([str(tree / "**" / "*.html")])] == ["b.html"]
    with pytest.raises(InputError, match="No such file or folder"):
        expand_paths([str(tree / "nope")])
    with pytest.raises(InputError, match="No such file or folder"):
        expand_paths([str(tree / "*.pdf")])


def test_each_format_gives_a_document(tree):
    documents, errors = _read([tree])
    assert errors == []
    by_name = {d.origin.rsplit("/", 1)[-1]: d for d in documents}
    assert by_name["a.txt"].format == "text"
    assert by_name["b.html"].format == "html" and by_name["b.html"].title == "Doha talks"
    assert "Oslo" in by_name["c.txt.gz"].raw


def test_ids_are_content_hashes(tree, tmp_path):
    (tmp_path / "copy.txt").write_text(ARTICLE.replace("\n", "\r\n"), "utf-8")
    first, _ = _read([tree / "a.txt", tmp_path / "copy.txt"])
    again, _ = _read([tree / "a.txt"])
    assert first[0].id == first[1].id == again[0].id


def test_jsonl_with_metadata_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"text": ARTICLE, "url": "https://example.org/1", "published": "2025-06-03T09:15:00Z"}
        ),
        "",
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<html><body><p>Hello there, this is a page.</p></body></html>"}),
    ]
    path.write_text("\n".join(lines), "utf-8")
    documents, errors = _read([path])
    assert [d.origin.rsplit("/", 1)[-1] for d in documents] == ["feed.jsonl:1", "feed.jsonl:5"]
    assert documents[0].published_at == date(2025, 6, 3)
    assert documents[0].published_basis == "metadata"
    assert documents[0].url == "https://example.org/1"
    assert documents[1].format == "html"
    reasons = {e.origin.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert "invalid JSON" in reasons["feed.jsonl:3"]
    assert "neither 'text' nor 'html'" in reasons["feed.jsonl:4"]


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (ARTICLE.encode(), None),
        ((json.dumps({"text": ARTICLE}) + "\n").encode(), None),
        (b"   ", "empty"),
    ],
)
def test_stdin(payload, fragment):
    items = list(iter_documents(["-"], stdin=io.BytesIO(payload)))
    assert len(items) == 1
    if fragment is None:
        assert isinstance(items[0], Document) and "Doha" in items[0].raw
    else:
        assert isinstance(items[0], IngestError) and fragment in items[0].reason


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("empty.txt", b" \n\t\n", "empty article"),
        ("noise.txt", random.Random(0).randbytes(3000).replace(b"\x00", b"\x01"), "undecodable"),
        ("broken.txt.gz", gzip.compress(ARTICLE.encode())[:15], "corrupt gzip"),
        ("big.html", b"<html>" + b"x" * 5000, "too large"),
    ],
)
def test_bad_inputs_are_errors_not_exceptions(tmp_path, name, content, fragment):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE, "utf-8")
    documents, errors = _read([tmp_path], max_bytes=4096)
    assert len(documents) == 1
    [error] = errors
    assert error.origin.endswith(name) and fragment in error.reason and error.stage == "ingest"


def test_too_large_message_says_how_to_raise_the_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 3000)
    _, [error] = _read([tmp_path / "big.txt"], max_bytes=1000)
    assert "MB" in error.reason and "--max-bytes" in error.reason


def test_cp1252_is_decoded(tmp_path):
    (tmp_path / "latin.txt").write_bytes(
        "Nicolás Maduro habló en Caracas “ayer” con los ministros.".encode("cp1252")
    )
    [document], _ = _read([tmp_path / "latin.txt"])
    assert "Nicolás" in document.raw and "“ayer”" in document.raw


@pytest.mark.parametrize(
    ("seed", "expected"),
    [("000", date(2025, 9, 27)), ("001", None), ("002", None), ("003", None), ("004", None)],
)
def test_byline_dates_of_the_seeds(seeds_dir, seed, expected):
    [path] = seeds_dir.glob(f"{seed}_*.txt")
    assert find_byline_date(path.read_text("utf-8")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\nBy Staff | March 14, 2025\n\nBody text.", date(2025, 3, 14)),
        ("Headline\nSample Wire — 2025-06-03 09:15 UTC\n\nBody.", date(2025, 6, 3)),
        ("Headline\n\n" + "A long paragraph that mentions January 10, 2025 in passing. " * 3, None),
        (
            "Headline\nThe leader speaks in Caracas, Venezuela, Sept. 1, 2025. File Image/AP",
            None,
        ),
    ],
)
def test_byline_rules(text, expected):
    assert find_byline_date(text) == expected


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_unicode_files_are_text(tmp_path, codec):
    (tmp_path / "wide.txt").write_bytes(ARTICLE.encode(codec))
    [document], errors = _read([tmp_path / "wide.txt"])
    assert errors == [] and "Doha" in document.raw
