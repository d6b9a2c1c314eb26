"""Hostile input, generated here (no blobs checked in): nothing crashes or hangs,
every input is stored or recorded with its reason, and the good ones are stored."""

from __future__ import annotations

import gzip
import sqlite3
import time

import pytest

from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow

GOOD = "Headline\n\nRussia accused Ukraine of shelling Donetsk on Monday.\n"
ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY a{n} "{("&a" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 9)
    )
    + "]><html><body><p>&a8;</p><p>Police arrested activists in Minsk on Sunday.</p></body></html>"
)


def _corpus(folder):
    cases = {
        "good.txt": GOOD.encode(),
        "nested.html": (
            "<html><body>"
            + "<div>" * 10_000
            + "<p>Protesters marched in Lima.</p>"
            + "</div>" * 10_000
            + "</body></html>"
        ).encode(),
        "entity-bomb.html": ENTITY_BOMB.encode(),
        "gzip-bomb.txt.gz": gzip.compress(b"a " * 12_000_000),
        "utf16-bom.txt": GOOD.replace("Donetsk", "Odesa").encode("utf-16"),
        "utf16-no-bom.txt": GOOD.replace("Donetsk", "Sumy").encode("utf-16-le"),
        "cp1252.txt": "Headline\n\nNicolás Maduro habló en Caracas.\n".encode("cp1252"),
        "one-long-line.txt": ("Title\n\n" + "word " * 220_000).encode(),
        "mixed-scripts.txt": "خبر\n\nIsrael and Jordan signed an agreement. שלום مرحبا\n".encode(),
        'name with spaces "and quotes" é.txt': GOOD.replace("Donetsk", "Kharkiv").encode(),
        "invalid-utf8.txt": b"Headline\n\nSerbia \xff\xfe closed \xc3\x28 the border.\n",
        "broken.jsonl": b'{"text": "Kenya deployed police to Nairobi."}\n{"text": \n',
        "truncated.txt.gz": gzip.compress(GOOD.encode() * 50)[:-40],
    }
    for name, data in cases.items():
        (folder / name).write_bytes(data)
    (folder / "loop").symlink_to(folder / "loop")  # a symlink loop is skipped, not followed
    return set(cases)


def test_hostile_corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = _corpus(folder)
    started = time.monotonic()
    with Store.open(str(tmp_path / "h.db")) as store:
        stats = Pipeline().run([str(folder)], store)
        errors = {e["origin"].rsplit("/", 1)[-1]: e["reason"] for e in store.errors()}
    seconds = time.monotonic() - started
    assert seconds < 120, f"bounded time per document: took {seconds:.0f} s"
    with sqlite3.connect(tmp_path / "h.db") as connection:
        stored = {
            o.rsplit("/", 1)[-1] for (o,) in connection.execute("select origin from documents")
        }
    accounted = {name.split(":")[0] for name in stored | set(errors)}
    assert names <= accounted, names - accounted
    assert {"good.txt", "utf16-bom.txt", "utf16-no-bom.txt", "cp1252.txt"} <= stored
    assert "broken.jsonl:1" in stored and "invalid JSON" in errors["broken.jsonl:2"]
    assert "too large" in errors["gzip-bomb.txt.gz"]
    assert "gzip" in errors["truncated.txt.gz"]
    assert all(reason for reason in errors.values())
    assert stats.stored == len(stored)
