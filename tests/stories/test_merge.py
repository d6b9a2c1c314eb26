"""Merging mentions into happenings: copies are articles, not sources."""

from __future__ import annotations

from newsevents.stories import merge_events, merge_key


def _row(
    event_id,
    doc_id,
    *,
    day="2025-09-10",
    kind="ASSAULT",
    source="RUSMIL",
    target="UKR",
    copy_of=None,
    published="2025-09-11",
):
    return {
        "event_id": event_id,
        "doc_id": doc_id,
        "duplicate_of": copy_of,
        "type": kind,
        "source_code": source,
        "target_code": target,
        "date_start": day,
        "date_end": day,
        "published_at": published,
        "confidence": 0.7,
    }


def test_two_sources_one_copy_make_one_happening():
    [happening] = merge_events(
        [
            _row("e1", "a"),
            _row("e2", "b", day="2025-09-12"),
            _row("e3", "c", copy_of="a", day=None),
        ]
    )
    assert (happening.num_mentions, happening.num_articles, happening.num_sources) == (3, 3, 2)
    assert sorted(happening.mentions) == ["e1", "e2", "e3"]
    assert str(happening.date_start) == "2025-09-10" and str(happening.date_end) == "2025-09-12"


def test_repeats_in_one_article_are_mentions():
    [happening] = merge_events([_row("e1", "a"), _row("e2", "a")])
    assert (happening.num_mentions, happening.num_articles, happening.num_sources) == (2, 1, 1)


def test_far_apart_dates_or_other_actors_stay_apart():
    merged = merge_events(
        [
            _row("e1", "a"),
            _row("e2", "b", day="2025-11-01"),
            _row("e3", "c", target="POL"),
            _row("e4", "d", kind="ACCUSE"),
            _row("e5", "e", day=None),
        ]
    )
    assert len(merged) == 5
    assert all(h.num_sources == 1 for h in merged)


def test_seed_copy_merges_into_its_original(tmp_path, seeds_dir):
    from newsevents.pipeline import Pipeline
    from newsevents.store import Store

    with Store.open(str(tmp_path / "s.db")) as store:
        Pipeline().run([str(seeds_dir)], store)
        merged = merge_events(store.iter_event_rows(include_duplicates=True))
    shared = [h for h in merged if h.num_articles == 2]
    assert shared, "no event of 001 merged into 000"
    assert all(h.num_sources == 1 for h in shared)


def test_two_articles_of_one_outlet_are_one_source():
    rows = [
        _row("e1", "a") | {"url": "https://www.example.org/one"},
        _row("e2", "b") | {"url": "https://example.org/two"},
        _row("e3", "c") | {"url": "https://other.net/x"},
        # A reprint on a third site counts as its original's outlet.
        _row("e4", "d", copy_of="c")
        | {"url": "https://reprints.com/y", "original_url": "https://other.net/x"},
    ]
    [happening] = merge_events(rows)
    assert (happening.num_articles, happening.num_sources) == (4, 2)


# -- compatible codes: a bare country and the same country with a sector -------------


def test_a_bare_country_joins_the_same_country_with_a_sector():
    # "Venezuela accused the United States" / "Venezuela accused Washington"
    rows = [
        _row("e1", "a", kind="ACCUSE", source="VENGOV", target="USA"),
        _row("e2", "b", kind="ACCUSE", source="VENGOV", target="USAGOV", day="2025-09-11"),
    ]
    [happening] = merge_events(rows)
    assert (happening.source_code, happening.target_code) == ("VENGOV", "USAGOV")
    assert happening.num_mentions == 2


def test_the_more_specific_code_wins_whichever_comes_first():
    rows = [
        _row("e1", "a", kind="ACCUSE", source="VEN", target="USA", published="2025-09-10"),
        _row("e2", "b", kind="ACCUSE", source="VENGOV", target="USAGOV", published="2025-09-12"),
        _row("e3", "c", kind="ACCUSE", source="VEN", target="USAGOV", published="2025-09-13"),
    ]
    [happening] = merge_events(rows)
    assert (happening.source_code, happening.target_code) == ("VENGOV", "USAGOV")
    assert happening.id == merge_events(rows[:1])[0].id  # the first report names it


def test_sectors_given_on_opposite_sides_stay_apart():
    # VEN->USAGOV and VENGOV->USA: neither says all the other does
    rows = [
        _row("e1", "a", kind="ACCUSE", source="VEN", target="USAGOV"),
        _row("e2", "b", kind="ACCUSE", source="VENGOV", target="USA"),
    ]
    assert len(merge_events(rows)) == 2


def test_a_bare_country_between_two_sectors_stays_apart():
    rows = [
        _row("e1", "a", target="UKR"),
        _row("e2", "b", target="UKRGOV"),
        _row("e3", "c", target="UKRMIL"),
    ]
    assert sorted(h.target_code for h in merge_events(rows)) == ["UKR", "UKRGOV", "UKRMIL"]


def test_other_sectors_other_countries_and_far_dates_stay_apart():
    rows = [
        _row("e1", "a", source="RUSMIL", target="UKRGOV"),
        _row("e2", "b", source="RUSGOV", target="UKRGOV"),  # another sector
        _row("e3", "c", source="RUS", target="POL"),  # another country
        _row("e4", "d", source="RUS", target="UKR", day="2025-12-01"),  # too late
    ]
    assert len(merge_events(rows)) == 4


def test_compatible_codes_share_a_merge_key():
    assert merge_key("ACCUSE", "VENGOV", "USA") == merge_key("ACCUSE", "VEN", "USAGOV")
    assert merge_key("ACCUSE", "VENGOV", "USA") != merge_key("ACCUSE", "VENGOV", "COL")


def test_the_united_states_and_washington_are_one_happening(tmp_path):
    from datetime import date

    from newsevents.pipeline import Pipeline
    from newsevents.store import Store

    docs = Pipeline().process(
        [
            "Venezuela accused the United States of plotting a coup.",
            "Caracas said on Tuesday that Venezuela accused Washington of plotting a coup.",
        ],
        published=date(2025, 9, 10),
    )
    assert {e.target.actor.code for d in docs for e in d.events if e.target} == {"USA", "USAGOV"}
    with Store.open(str(tmp_path / "s.db")) as store:
        store.write_batch(docs)
        found = store.query_happenings(type="ACCUSE")
    assert [(h["source_code"], h["target_code"], h["num_articles"]) for h in found] == [
        ("VENGOV", "USAGOV", 2)
    ]
