"""One bad file is recorded with its reason; the rest of the batch goes on."""

from __future__ import annotations

import gzip
import random
import sqlite3

import pytest

from newsevents.pipeline import Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow

FRENCH = (
    "Grève générale\n\nLes syndicats ont appelé mardi à une grève générale contre la "
    "réforme des retraites. Des milliers de manifestants ont défilé dans les rues de la "
    "capitale, tandis que le gouvernement a maintenu son projet et promis de le présenter "
    "au parlement avant la fin du mois, malgré la colère des enseignants et des cheminots. "
    "Les transports publics étaient presque à l'arrêt dans plusieurs grandes villes.\n"
)
GOOD = "Rebels attack\n\nRebels attacked an army base in Mali on Monday, officials said.\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, "utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("   \n", "utf-8")
    (folder / "french.txt").write_text(FRENCH, "utf-8")
    (folder / "undecodable.txt").write_bytes(
        random.Random(1).randbytes(4000).replace(b"\x00", b"1")
    )
    big = folder / "huge.html"
    with big.open("w") as handle:  # 50 MB of HTML
        handle.write("<html><body>")
        chunk = "<p>" + "word " * 2000 + "</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    (folder / "broken.html.gz").write_bytes(gzip.compress(b"<html>x</html>")[:20])
    (folder / "lines.jsonl").write_text(
        '{"text": "Kenya deployed police to Nairobi."}\nnot json\n', "utf-8"
    )
    return folder


def test_bad_files_are_recorded_and_the_batch_goes_on(tmp_path, corpus):
    db = tmp_path / "x.db"
    with Store.open(str(db)) as store:
        stats = Pipeline().run([str(corpus)], store)
        errors = {e["origin"].rsplit("/", 1)[-1]: e["reason"] for e in store.errors()}
    assert stats.stored == 2  # good.txt and the valid jsonl line
    assert set(errors) >= {
        "binary.txt",
        "empty.txt",
        "french.txt",
        "undecodable.txt",
        "huge.html",
        "broken.html.gz",
    }
    assert any(key.startswith("lines.jsonl:2") for key in errors)
    assert "empty" in errors["empty.txt"].lower()
    assert "MB" in errors["huge.html"]
    assert "not English" in errors["french.txt"] and "French" in errors["french.txt"]
    assert stats.failed == len(errors)


def test_rerun_after_failure_duplicates_nothing(tmp_path, corpus):
    db = tmp_path / "x.db"
    for _ in range(2):
        with Store.open(str(db)) as store:
            Pipeline().run([str(corpus)], store)
    with sqlite3.connect(db) as connection:
        counts = [
            connection.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("documents", "errors")
        ]
    assert counts[0] == 2
    assert counts[1] == 7  # one per bad file, once, however often the batch runs
