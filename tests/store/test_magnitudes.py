"""Magnitudes in the store (SQLite, and PostgreSQL through the shared server): each
mention's figures and their words, each happening's largest, the `min_killed` filter
and migration 0014 both ways."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from newsevents.model import Actor, ActorMention, Document, Event, EventDate, Magnitude

VERSION = "test-coder.v1"
TEXT = "Militants killed at least 12 soldiers and wounded dozens in an attack near Gao."


def _attack(name: str, killed: int | None, published: date) -> Document:
    raw = f"{TEXT} ({name})"
    document = Document(
        id=Document.make_id(raw),
        raw=raw,
        origin=f"{name}.txt",
        url=f"https://{name}.example/attack",
        paragraphs=[raw],
        published_at=published,
    )
    figures = {"injured": Magnitude("injured", 24, "dozens", 47, 53, low=24, high=99)}
    if killed is not None:
        figures["killed"] = Magnitude("killed", killed, f"at least {killed}", 17, 28, low=killed)
    document.events.append(
        Event(
            doc_id=document.id,
            type="ASSAULT",
            source=ActorMention("Militants", 0, 9, Actor("Militants", "MLI", "REB")),
            target=ActorMention("soldiers", 29, 37, Actor("soldiers", "MLI", "MIL")),
            sentence=TEXT,
            sentence_start=0,
            sentence_end=len(TEXT),
            trigger="killed",
            trigger_start=10,
            trigger_end=16,
            date=EventDate(date(2025, 5, 4), date(2025, 5, 4), "day"),
            confidence=0.8,
            coder_version=VERSION,
            magnitudes=figures,
        )
    )
    return document


def test_a_mention_keeps_its_figures_and_their_words(store):
    store.write_batch([_attack("a", 12, date(2025, 5, 5))], coder_version=VERSION)
    [row] = store.query_events()
    assert (row["killed"], row["injured"], row["arrested"], row["crowd"]) == (12, 24, None, None)
    killed = row["magnitudes"]["killed"]
    assert killed == {"value": 12, "low": 12, "high": None, "text": "at least 12"} | {
        "start": 17,
        "end": 28,
    }
    assert TEXT[killed["start"] : killed["end"]] == killed["text"]
    assert row["magnitudes"]["injured"]["high"] == 99


def test_a_happening_takes_the_largest_figure_of_its_mentions(store):
    early, later = _attack("a", 12, date(2025, 5, 5)), _attack("b", 19, date(2025, 5, 6))
    store.write_batch([early, later], coder_version=VERSION)
    [happening] = store.query_happenings()
    assert (happening["num_mentions"], happening["killed"], happening["injured"]) == (2, 19, 24)


def test_min_killed_filters_happenings_and_mentions(store):
    batch = [_attack("a", 3, date(2025, 5, 5)), _attack("b", None, date(2025, 8, 1))]
    batch[1].events[0].date = EventDate(date(2025, 8, 1), date(2025, 8, 1), "day")
    store.write_batch(batch, coder_version=VERSION)
    assert store.count_happenings() == 2
    assert [h["killed"] for h in store.query_happenings(min_killed=3)] == [3]
    assert store.query_happenings(min_killed=4) == []
    assert [r["killed"] for r in store.query_events(min_killed=0)] == [3]


def test_the_magnitude_migration_goes_both_ways(store):
    store.write_batch([_attack("a", 12, date(2025, 5, 5))], coder_version=VERSION)
    config = Config()
    config.set_main_option("script_location", "newsevents.store:migrations")
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
        columns = {c["name"] for c in inspect(connection).get_columns("events")}
        assert not columns & {"killed", "magnitudes"}
        assert connection.scalar(text("select count(*) from events")) == 1
    store.migrate()
    [row] = store.query_events()
    assert row["killed"] is None and row["magnitudes"] is None  # filled when re-coded
    store.write_batch([_attack("a", 12, date(2025, 5, 5))], coder_version=VERSION)
    assert [h["killed"] for h in store.query_happenings()] == [12]
