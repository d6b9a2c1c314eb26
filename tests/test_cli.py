"""The command line: each verb, its help, and clean one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.export import GDELT_COLUMNS
from newsevents.store import Store

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    result = invoke("run", str(seeds_dir), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    "command",
    [
        "run",
        "events",
        "stories",
        "export",
        "demo",
        "code",
        "dedup",
        "evaluate",
        "spark",
        "actor",
        "serve",
    ],
)
def test_every_command_has_help(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) > 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "/no/such/folder"], "No such file or folder"),
        (["events", "--db", "foo://nowhere"], "Cannot open database"),
        (["evaluate", "/no/such/gold.jsonl", "--classifier", "no.such.v1"], "Unknown type"),
    ],
)
def test_user_mistakes_get_one_line_not_a_traceback(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_unknown_type_is_a_usage_error(seeds_db):
    result = runner.invoke(app, ["events", "--db", str(seeds_db), "--type", "PUNCH"])
    assert result.exit_code == 2
    assert "unknown type" in result.output


@pytest.mark.slow
def test_events_filters_by_actor_and_type(seeds_db):
    result = invoke("events", "--db", str(seeds_db), "--actor", "VEN", "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows
    assert all("VEN" in (r["source_code"] or "") + (r["target_code"] or "") for r in rows)
    accuse = invoke("events", "--db", str(seeds_db), "--type", "accuse", "--format", "csv")
    records = list(csv.DictReader(accuse.stdout.splitlines()))
    assert records and {r["type"] for r in records} == {"ACCUSE"}


@pytest.mark.slow
def test_events_table_prints(seeds_db):
    result = invoke("events", "--db", str(seeds_db), "--since", "2025-01-01")
    assert result.exit_code == 0
    assert "type" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_every_event(seeds_db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = invoke("export", str(out), "--db", str(seeds_db), "--format", fmt)
    assert result.exit_code == 0, result.output
    total = len(_read(out, fmt))
    listed = invoke("events", "--db", str(seeds_db), "--limit", "0", "--format", "jsonl")
    assert total == len(listed.stdout.splitlines()) > 0


@pytest.mark.slow
def test_gdelt_export_has_one_row_per_happening_with_its_counts(seeds_db, tmp_path):
    out = tmp_path / "events.gdelt"
    assert invoke("export", str(out), "--db", str(seeds_db), "--format", "gdelt").exit_code == 0
    rows = [line.split("\t") for line in out.read_text("utf-8").splitlines()]
    listed = invoke("events", "--db", str(seeds_db), "--limit", "0", "--format", "jsonl")
    happenings = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == len(happenings)
    columns = GDELT_COLUMNS.index("NumMentions"), GDELT_COLUMNS.index("NumArticles")
    exported = sorted((int(r[columns[0]]), int(r[columns[1]])) for r in rows)
    assert exported == sorted((h["num_mentions"], h["num_articles"]) for h in happenings)
    assert any(articles == 2 for _, articles in exported)


def _read(path, fmt):
    if fmt == "csv":
        return list(csv.DictReader(path.read_text("utf-8").splitlines()))
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return pq.read_table(path).to_pylist()


@pytest.mark.slow
def test_demo_builds_its_database(tmp_path):
    db = tmp_path / "demo.db"
    result = invoke("demo", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert "events" in result.stdout


@pytest.mark.slow
def test_code_prints_events_as_json():
    result = invoke("code", "Japan delivered medicine to Ukraine.", "--json")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["type"], e["source"], e["target"]) for e in events] == [("AID", "JPNGOV", "UKR")]


@pytest.mark.slow
def test_code_of_an_empty_text_says_why():
    result = runner.invoke(app, ["code", "  "])
    assert result.exit_code == 1
    assert "no article text" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_events_all_includes_the_copies(seeds_db):
    listing = ("events", "--db", str(seeds_db), "--mentions", "--limit", "0", "--format", "jsonl")
    default = invoke(*listing)
    every = invoke(*listing, "--all")
    assert len(every.stdout.splitlines()) > len(default.stdout.splitlines()) > 0


@pytest.mark.slow
def test_events_merged_counts_articles_and_sources(seeds_db):
    result = invoke("events", "--db", str(seeds_db), "--limit", "0", "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["num_sources"] <= r["num_articles"] <= r["num_mentions"] for r in rows)
    assert any(r["num_articles"] == 2 and r["num_sources"] == 1 for r in rows)
    csv_out = invoke("events", "--db", str(seeds_db), "--format", "csv")
    assert csv_out.stdout.startswith("id,merge_key,type,")


@pytest.mark.parametrize(("day", "code"), [("2024-12-01", "USAELI"), ("2025-03-01", "USAGOV")])
def test_actor_resolves_on_a_date(day, code):
    result = invoke("actor", "Donald Trump", "--date", day, "--json")
    record = json.loads(result.stdout)
    assert record["actor"]["code"] == code and len(record["roles"]) >= 4


def test_unknown_actor_says_so():
    result = runner.invoke(app, ["actor", "Nobody McNobodyface"])
    assert result.exit_code == 1 and "not in the actor dictionaries" in result.output


def test_reading_a_database_that_is_not_there_does_not_create_it(tmp_path):
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["events", "--db", str(missing)])
    assert result.exit_code == 1 and "No database at" in result.output
    assert not missing.exists()


def test_an_error_is_one_line_however_long(tmp_path):
    deep = tmp_path.joinpath(*(f"folder-{n}" for n in range(12)), "typo.db")
    result = runner.invoke(app, ["events", "--db", str(deep)])
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith("Error: No database at") and str(deep) in line


@pytest.mark.slow
def test_the_reworded_copy_shares_its_originals_story(seeds_db):
    listed = invoke("stories", "--db", str(seeds_db), "--json")
    stories = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sum(s["num_articles"] for s in stories) == 5
    with Store.open(str(seeds_db)) as store:
        story_of = {
            Path(d["origin"]).name[:3]: d["story_id"]
            for s in stories
            for d in store.story_documents(s["id"])
        }
    assert story_of["000"] == story_of["001"]
    shown = invoke("events", "--db", str(seeds_db), "--story", story_of["000"], "--format", "jsonl")
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert rows and {r["story_id"] for r in rows} == {story_of["000"]}


@pytest.mark.slow
def test_a_given_publication_date_anchors_last_week(seeds_dir, tmp_path):
    db = str(tmp_path / "given.db")
    [article] = seeds_dir.glob("004_*.txt")
    assert invoke("run", str(article), "--db", db, "--published", "2025-11-03").exit_code in (0, 3)
    listed = invoke("events", "--db", db, "--mentions", "--limit", "0", "--format", "jsonl")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    last_week = [r for r in rows if (r["date_expression"] or "").lower() == "last week"]
    assert last_week, "004 tells of a call 'last week'"
    assert {(r["date_start"], r["date_end"]) for r in last_week} == {("2025-10-27", "2025-11-02")}
    with Store.open(db) as store:
        document = store.document(rows[0]["doc_id"])
    assert document and (document["published_at"], document["published_basis"]) == (
        "2025-11-03",
        "given",
    )


def test_version_is_printed():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("newsevents ")


@pytest.mark.slow
def test_export_takes_the_filters_events_takes(seeds_db, tmp_path):
    filters = ("--quad", "4", "--modality", "asserted", "--since", "2025-01-01")
    listed = invoke("events", "--db", str(seeds_db), *filters, "--limit", "0", "-f", "jsonl")
    wanted = sorted(json.loads(line)["id"] for line in listed.stdout.splitlines())
    out = tmp_path / "conflict.jsonl"
    result = invoke("export", str(out), "--db", str(seeds_db), "-f", "jsonl", *filters)
    assert result.exit_code == 0, result.output
    exported = sorted(json.loads(line)["id"] for line in out.read_text().splitlines())
    assert exported == wanted
    assert (
        0
        < len(wanted)
        < len(
            invoke(
                "events", "--db", str(seeds_db), "--limit", "0", "-f", "jsonl"
            ).stdout.splitlines()
        )
    )


@pytest.mark.parametrize(
    ("target", "message"), [("missing/out.csv", "no folder"), (".", "it is a folder")]
)
def test_export_to_a_bad_path_is_one_line(seeds_db, tmp_path, target, message):
    result = runner.invoke(app, ["export", str(tmp_path / target), "--db", str(seeds_db)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_the_mentions_of_a_happening_are_all_it_counts(seeds_db):
    merged = invoke("events", "--db", str(seeds_db), "--limit", "0", "-f", "jsonl").stdout
    copied = [h for h in map(json.loads, merged.splitlines()) if h["num_mentions"] >= 2]
    assert copied
    for happening in copied:
        listed = invoke(
            "events",
            "--db",
            str(seeds_db),
            "--mentions",
            "--happening",
            happening["id"],
            "-f",
            "jsonl",
        )
        rows = [json.loads(line) for line in listed.stdout.splitlines()]
        assert len(rows) == happening["num_mentions"]


@pytest.mark.slow
def test_events_search_and_sort(seeds_db):
    listed = invoke(
        "events", "--db", str(seeds_db), "-q", "venez", "--sort", "mentions", "-f", "jsonl"
    )
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows
    assert [r["num_mentions"] for r in rows] == sorted(
        (r["num_mentions"] for r in rows), reverse=True
    )
    bad = runner.invoke(app, ["events", "--db", str(seeds_db), "--sort", "loudness"])
    assert bad.exit_code == 2 and "unknown sort" in bad.output


@pytest.mark.slow
def test_stories_take_the_event_filters(seeds_db):
    def story_ids(*args: str) -> set[str]:
        listed = invoke("stories", "--db", str(seeds_db), "--json", *args)
        return {json.loads(line)["id"] for line in listed.stdout.splitlines()}

    every = story_ids()
    listed = invoke("events", "--db", str(seeds_db), "--limit", "0", "-f", "jsonl").stdout
    types = {json.loads(line)["type"] for line in listed.splitlines()}
    narrower = 0
    for kind in sorted(types):
        held = story_ids("--type", kind)
        rows = invoke("events", "--db", str(seeds_db), "--type", kind, "-f", "jsonl").stdout
        assert held == {json.loads(line)["story_id"] for line in rows.splitlines()} - {None}
        narrower += held < every
    assert narrower  # some type is told in only some of the stories


@pytest.mark.slow
def test_a_network_edge_and_node_open_the_same_rows_in_the_cli(seeds_db):
    from newsevents.store import Store
    from newsevents.store._filter import EventFilter
    from newsevents.views import network

    with Store.open(str(seeds_db)) as store:
        graph = network(store, EventFilter())
    edge, node = graph["edges"][0], graph["nodes"][0]
    for option, params in (("--pair", edge["params"]), ("--code", node["params"])):
        value = params["pair" if option == "--pair" else "code"]
        modality = ("--modality", params["modality"]) if "modality" in params else ()
        listed = invoke(
            "events", "--db", str(seeds_db), option, value, *modality, "--limit", "0", "-f", "jsonl"
        )
        assert listed.exit_code == 0, listed.output
        count = edge["events"] if option == "--pair" else node["events"]
        assert len(listed.stdout.splitlines()) == count


def test_evaluate_prints_scores_and_how_reliable_each_confidence_band_is(tmp_path):
    gold = tmp_path / "gold.jsonl"
    items = [
        ("Russia accused Ukraine of shelling a school.", "ACCUSE", "RUS", "UKR"),
        ("Police arrested two opposition leaders in Minsk.", "COERCE", "BLR", "BLR"),
    ]
    gold.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": f"item{n}",
                    "text": text,
                    "published": "2025-05-01",
                    "events": [
                        {
                            "type": kind,
                            "source": [{"text": "", "country": source}],
                            "target": [{"text": "", "country": target}],
                        }
                    ],
                }
            )
            for n, (text, kind, source, target) in enumerate(items)
        ),
        "utf-8",
    )
    result = invoke("evaluate", str(gold), "--classifier", "none")
    assert result.exit_code == 0, result.output
    assert "2 items, 2 gold events" in result.output
    assert "F1 95% interval" in result.output
    assert "reliability" in result.output
    bands = [line for line in result.output.splitlines() if line.startswith("│ 0.")]
    assert bands, result.output
    # every predicted event falls in one band
    predicted = int(result.output.split("gold events, ")[1].split(" predicted")[0])
    assert sum(int(line.split("│")[2]) for line in bands) == predicted
