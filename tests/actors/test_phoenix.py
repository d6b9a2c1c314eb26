"""The Phoenix dictionaries, imported beside ours (`data/phoenix_actors.tsv`,
`data/phoenix_agents.tsv`): their names resolve, by date, in any case; ours win where
both know a name or a term; what can only hurt is left out; the files are what the
import script writes."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsevents.actors import ActorResolver
from newsevents.actors._dictionary import _data_file, _rows, _split, fold

D = date.fromisoformat
REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "training" / "dictionaries" / "import_phoenix_actors.py"
REFERENCE = REPO.parent / "shared" / "data" / "reference"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(
    ("name", "when", "code"),
    [
        # Phoenix.Countries: people with dated roles
        ("Richard Nixon", D("1972-06-01"), "USAGOV"),
        ("President Nixon", None, None),  # a titled form is left out: the title is read
        ("Venant Kamana", D("2008-06-01"), "BDIGOV"),
        ("Edward Snowden", D("2014-06-01"), "USAOPP"),
        # Phoenix.International: companies, NGOs, IGO officials
        ("Toyota", None, "BUS"),
        ("Afghanaid", None, "NGO"),
        ("Veolia Environnement", None, "BUS"),
        ("Javier de Cuellar", D("1985-01-01"), "IGO"),
        # Phoenix.MilNonState: armed groups, whatever the case of the text
        ("Anarchist Struggle", None, "GRCREB"),
        ("ANARCHIST STRUGGLE", None, "GRCREB"),
        ("Venceremos", None, "VENREB"),
    ],
)
def test_imported_names_resolve(resolver, name, when, code):
    actor = resolver.resolve_name(name, when)
    assert (actor.code if actor else None) == code, (name, actor)


@pytest.mark.parametrize(
    ("name", "when", "code"),
    [
        ("Richard Nixon", D("1958-01-01"), "USAGOV"),  # vice president
        ("Richard Nixon", D("1965-01-01"), "USAELI"),  # between his offices
        ("Richard Nixon", D("1980-01-01"), "USAELI"),  # after them
        ("Venant Kamana", D("2012-01-01"), "BDIELI"),  # out of office
        # an open-ended Phoenix role ends when the dictionaries stopped being kept
        ("Venancio Massingue", D("2012-01-01"), "MOZGOV"),
        ("Venancio Massingue", D("2020-01-01"), "MOZELI"),
    ],
)
def test_imported_roles_follow_the_date(resolver, name, when, code):
    actor = resolver.resolve_name(name, when)
    assert actor is not None and actor.code == code, (name, when, actor)


def test_ours_win_on_a_name_both_know(resolver):
    # Phoenix codes Obama USAGOV from 2009 without an end; ours ends it in 2017
    obama = resolver.resolve_name("Barack Obama", D("2020-06-01"))
    assert obama is not None and obama.code == "USAELI" and obama.qid == "Q76"
    ours = {fold(s).lower() for table in ("actors.tsv", "leaders.tsv") for s in _names(table)}
    imported = {fold(s).lower() for s in _names("phoenix_actors.tsv")}
    assert not ours & imported


def _names(table: str) -> set[str]:
    return {s for row in _rows(_data_file(table)) for s in (row["name"], *_split(row["aliases"]))}


@pytest.mark.parametrize(
    "form",
    ["army", "justice", "unity", "khan", "hassan", "un", "president bush", "mr. obama"],
)
def test_forms_that_can_only_hurt_are_left_out(resolver, form):
    assert form not in resolver.dictionary.imported


@pytest.mark.parametrize(
    ("sentence", "head", "sector"),
    [
        ("The constables detained two men.", "constables", "COP"),  # Phoenix only
        ("Arsonists burned the party office.", "Arsonists", "CRM"),  # Phoenix only
        ("The spokesmen denied the report.", "spokesmen", "GOV"),  # ours, not Phoenix' MED
        ("Jewish immigrants protested.", "immigrants", "REF"),  # our head noun wins
    ],
)
def test_agents_merge_with_ours_winning(nlp, resolver, sentence, head, sector):
    token = next(t for t in nlp(sentence) if t.text == head)
    mention = resolver.resolve(token, D("2025-01-01"))
    assert mention is not None and mention.actor.sector == sector, mention


def _import_script():
    spec = importlib.util.spec_from_file_location("import_phoenix_actors", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the shared reference data is absent")
def test_committed_files_are_what_the_import_script_writes():
    module = _import_script()
    actors, agents = module.build_actors(REFERENCE), module.build_agents(REFERENCE)
    assert module.ACTORS_OUT.read_text("utf-8") == actors
    assert module.AGENTS_OUT.read_text("utf-8") == agents
    assert module.build_actors(REFERENCE) == actors  # byte for byte, run after run


def _ended_people() -> list[tuple[str, date, str]]:
    """(name, a year after its last role ends, country) for each imported name whose
    roles all have an end and a country: a person out of office."""
    spans: dict[str, list[dict[str, str]]] = {}
    for row in _rows(_data_file("phoenix_actors.tsv")):
        spans.setdefault(row["name"], []).append(row)
    cases = []
    for name, rows in sorted(spans.items()):
        if all(r["end"] and r["country"] for r in rows):
            last = max(rows, key=lambda r: r["end"])
            cases.append(
                (name, D(last["end"]).replace(day=1) + timedelta(days=400), last["country"])
            )
    return cases


def test_every_imported_person_is_eli_after_the_last_role(resolver):
    cases = _ended_people()
    assert len(cases) > 3000
    wrong = [
        (name, when, actor.code if actor else None)
        for name, when, country in cases
        if (actor := resolver.resolve_name(name, when)) is None or actor.code != f"{country}ELI"
    ]
    assert wrong == []
