"""Heads of state and government since 1980 (`data/leaders.tsv`), resolved on a date.

The cases are facts about the world, not about the table: who led which country when,
who led an armed group before taking office, and what the same name means before and
after a term. The last tests check that every row of the file is well formed and that the
file never gives one person two overlapping spans, alone or merged with `actors.tsv`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from importlib import resources
from itertools import pairwise

import pycountry
import pytest

from newsevents.actors import ActorResolver
from newsevents.actors._dictionary import _rows, fold

D = date.fromisoformat

# (name as the news writes it, date, expected country or None for IGOs, expected sector)
IN_OFFICE = [
    # the Americas
    ("Reagan", D("1984-06-01"), "USA", "GOV"),
    ("Bill Clinton", D("1998-12-19"), "USA", "GOV"),
    ("Obama", D("2012-05-01"), "USA", "GOV"),
    ("Chrétien", D("1997-06-02"), "CAN", "GOV"),
    ("Zedillo", D("1995-01-01"), "MEX", "GOV"),
    ("Fidel Castro", D("1990-01-01"), "CUB", "GOV"),
    ("Noriega", D("1988-03-01"), "PAN", "GOV"),
    ("Daniel Ortega", D("1985-06-01"), "NIC", "GOV"),
    ("Uribe", D("2005-06-01"), "COL", "GOV"),
    ("Fujimori", D("1995-04-09"), "PER", "GOV"),
    ("Menem", D("1995-06-01"), "ARG", "GOV"),
    ("Pinochet", D("1985-09-11"), "CHL", "GOV"),
    ("Cardoso", D("1999-01-01"), "BRA", "GOV"),
    ("Evo Morales", D("2010-01-01"), "BOL", "GOV"),
    # Europe
    ("Thatcher", D("1982-04-02"), "GBR", "GOV"),
    ("Tony Blair", D("2003-03-20"), "GBR", "GOV"),
    ("Helmut Kohl", D("1990-10-03"), "DEU", "GOV"),
    ("Mitterrand", D("1990-01-01"), "FRA", "GOV"),
    ("Felipe González", D("1990-01-01"), "ESP", "GOV"),
    ("Berlusconi", D("2003-01-01"), "ITA", "GOV"),
    ("Jaruzelski", D("1981-12-13"), "POL", "GOV"),
    ("Ceausescu", D("1989-12-01"), "ROU", "GOV"),
    ("Orbán", D("2015-01-01"), "HUN", "GOV"),
    # the Soviet Union, its successors and the former Yugoslavia
    ("Gorbachev", D("1988-01-01"), "RUS", "GOV"),
    ("Boris Yeltsin", D("1995-06-01"), "RUS", "GOV"),
    ("Nazarbayev", D("2000-01-01"), "KAZ", "GOV"),
    ("Lukashenka", D("2000-01-01"), "BLR", "GOV"),
    ("Yanukovych", D("2012-01-01"), "UKR", "GOV"),
    ("Milosevic", D("1995-11-21"), "SRB", "GOV"),
    ("Tudjman", D("1995-08-04"), "HRV", "GOV"),
    # the Middle East and North Africa
    ("Mubarak", D("2005-01-01"), "EGY", "GOV"),
    ("Saddam", D("1990-08-02"), "IRQ", "GOV"),
    ("Khomeini", D("1985-01-01"), "IRN", "GOV"),
    ("Rafsanjani", D("1995-01-01"), "IRN", "GOV"),
    ("Rabin", D("1993-09-13"), "ISR", "GOV"),
    ("King Hussein", D("1994-10-26"), "JOR", "GOV"),
    ("King Fahd", D("1990-08-07"), "SAU", "GOV"),
    ("Qaddafi", D("1986-04-15"), "LBY", "GOV"),
    ("Kadhafi", D("2005-01-01"), "LBY", "GOV"),
    ("Bouteflika", D("2005-01-01"), "DZA", "GOV"),
    ("Özal", D("1990-01-01"), "TUR", "GOV"),
    # sub-Saharan Africa
    ("Mugabe", D("2000-01-01"), "ZWE", "GOV"),
    ("Obasanjo", D("2003-01-01"), "NGA", "GOV"),
    ("Abacha", D("1995-11-10"), "NGA", "GOV"),
    ("Mobutu", D("1990-01-01"), "COD", "GOV"),
    ("Houphouet-Boigny", D("1985-01-01"), "CIV", "GOV"),
    ("Kagame", D("2010-01-01"), "RWA", "GOV"),
    ("Meles Zenawi", D("2000-01-01"), "ETH", "GOV"),
    ("Omar al-Bashir", D("2005-01-01"), "SDN", "GOV"),
    ("Kibaki", D("2008-01-01"), "KEN", "GOV"),
    ("dos Santos", D("2000-01-01"), "AGO", "GOV"),
    ("Sankara", D("1985-01-01"), "BFA", "GOV"),
    # Asia and Oceania
    ("Deng Xiaoping", D("1985-01-01"), "CHN", "GOV"),
    ("Jiang Zemin", D("1998-01-01"), "CHN", "GOV"),
    ("Kim Jong-il", D("2000-06-13"), "PRK", "GOV"),
    ("Kim Dae-jung", D("2000-06-13"), "KOR", "GOV"),
    ("Junichiro Koizumi", D("2004-01-01"), "JPN", "GOV"),
    ("Indira Gandhi", D("1983-01-01"), "IND", "GOV"),
    ("Vajpayee", D("1999-05-01"), "IND", "GOV"),
    ("Musharraf", D("2005-01-01"), "PAK", "GOV"),
    ("Suharto", D("1990-01-01"), "IDN", "GOV"),
    ("Mahathir", D("1990-01-01"), "MYS", "GOV"),
    ("Thaksin", D("2005-01-01"), "THA", "GOV"),
    ("Hun Sen", D("2010-01-01"), "KHM", "GOV"),
    ("Karzai", D("2005-01-01"), "AFG", "GOV"),
    ("Hawke", D("1988-01-26"), "AUS", "GOV"),
    # intergovernmental organisations
    ("Kofi Annan", D("2000-01-01"), None, "IGO"),
    ("Boutros-Ghali", D("1994-01-01"), None, "IGO"),
    ("Javier Solana", D("1999-03-24"), None, "IGO"),
    ("Delors", D("1990-01-01"), None, "IGO"),
    ("Juncker", D("2016-06-24"), None, "IGO"),
    # armed groups
    ("Savimbi", D("1990-01-01"), "AGO", "REB"),
    ("Öcalan", D("1995-01-01"), "TUR", "REB"),
    ("Prabhakaran", D("2000-01-01"), "LKA", "REB"),
    ("bin Laden", D("2001-09-11"), None, "REB"),
    ("Abimael Guzmán", D("1990-01-01"), "PER", "REB"),
]

# The same name on both sides of a change: before office, in office, after it.
ACROSS_A_TERM = [
    ("Mubarak", D("2015-01-01"), "EGY", "ELI"),
    ("Boris Yeltsin", D("1989-06-01"), "RUS", "OPP"),
    ("Yeltsin", D("2003-01-01"), "RUS", "ELI"),
    ("Thatcher", D("1995-01-01"), "GBR", "ELI"),
    ("Obama", D("2019-01-01"), "USA", "ELI"),
    ("Merkel", D("2004-01-01"), "DEU", "OPP"),
    ("Merkel", D("2015-01-01"), "DEU", "GOV"),
    ("Merkel", D("2023-01-01"), "DEU", "ELI"),
    ("Chirac", D("1987-01-01"), "FRA", "GOV"),
    ("Chirac", D("1990-01-01"), "FRA", "OPP"),
    ("Berlusconi", D("1998-01-01"), "ITA", "OPP"),
    ("Nelson Mandela", D("1990-06-01"), "ZAF", "OPP"),
    ("Mandela", D("1996-01-01"), "ZAF", "GOV"),
    ("Museveni", D("1984-01-01"), "UGA", "REB"),
    ("Museveni", D("2000-01-01"), "UGA", "GOV"),
    ("Charles Taylor", D("1992-01-01"), "LBR", "REB"),
    ("Charles Taylor", D("2000-01-01"), "LBR", "GOV"),
    ("Charles Taylor", D("2012-04-26"), "LBR", "ELI"),
    ("Arafat", D("1985-01-01"), "PSE", "REB"),
    ("Arafat", D("2000-07-11"), "PSE", "GOV"),
    ("Saddam Hussein", D("2005-01-01"), "IRQ", "ELI"),
    ("Pinochet", D("1995-01-01"), "CHL", "MIL"),
    ("Raul Castro", D("2000-01-01"), "CUB", "MIL"),
    ("Raúl Castro", D("2010-01-01"), "CUB", "GOV"),
    ("Lula", D("2005-01-01"), "BRA", "GOV"),
    ("Lula", D("2015-01-01"), "BRA", "ELI"),
    ("Lula", D("2024-01-01"), "BRA", "GOV"),
    ("Benazir Bhutto", D("1989-06-01"), "PAK", "GOV"),
    ("Benazir Bhutto", D("1992-01-01"), "PAK", "OPP"),
    ("Aung San Suu Kyi", D("2000-01-01"), "MMR", "OPP"),
    ("Aung San Suu Kyi", D("2018-01-01"), "MMR", "GOV"),
    ("Aung San Suu Kyi", D("2022-01-01"), "MMR", "OPP"),
    ("Suharto", D("2000-01-01"), "IDN", "ELI"),
    ("Netanyahu", D("1997-01-01"), "ISR", "GOV"),
    ("Netanyahu", D("2022-01-01"), "ISR", "OPP"),
    ("Khamenei", D("1985-01-01"), "IRN", "GOV"),
    ("Khamenei", D("2025-06-01"), "IRN", "GOV"),
    ("Shevardnadze", D("1987-01-01"), "RUS", "GOV"),
    ("Shevardnadze", D("1995-01-01"), "GEO", "GOV"),
    ("Barroso", D("2003-01-01"), "PRT", "GOV"),
    ("Barroso", D("2010-01-01"), None, "IGO"),
    ("Annan", D("2010-01-01"), "GHA", "ELI"),
    ("Guterres", D("2000-01-01"), "PRT", "GOV"),
    ("Guterres", D("2010-01-01"), None, "IGO"),
    ("Stoltenberg", D("2010-01-01"), "NOR", "GOV"),
    ("Vucic", D("2015-01-01"), "SRB", "GOV"),
    ("Sisi", D("2013-07-03"), "EGY", "MIL"),
    ("Hibatullah Akhundzada", D("2018-01-01"), "AFG", "REB"),
    ("Hibatullah Akhundzada", D("2022-01-01"), "AFG", "GOV"),
]

# A surname shared by two leaders whose terms the dates keep apart: (name, date, person).
SHARED_SURNAMES = [
    ("Kabila", D("1999-01-01"), "Laurent-Désiré Kabila"),
    ("Kabila", D("2010-01-01"), "Joseph Kabila"),
    ("Déby", D("2000-01-01"), "Idriss Déby"),
    ("Deby", D("2023-01-01"), "Mahamat Déby"),
    ("Marcos", D("1980-06-01"), "Ferdinand Marcos"),
    ("Marcos", D("2023-06-01"), "Ferdinand Marcos Jr."),
    ("Aquino", D("1988-01-01"), "Corazon Aquino"),
    ("Aquino", D("2012-01-01"), "Benigno Aquino III"),
    ("Calderón", D("1992-01-01"), "Rafael Ángel Calderón"),
    ("Calderon", D("1996-01-01"), "Armando Calderón Sol"),
    ("Calderón", D("2008-01-01"), "Felipe Calderón"),
    ("Conté", D("1995-01-01"), "Lansana Conté"),
    ("Conte", D("2019-06-01"), "Giuseppe Conte"),
    ("Aoun", D("2018-01-01"), "Michel Aoun"),
    ("Aoun", D("2025-06-01"), "Joseph Aoun"),
    ("Hariri", D("1995-01-01"), "Rafic Hariri"),
    ("Hariri", D("2018-01-01"), "Saad Hariri"),
]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(("name", "when", "country", "sector"), IN_OFFICE + ACROSS_A_TERM)
def test_leaders_resolve_on_the_date(resolver, name, when, country, sector):
    actor = resolver.resolve_name(name, when)
    assert actor is not None, name
    assert (actor.country, actor.sector) == (country, sector), (name, when, actor)


def test_the_code_changes_across_a_term(resolver):
    # Mubarak is the government in office and a former leader after 2011.
    during = resolver.resolve_name("Mubarak", D("2005-01-01"))
    after = resolver.resolve_name("Mubarak", D("2015-01-01"))
    assert during is not None and after is not None
    assert during.name == after.name == "Hosni Mubarak"
    assert during.sector == "GOV" and after.sector != "GOV"


@pytest.mark.parametrize(("name", "when", "person"), SHARED_SURNAMES)
def test_a_shared_surname_names_the_leader_of_the_day(resolver, name, when, person):
    actor = resolver.resolve_name(name, when)
    assert actor is not None and actor.sector == "GOV", (name, when, actor)
    assert actor.name == person, (name, when, actor)


def test_earlier_offices_do_not_change_todays_codes(resolver):
    # leaders.tsv adds Junichiro Koizumi; a bare "Koizumi" stays his son, the minister.
    koizumi = resolver.resolve_name("Koizumi", D("2025-11-15"))
    assert koizumi is not None and (koizumi.country, koizumi.sector) == ("JPN", "MIL")
    trump = resolver.resolve_name("Trump", D("2025-06-01"))
    assert trump is not None and (trump.country, trump.sector) == ("USA", "GOV")


# -- the file itself ---------------------------------------------------------------------


def _data(name: str):
    return resources.files("newsevents") / "data" / name


def _table(name: str) -> list[dict[str, str]]:
    return list(_rows(_data(name)))


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _allowed_sectors() -> set[str]:
    """The sector list that the comment at the top of actors.tsv gives."""
    text = _data("actors.tsv").read_text(encoding="utf-8")
    comments = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    found = re.search(r"Sectors:\s*([A-Z ]+)\.", comments)
    assert found, "actors.tsv should list its sectors in its header comment"
    return set(found.group(1).split())


def test_leaders_has_the_columns_of_actors():
    def header(name: str) -> str:
        lines = _data(name).read_text(encoding="utf-8").splitlines()
        return next(line for line in lines if line.strip() and not line.startswith("#"))

    assert header("leaders.tsv") == header("actors.tsv")
    assert _data("leaders.tsv").read_text(encoding="utf-8").startswith("#")


def test_every_leaders_row_is_well_formed():
    sectors = _allowed_sectors()
    assert {"GOV", "ELI", "OPP", "REB", "IGO"} <= sectors
    rows = _table("leaders.tsv")
    assert len(rows) > 500
    for row in rows:
        assert row["name"], row
        start, end = _day(row["start"]), _day(row["end"])  # raises on a bad date
        assert start is None or end is None or start < end, row
        assert row["sector"] in sectors, row
        country = row["country"]
        assert not country or pycountry.countries.get(alpha_3=country) is not None, row
        assert row["sector"] != "IGO" or not country, row
        assert not row["qid"] or re.fullmatch(r"Q[0-9]+", row["qid"]), row
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(alias.strip() for alias in aliases), row


def _spans_by_name(rows: list[dict[str, str]]) -> dict[str, list[tuple[date, date, str]]]:
    spans: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for row in rows:
        start = _day(row["start"]) or date.min
        end = _day(row["end"]) or date.max
        spans[row["name"]].append((start, end, row["sector"]))
    return spans


def _overlaps(ranges: list[tuple[date, date, str]]) -> list[tuple[object, object]]:
    ordered = sorted(ranges)
    return [(a, b) for a, b in pairwise(ordered) if b[0] < a[1]]


def test_no_person_has_two_gov_spans_at_once():
    merged = _table("actors.tsv") + _table("leaders.tsv")
    for name, ranges in _spans_by_name(merged).items():
        gov = [r for r in ranges if r[2] == "GOV"]
        assert not _overlaps(gov), (name, _overlaps(gov))


def test_no_span_of_leaders_overlaps_another_of_the_same_person():
    # The loader merges rows by name: a span repeated from actors.tsv would be a bug.
    merged = _table("actors.tsv") + _table("leaders.tsv")
    for name, ranges in _spans_by_name(merged).items():
        assert not _overlaps(ranges), (name, _overlaps(ranges))


def test_a_name_shared_by_two_leaders_never_governs_twice_at_once():
    people: dict[str, set[str]] = defaultdict(set)
    gov: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for row in _table("actors.tsv") + _table("leaders.tsv"):
        surfaces = [row["name"], *row["aliases"].split("|")] if row["aliases"] else [row["name"]]
        for key in {fold(s.strip()) for s in surfaces if s.strip()}:
            people[key].add(row["name"])
            if row["sector"] == "GOV":
                span = (_day(row["start"]) or date.min, _day(row["end"]) or date.max, row["name"])
                gov[key].append(span)
    for key, names in people.items():
        if len(names) > 1:
            assert not _overlaps(gov[key]), (key, _overlaps(gov[key]))


def test_no_leader_is_named_like_a_country_or_capital():
    table = ActorResolver().dictionary
    for row in _table("leaders.tsv"):
        surfaces = [row["name"], *row["aliases"].split("|")] if row["aliases"] else [row["name"]]
        for surface in surfaces:
            assert table.country(surface) is None, (surface, row["name"])
