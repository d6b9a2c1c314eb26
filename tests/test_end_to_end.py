"""The whole path on the seed articles: files in, events in a database, twice."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.pipeline import Options, Pipeline
from newsevents.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds_dir) -> tuple[Path, list]:
    db = tmp_path_factory.mktemp("e2e") / "seeds.db"
    with Store.open(str(db)) as store:
        stats = Pipeline(Options()).run([str(seeds_dir)], store)
    return db, stats


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_all_five_seeds_are_stored(seeded):
    db, stats = seeded
    assert stats.stored == 5 and stats.failed == 0
    assert _rows(db, "select count(*) from documents") == [(5,)]


def test_no_boilerplate_survives_cleaning(seeded):
    db, _ = seeded
    gold_file = Path(__file__).parent.parent.parent / "shared/data/gold/seeds.jsonl"
    gold = [json.loads(line) for line in gold_file.read_text("utf-8").splitlines() if line]
    texts = {
        Path(origin).stem: text for origin, text in _rows(db, "select origin, text from documents")
    }
    for item in gold:
        for line in item.get("boilerplate", []):
            assert line not in texts[item["id"]], (item["id"], line)


def test_publication_dates_byline_or_inferred_never_today(seeded):
    db, _ = seeded
    query = "select origin, published_at, published_basis, published_start from documents"
    dates = {Path(o).stem[:3]: (d, b, s) for o, d, b, s in _rows(db, query)}
    assert dates["000"] == (date(2025, 9, 27).isoformat(), "byline", None)
    for key in ("001", "002", "003", "004"):
        published, basis, start = dates[key]
        assert published is None and basis.startswith("inferred:") and start is not None


@pytest.mark.parametrize(
    ("seed", "kind", "source", "target"),
    [
        ("000", "AGREE", "VENGOV", "USA"),  # Maduro offers help to the US administration
        ("002", "CONSULT", "USAGOV", "VEN"),  # the US official's visit / negotiations
        ("004", "CONSULT", "USAGOV", "VENGOV"),  # the Trump-Maduro phone call
        ("004", "SANCTION", "USA", "VENCRM"),  # the Cartel of the Suns designation
    ],
)
def test_key_events_are_found(seeded, seed, kind, source, target):
    db, _ = seeded
    rows = _rows(
        db,
        "select e.source_code, e.target_code from events e join documents d on d.id = e.doc_id "
        f"where d.origin like '%{seed}_%' and e.type = '{kind}'",
    )
    assert any(s.startswith(source) and (t or "").startswith(target) for s, t in rows), rows


def test_running_again_changes_nothing(seeded, seeds_dir):
    db, _ = seeded
    tables = ("documents", "events", "actors", "errors")
    before = {t: _rows(db, f"select count(*) from {t}") for t in tables}
    with Store.open(str(db)) as store:
        stats = Pipeline().run([str(seeds_dir)], store)
    assert stats.skipped == 5 and stats.stored == 0
    assert {t: _rows(db, f"select count(*) from {t}") for t in tables} == before


def test_every_event_keeps_its_provenance(seeded):
    db, _ = seeded
    rows = _rows(
        db,
        "select e.sentence, e.sentence_start, e.sentence_end, d.text, e.coder_version, "
        "e.confidence from events e join documents d on d.id = e.doc_id",
    )
    assert rows
    for sentence, start, end, text, version, confidence in rows:
        assert text[start:end] == sentence
        assert version and 0 <= confidence <= 1


def test_every_span_points_at_its_words(seeded):
    db, _ = seeded
    words = {
        "trigger": "trigger",
        "source": "source_text",
        "target": "target_text",
        "place": "place_name",
        "reported_by": "reported_by_text",
    }
    columns = ", ".join(f"e.{w}, e.{part}_start, e.{part}_end" for part, w in words.items())
    rows = _rows(
        db,
        f"select d.text, e.place_basis, {columns} "
        "from events e join documents d on d.id = e.doc_id",
    )
    checked = 0
    for text, place_basis, *spans in rows:
        said = dict(zip(words, spans[::3], strict=True))
        if place_basis == "actor":  # the country of the actor: its span is the actor's words
            said["place"] = text[spans[10] : spans[11]]
            assert said["place"] in (said["source"], said["target"])
        for part, start, end in zip(said.values(), spans[1::3], spans[2::3], strict=True):
            if part:  # an implied actor names no words
                assert text[start:end] == part
                checked += 1
    assert checked > len(rows)


def test_python_api_codes_texts_in_memory():
    from newsevents import Pipeline as PublicPipeline

    [doc] = PublicPipeline().process(["Ukraine accused Russia of shelling Kharkiv."])
    assert [(e.type, e.source.actor.code, e.target.actor.code) for e in doc.events] == [
        ("ACCUSE", "UKRGOV", "RUS")
    ]


def test_postgresql_url_runs_the_same_pipeline(pg_url, seeds_dir):
    from sqlalchemy import text

    with Store.open(pg_url) as store:
        with store.engine.begin() as connection:
            for table in ("happenings", "stories", "events", "errors", "actors", "documents"):
                connection.execute(text(f"delete from {table}"))
        first = Pipeline().run([str(seeds_dir)], store)
        counts = store.counts()
        again = Pipeline().run([str(seeds_dir)], store)
        assert store.counts() == counts
    assert first.stored == 5 and counts["events"] == first.events > 0
    assert again.skipped == 5


def test_worker_processes_give_the_same_events(tmp_path, seeds_dir):
    from newsevents.pipeline import Options

    counts = []
    for workers in (1, 2):
        with Store.open(str(tmp_path / f"w{workers}.db")) as store:
            stats = Pipeline(Options(workers=workers, batch_size=2)).run([str(seeds_dir)], store)
            ids = sorted(row["event_id"] for row in store.query_events(limit=None))
        counts.append((stats.stored, ids))
    assert counts[0] == counts[1] and counts[0][0] == 5


def test_reworded_copy_is_marked_and_its_events_not_counted_twice(seeded):
    db, _ = seeded
    marks = _rows(db, "select origin, duplicate_of, duplicate_kind from documents")
    copies = {Path(o).stem[:3]: (of, kind) for o, of, kind in marks if of}
    originals = {i: Path(o).stem[:3] for o, i in _rows(db, "select origin, id from documents")}
    assert {k: (originals[of], kind) for k, (of, kind) in copies.items()} == {
        "001": ("000", "paraphrase")
    }
    with Store.open(str(db)) as store:
        shown = {r["doc_id"] for r in store.query_events(limit=None)}
        every = {r["doc_id"] for r in store.query_events(limit=None, include_duplicates=True)}
    assert len(every - shown) == 1


def test_copies_added_later_are_found_against_the_store(tmp_path, seeds_dir):
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    original = (seeds_dir / "000_c3ca662996068499.txt").read_text("utf-8")
    (first / "original.txt").write_text(original, "utf-8")
    (later / "reprint.txt").write_text("Reprinted from FP\n\n" + original, "utf-8")
    db = tmp_path / "incremental.db"
    for folder in (first, later):
        with Store.open(str(db)) as store:
            Pipeline().run([str(folder)], store)
    kinds = _rows(db, "select origin, duplicate_kind from documents order by origin")
    assert [(Path(o).name, k) for o, k in kinds] == [
        ("original.txt", None),
        ("reprint.txt", "near"),
    ]


def test_a_released_copy_counts_and_stays_released(seeded, tmp_path, seeds_dir):
    """`dedup --db` lists the copy, `--explain` shows its aligned sentences, `--not-copy`
    releases it: its events join the happenings, and a re-run does not mark it again."""
    db = tmp_path / "released.db"
    db.write_bytes(seeded[0].read_bytes())
    runner = CliRunner()
    listed = runner.invoke(app, ["dedup", "--db", str(db), "--json"])
    assert listed.exit_code == 0, listed.output
    [copy] = json.loads(listed.stdout)["copies"]
    explained = runner.invoke(
        app, ["dedup", "--db", str(db), "--json", "--explain", copy["duplicate_of"], copy["id"]]
    )
    assert explained.exit_code == 0, explained.output
    why = json.loads(explained.stdout)
    assert why["kind"] == "paraphrase" and len(why["aligned"]) >= 4
    with Store.open(str(db)) as store:
        before = store.count_happenings()
    released = runner.invoke(app, ["dedup", "--db", str(db), "--not-copy", copy["id"][:10]])
    assert released.exit_code == 0 and "released" in released.output
    with Store.open(str(db)) as store:
        assert store.count_happenings() > before
        assert copy["id"] in {r["doc_id"] for r in store.query_events(limit=None)}
        Pipeline().run([str(seeds_dir)], store)
        assert store.document(copy["id"])["duplicate_kind"] == "released"
        assert store.document(copy["id"])["duplicate_of"] is None
    again = runner.invoke(app, ["dedup", "--db", str(db), "--not-copy", copy["id"]])
    assert "not a copy" in again.output
    unknown = runner.invoke(app, ["dedup", "--db", str(db), "--not-copy", "nosuchid"])
    assert unknown.exit_code == 1 and "No stored document" in unknown.output


def test_explaining_two_files_that_are_not_copies(seeds_dir):
    first, second = sorted(seeds_dir.glob("*.txt"))[1:3]
    result = CliRunner().invoke(app, ["dedup", "--explain", str(first), str(second)])
    assert result.exit_code == 0, result.output
    assert "is not a copy of" in result.output
