"""The store on SQLite (and PostgreSQL when NEWSEVENTS_TEST_PG gives a server URL)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from newsevents.errors import StoreError
from newsevents.model import Actor, ActorMention, Document, Event, EventDate, IngestError
from newsevents.store import EVENT_COLUMNS, Store, metadata

VERSION = "test-coder.v1"


def _mention(text_: str, country: str, sector: str | None) -> ActorMention:
    return ActorMention(text_, 0, len(text_), Actor(text_, country, sector))


def _document(name: str, events: list[tuple[str, str, str | None, date | None]]) -> Document:
    raw = f"Article {name}. " * 5
    document = Document(id=Document.make_id(raw), raw=raw, origin=f"{name}.txt", paragraphs=[raw])
    for number, (kind, source, target, when) in enumerate(events):
        document.events.append(
            Event(
                doc_id=document.id,
                type=kind,
                source=_mention(source, source[:3], source[3:] or None),
                target=_mention(target, target[:3], target[3:] or None) if target else None,
                sentence="Article.",
                sentence_start=0,
                sentence_end=8,
                trigger=f"t{number}",
                trigger_start=number,
                trigger_end=number + 1,
                date=EventDate(when, when, "day"),
                confidence=0.7,
                coder_version=VERSION,
            )
        )
    return document


@pytest.fixture
def batch():
    return [
        _document(
            "a",
            [
                ("ACCUSE", "UKRGOV", "RUSGOV", date(2025, 3, 1)),
                ("ASSAULT", "RUSMIL", "UKR", date(2025, 3, 2)),
            ],
        ),
        _document("b", [("AID", "JPN", "UKR", date(2025, 6, 1))]),
        _document("c", []),
    ]


def test_write_and_read_back(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    counts = {"documents": 3, "actors": 5, "events": 3, "happenings": 3, "stories": 3, "errors": 0}
    assert store.counts() == counts
    rows = store.query_events(limit=None)
    assert [r["type"] for r in rows] == ["ACCUSE", "ASSAULT", "AID"]
    assert set(rows[0]) == set(EVENT_COLUMNS)
    assert rows[0]["date_start"] == "2025-03-01" and rows[0]["origin"] == "a.txt"


def test_writing_twice_changes_nothing(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    before = store.counts()
    store.write_batch(batch, coder_version=VERSION)
    assert store.counts() == before


def test_rewriting_a_document_replaces_its_events(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    batch[0].events = batch[0].events[:1]
    store.write_batch(batch[:1], coder_version=VERSION)
    assert store.counts()["events"] == 2


def test_known_documents_depend_on_the_coder_version(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    ids = [d.id for d in batch] + ["missing"]
    assert store.known_documents(ids, VERSION) == {d.id for d in batch}
    assert store.known_documents(ids, "other.v2") == set()


def test_errors_are_recorded_once_and_cleared_on_success(store, batch):
    error = IngestError("a.txt", "ingest", "binary content, not text")
    store.write_batch([], [error, error], coder_version=VERSION)
    store.write_batch([], [error], coder_version=VERSION)
    assert [e["reason"] for e in store.errors()] == ["binary content, not text"]
    store.write_batch(batch[:1], coder_version=VERSION)
    assert store.errors() == []


@pytest.mark.parametrize(
    ("filters", "types"),
    [
        ({"actor": "UKR"}, ["ACCUSE", "ASSAULT", "AID"]),
        ({"actor": "RUSMIL"}, ["ASSAULT"]),
        ({"actor": "jpn"}, ["AID"]),
        ({"type": "accuse"}, ["ACCUSE"]),
        ({"since": date(2025, 3, 2)}, ["ASSAULT", "AID"]),
        ({"until": date(2025, 3, 1)}, ["ACCUSE"]),
        ({"country": "JPN"}, ["AID"]),
    ],
)
def test_filters(store, batch, filters, types):
    store.write_batch(batch, coder_version=VERSION)
    assert [r["type"] for r in store.query_events(**filters)] == types
    assert [r["type"] for r in store.iter_event_rows(**filters)] == types


def test_pagination(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    assert [r["type"] for r in store.query_events(limit=1, offset=1)] == ["ASSAULT"]


@pytest.mark.parametrize("url", ["foo://nowhere", "postgresql+nodriver://x/y"])
def test_bad_urls_are_store_errors(url):
    with pytest.raises(StoreError, match="Cannot open database"):
        Store.open(url)


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a database"):
        Store.open(str(path))


def test_migrated_schema_matches_the_tables(tmp_path):
    with Store.open(str(tmp_path / "m.db")) as opened, opened.engine.connect() as connection:
        # The search table is raw DDL (an FTS5 table on SQLite), not in `metadata`.
        context = MigrationContext.configure(
            connection,
            opts={"include_name": lambda name, *_: not (name or "").startswith("happening_text")},
        )
        diff = compare_metadata(context, metadata)
        assert diff == []
        names = set(inspect(connection).get_table_names())
    assert {"documents", "actors", "events", "errors", "alembic_version"} <= names


def test_downgrade_and_upgrade_again(tmp_path):
    from alembic import command
    from alembic.config import Config

    with Store.open(str(tmp_path / "m.db")) as opened:
        config = Config()
        config.set_main_option("script_location", "newsevents.store:migrations")
        with opened.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
            assert "events" not in inspect(connection).get_table_names()
        opened.migrate()
        assert opened.counts()["events"] == 0


def test_recoding_keeps_the_copy_relation(store, batch):
    from newsevents.model import Duplicate

    batch[1].duplicate = Duplicate(batch[0].id, "paraphrase", 0.8)
    store.write_batch(batch, coder_version=VERSION)
    batch[1].duplicate = None  # a later run with a new coder does not re-derive it
    store.write_batch(batch[1:2], coder_version="newer.v2")
    shown = [r["type"] for r in store.query_events(limit=None)]
    every = [r["type"] for r in store.query_events(limit=None, include_duplicates=True)]
    assert "AID" not in shown and "AID" in every


def test_happenings_merge_across_batches_and_follow_rewrites(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    later = _document("d", [("ASSAULT", "RUSMIL", "UKR", date(2025, 3, 4))])
    store.write_batch([later], coder_version=VERSION)
    [assault] = store.query_happenings(type="ASSAULT")
    assert (assault["num_mentions"], assault["num_sources"]) == (2, 2)
    assert (assault["date_start"], assault["date_end"]) == ("2025-03-02", "2025-03-04")
    evidence = store.mentions_of([assault["id"]])[assault["id"]]
    assert {m["doc_id"] for m in evidence} == {batch[0].id, later.id}
    # The later article is recoded without the assault: the happening loses its mention.
    later.events = []
    store.write_batch([later], coder_version=VERSION)
    [assault] = store.query_happenings(type="ASSAULT")
    assert assault["num_mentions"] == 1
    assert store.count_happenings() == 3


@pytest.mark.parametrize(
    ("filters", "types"),
    [
        ({"quad_class": 4}, ["ASSAULT"]),
        ({"quad_class": 2}, ["AID"]),
        ({"dyad": ("RUS", "UKR")}, ["ACCUSE", "ASSAULT"]),
        ({"dyad": ("UKR", "JPN")}, ["AID"]),
        ({"min_sources": 2}, []),
        ({"modality": "asserted"}, ["ACCUSE", "ASSAULT", "AID"]),
        ({"actor": "RUSMIL", "since": date(2025, 3, 2)}, ["ASSAULT"]),
    ],
)
def test_happening_filters(store, batch, filters, types):
    store.write_batch(batch, coder_version=VERSION)
    assert [r["type"] for r in store.query_happenings(**filters)] == types
    assert store.count_happenings(**filters) == len(types)
    assert [r["type"] for r in store.iter_happenings(**filters)] == types


def test_mentions_stored_before_happenings_are_merged_on_open(tmp_path, batch):
    path = str(tmp_path / "old.db")
    with Store.open(path) as opened:
        opened.write_batch(batch, coder_version=VERSION)
        with opened.engine.begin() as connection:
            connection.execute(text("delete from happenings"))
            connection.execute(text("update events set happening_id = null"))
    with Store.open(path) as reopened:
        assert reopened.count_happenings() == 3
        assert (
            sum(
                len(m)
                for m in reopened.mentions_of(
                    [h["id"] for h in reopened.query_happenings()]
                ).values()
            )
            == 3
        )


def test_actor_counts(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    counted = {r["code"]: (r["as_source"], r["as_target"]) for r in store.actor_counts()}
    assert counted["UKR"] == (0, 2)
    assert counted["UKRGOV"] == (1, 0)
    assert [r["code"] for r in store.actor_counts(search="jp")] == ["JPN"]


def _dated(name: str, words: str, day: date) -> Document:
    document = _document(name, [])
    document.paragraphs = [f"{words}. Article {name} tells more of it."]
    document.published_at = day
    return document


STORY = "Maduro Trump Caracas Washington Grenell Aragua"


def test_articles_join_stories_by_names_and_dates(store):
    first = _dated("s1", STORY, date(2025, 2, 1))
    next_day = _dated("s2", STORY + " Rubio", date(2025, 2, 3))
    months_later = _dated("s3", STORY, date(2025, 9, 1))
    elsewhere = _dated("s4", "Putin Zelensky Kyiv Moscow Kremlin Donbas", date(2025, 2, 2))
    store.write_batch([first, next_day], coder_version=VERSION)
    store.write_batch([months_later, elsewhere], coder_version=VERSION)
    stories = store.query_stories()
    assert len(stories) == 3
    [joined] = [s for s in stories if s["num_articles"] == 2]
    assert (joined["first_seen"], joined["last_seen"]) == ("2025-02-01", "2025-02-03")
    members = {d["id"] for d in store.story_documents(joined["id"])}
    assert members == {first.id, next_day.id}
    # Written again (a new coder version), an article keeps its story.
    store.write_batch([first], coder_version="newer.v2")
    assert {d["id"] for d in store.story_documents(joined["id"])} == members


def test_a_copy_joins_its_originals_story(store):
    from newsevents.model import Duplicate

    original = _dated("o1", STORY, date(2025, 2, 1))
    store.write_batch([original], coder_version=VERSION)
    copy = _dated("o2", "Entirely different words here", date(2025, 6, 1))
    copy.duplicate = Duplicate(original.id, "paraphrase", 0.8)
    store.write_batch([copy], coder_version=VERSION)
    [story] = store.query_stories()
    assert story["num_articles"] == 2 and story["last_seen"] == "2025-06-01"


@pytest.mark.parametrize(
    ("words", "types"),
    [
        ("rusmil", ["ASSAULT"]),
        ("ukr", ["ACCUSE", "ASSAULT", "AID"]),
        ("Article JPN", ["AID"]),
        ("nowhere", []),
    ],
)
def test_search_names_and_sentences(store, batch, words, types):
    store.write_batch(batch, coder_version=VERSION)
    assert [r["type"] for r in store.query_happenings(q=words)] == types
    assert store.count_happenings(q=words) == len(types)


def test_search_follows_rewrites(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    batch[1].events = []
    store.write_batch([batch[1]], coder_version=VERSION)
    assert store.query_happenings(q="jpn") == []
    with store.engine.connect() as connection:
        rows = connection.execute(text("select count(*) from happening_text")).scalar()
    assert rows == store.count_happenings() == 2


def test_the_search_migration_indexes_what_is_stored(store, batch):
    from alembic import command
    from alembic.config import Config

    store.write_batch(batch, coder_version=VERSION)
    config = Config()
    config.set_main_option("script_location", "newsevents.store:migrations")
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
        assert "happening_text" not in inspect(connection).get_table_names()
    store.migrate()
    assert [r["type"] for r in store.query_happenings(q="rusmil")] == ["ASSAULT"]
    later = _document("d", [("ASSAULT", "RUSMIL", "UKR", date(2025, 3, 4))])
    store.write_batch([later], coder_version=VERSION)  # re-merged: its text follows
    assert [r["num_mentions"] for r in store.query_happenings(q="rusmil")] == [2]


def test_happening_groups_sum_months_in_sql(store, batch):
    store.write_batch(batch, coder_version=VERSION)
    months = store.happening_groups("date_start", "quad_class", where=None, date_chars=7)
    assert sorted((m, q, n) for m, q, n, _ in months) == [
        ("2025-03", 3, 1),
        ("2025-03", 4, 1),
        ("2025-06", 2, 1),
    ]
    pairs = store.happening_groups("source_code", "target_code")
    assert {(s, t): n for s, t, n, _ in pairs}[("RUSMIL", "UKR")] == 1


def test_postgresql_search_can_use_its_index(pg_url, batch):
    opened = Store.open(pg_url)
    try:
        opened.write_batch(batch, coder_version=VERSION)
        query = _happenings_filtered_ids("rusmil")
        compiled = query.compile(opened.engine, compile_kwargs={"literal_binds": True})
        with opened.engine.begin() as connection:
            # On a table this small any full index scan costs less: leave the planner the
            # bitmap scans alone, which a GIN index serves and a covering B-tree without
            # a condition on its first column cannot.
            for setting in ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan"):
                connection.execute(text(f"SET LOCAL {setting} = off"))
            plan = "\n".join(connection.scalars(text(f"EXPLAIN {compiled}")))
        assert "ix_happening_text_body" in plan
    finally:
        opened.close()


def _happenings_filtered_ids(words):
    from sqlalchemy import select

    from newsevents.store import EventFilter
    from newsevents.store._happenings import filtered
    from newsevents.store._tables import happenings

    return filtered(select(happenings.c.id), EventFilter(q=words))


def test_the_country_key_migration_lets_a_bare_country_join(store, batch):
    from alembic import command
    from alembic.config import Config

    store.write_batch(batch, coder_version=VERSION)
    config = Config()
    config.set_main_option("script_location", "newsevents.store:migrations")
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")
        keys = set(connection.scalars(text("select merge_key from events")))
        assert "ASSAULT|RUSMIL|UKR" in keys  # whole codes before 0013
    store.migrate()
    with store.engine.connect() as connection:
        keys = set(connection.scalars(text("select merge_key from happenings")))
    assert "ASSAULT|RUS|UKR" in keys
    bare = _document("d", [("ASSAULT", "RUS", "UKR", date(2025, 3, 3))])
    store.write_batch([bare], coder_version=VERSION)  # joins the RUSMIL happening
    [assault] = store.query_happenings(type="ASSAULT")
    assert (assault["source_code"], assault["num_mentions"]) == ("RUSMIL", 2)
