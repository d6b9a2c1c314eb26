"""Out of office is ELI: once a person's last dated role has ended they are a former
office holder, <country>ELI, not their last office. Cases written for the rule (people
whose office changed, who left office, or held two offices, 2000-2025), then the rule
checked over every person in `leaders.tsv`."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from importlib import resources

import pytest

from newsevents.actors import ActorResolver
from newsevents.actors._dictionary import _rows

D = date.fromisoformat

# (name as the news writes it, date, expected code)
CASES = [
    # left office
    ("Olaf Scholz", D("2025-09-01"), "DEUELI"),
    ("Olaf Scholz", D("2023-01-01"), "DEUGOV"),
    ("Justin Trudeau", D("2025-06-01"), "CANELI"),
    ("Trudeau", D("2020-01-01"), "CANGOV"),
    ("Rishi Sunak", D("2024-09-01"), "GBRELI"),
    ("Fumio Kishida", D("2025-01-01"), "JPNELI"),
    ("Yoon Suk Yeol", D("2025-06-01"), "KORELI"),
    ("Joko Widodo", D("2025-01-01"), "IDNELI"),
    ("Ebrahim Raisi", D("2024-06-01"), "IRNELI"),
    ("Kamala Harris", D("2025-06-01"), "USAELI"),
    # office changed
    ("Lloyd Austin", D("2023-03-01"), "USAMIL"),
    ("Lloyd Austin", D("2025-03-01"), "USAELI"),
    ("Yoshihide Suga", D("2015-01-01"), "JPNGOV"),
    ("Yoshihide Suga", D("2022-01-01"), "JPNELI"),
    # two offices, and out of office between them
    ("David Cameron", D("2012-01-01"), "GBRGOV"),
    ("David Cameron", D("2020-01-01"), "GBRELI"),
    ("David Cameron", D("2024-01-01"), "GBRGOV"),
    ("David Cameron", D("2025-01-01"), "GBRELI"),
    ("Jens Stoltenberg", D("2010-01-01"), "NORGOV"),
    ("Jens Stoltenberg", D("2020-01-01"), "IGO"),
    ("Jens Stoltenberg", D("2025-06-01"), "NORELI"),  # the country of his earlier office
    ("Helen Clark", D("2020-01-01"), "NZLELI"),
]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(("name", "when", "code"), CASES)
def test_a_person_out_of_office_is_eli(resolver, name, when, code):
    actor = resolver.resolve_name(name, when)
    assert actor is not None and actor.code == code, (name, when, actor)


def test_undated_text_keeps_the_latest_role(resolver):
    # Without a date: the open-ended role, else the last one held (the office a name
    # is known by), as before; a leader listed with a former row is that former row.
    assert resolver.resolve_name("Olaf Scholz", None).code == "DEUGOV"
    assert resolver.resolve_name("Merkel", None).code == "DEUELI"


def test_an_organisation_that_ended_keeps_its_code(resolver):
    eta = resolver.resolve_name("ETA", D("2022-01-01"))
    assert eta is not None and eta.code == "ESPREB"


def _people() -> dict[str, list[dict[str, str]]]:
    data = resources.files("newsevents") / "data"
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for table in ("actors.tsv", "leaders.tsv"):
        for row in _rows(data / table):
            rows[row["name"]].append(row)
    leaders = {row["name"] for row in _rows(data / "leaders.tsv")}
    return {name: spans for name, spans in rows.items() if name in leaders}


def _out_of_office() -> list[tuple[str, date, str]]:
    """(name, a year after the person's last role ends, their country) for every person
    of leaders.tsv whose roles have all ended."""
    cases = []
    for name, spans in sorted(_people().items()):
        if any(not s["end"] for s in spans):
            continue
        last = max(spans, key=lambda s: s["end"])
        country = last["country"] or next((s["country"] for s in spans if s["country"]), "")
        if country:
            cases.append((name, D(last["end"]) + timedelta(days=365), country))
    return cases


OUT_OF_OFFICE = _out_of_office()


@pytest.mark.parametrize(("name", "when", "country"), OUT_OF_OFFICE)
def test_every_leader_is_eli_a_year_after_the_last_role(resolver, name, when, country):
    roles = resolver.dictionary.roles(name)
    if any(r.name != name and (r.valid_on(when) or (r.end and r.end > when)) for r in roles):
        pytest.skip(f"{name!r} also names someone else in office on {when}")
    actor = resolver.resolve_name(name, when)
    assert actor is not None and (actor.country, actor.sector) == (country, "ELI"), actor
    assert actor.name == name


def test_the_rule_covers_many_leaders():
    assert len(OUT_OF_OFFICE) > 300
