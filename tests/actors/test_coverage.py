"""Coverage of the shipped actor dictionary, and the well-formedness of every row.

The table names officials as English-language news writes them: for every G20 member
(plus the EU and the African Union) and for Venezuela, Colombia, Cuba, El Salvador,
Ukraine, Israel and Iran, at least one of head of state, head of government, foreign,
defence and interior minister, on a date in 2024-2025; then armed groups, cartels and
intergovernmental organisations. A few rows check that the code follows the date
(the previous holder of an office before the change, the new one after).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import resources
from itertools import pairwise

import pycountry
import pytest

from newsevents.actors import ActorResolver
from newsevents.actors._dictionary import _rows

SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "REB",
    "CRM",
    "BUS",
    "MED",
    "NGO",
    "IGO",
    "CVL",
    "ELI",
    "PTY",
    "SPY",
}
D = date.fromisoformat

# (name as the news writes it, date, expected country or None for IGOs, expected sector)
OFFICIALS = [
    # G20 members
    ("Javier Milei", D("2025-06-01"), "ARG", "GOV"),
    ("Pablo Quirno", D("2025-11-15"), "ARG", "GOV"),
    ("Diego Santilli", D("2025-11-20"), "ARG", "GOV"),
    ("Albanese", D("2025-06-01"), "AUS", "GOV"),
    ("Penny Wong", D("2025-06-01"), "AUS", "GOV"),
    ("Marles", D("2025-06-01"), "AUS", "MIL"),
    ("Lula", D("2025-06-01"), "BRA", "GOV"),
    ("José Múcio", D("2025-06-01"), "BRA", "MIL"),
    ("Carney", D("2025-06-01"), "CAN", "GOV"),
    ("Anita Anand", D("2025-06-01"), "CAN", "GOV"),
    ("McGuinty", D("2025-06-01"), "CAN", "MIL"),
    ("Xi Jinping", D("2025-06-01"), "CHN", "GOV"),
    ("Wang Yi", D("2025-06-01"), "CHN", "GOV"),
    ("Dong Jun", D("2025-06-01"), "CHN", "MIL"),
    ("Macron", D("2025-06-01"), "FRA", "GOV"),
    ("Lecornu", D("2025-11-15"), "FRA", "GOV"),
    ("Laurent Nuñez", D("2025-11-15"), "FRA", "GOV"),
    ("Merz", D("2025-06-01"), "DEU", "GOV"),
    ("Pistorius", D("2025-06-01"), "DEU", "MIL"),
    ("Dobrindt", D("2025-06-01"), "DEU", "GOV"),
    ("Modi", D("2025-06-01"), "IND", "GOV"),
    ("Rajnath Singh", D("2025-06-01"), "IND", "MIL"),
    ("Amit Shah", D("2025-06-01"), "IND", "GOV"),
    ("Prabowo", D("2025-06-01"), "IDN", "GOV"),
    ("Sugiono", D("2025-06-01"), "IDN", "GOV"),
    ("Meloni", D("2025-06-01"), "ITA", "GOV"),
    ("Crosetto", D("2025-06-01"), "ITA", "MIL"),
    ("Takaichi", D("2025-11-15"), "JPN", "GOV"),
    ("Motegi", D("2025-11-15"), "JPN", "GOV"),
    ("Koizumi", D("2025-11-15"), "JPN", "MIL"),
    ("Sheinbaum", D("2025-06-01"), "MEX", "GOV"),
    ("García Harfuch", D("2025-06-01"), "MEX", "GOV"),
    ("Ricardo Trevilla", D("2025-06-01"), "MEX", "MIL"),
    ("Putin", D("2025-06-01"), "RUS", "GOV"),
    ("Lavrov", D("2025-06-01"), "RUS", "GOV"),
    ("Belousov", D("2025-06-01"), "RUS", "MIL"),
    ("Kolokoltsev", D("2025-06-01"), "RUS", "GOV"),
    ("King Salman", D("2025-06-01"), "SAU", "GOV"),
    ("Faisal bin Farhan", D("2025-06-01"), "SAU", "GOV"),
    ("Khalid bin Salman", D("2025-06-01"), "SAU", "MIL"),
    ("Ramaphosa", D("2025-06-01"), "ZAF", "GOV"),
    ("Lamola", D("2025-06-01"), "ZAF", "GOV"),
    ("Motshekga", D("2025-06-01"), "ZAF", "MIL"),
    ("Lee Jae-myung", D("2025-09-01"), "KOR", "GOV"),
    ("Cho Hyun", D("2025-09-01"), "KOR", "GOV"),
    ("Ahn Gyu-back", D("2025-09-01"), "KOR", "MIL"),
    ("Erdogan", D("2025-06-01"), "TUR", "GOV"),
    ("Hakan Fidan", D("2025-06-01"), "TUR", "GOV"),
    ("Yasar Guler", D("2025-06-01"), "TUR", "MIL"),
    ("King Charles", D("2025-06-01"), "GBR", "GOV"),
    ("Starmer", D("2025-06-01"), "GBR", "GOV"),
    ("Yvette Cooper", D("2025-10-01"), "GBR", "GOV"),
    ("Healey", D("2025-06-01"), "GBR", "MIL"),
    ("Trump", D("2025-06-01"), "USA", "GOV"),
    ("Rubio", D("2025-06-01"), "USA", "GOV"),
    ("Hegseth", D("2025-06-01"), "USA", "MIL"),
    ("Kristi Noem", D("2025-06-01"), "USA", "GOV"),
    # the EU and the African Union
    ("von der Leyen", D("2025-06-01"), None, "IGO"),
    ("António Costa", D("2025-06-01"), None, "IGO"),
    ("Kallas", D("2025-06-01"), None, "IGO"),
    ("Mahmoud Ali Youssouf", D("2025-06-01"), None, "IGO"),
    # the other countries in the news
    ("Maduro", D("2025-06-01"), "VEN", "GOV"),
    ("Padrino López", D("2025-06-01"), "VEN", "MIL"),
    ("Diosdado Cabello", D("2025-06-01"), "VEN", "GOV"),
    ("Petro", D("2025-06-01"), "COL", "GOV"),
    ("Pedro Arnulfo Sánchez", D("2025-06-01"), "COL", "MIL"),
    ("Benedetti", D("2025-06-01"), "COL", "GOV"),
    ("Díaz-Canel", D("2025-06-01"), "CUB", "GOV"),
    ("López Miera", D("2025-06-01"), "CUB", "MIL"),
    ("Bukele", D("2025-06-01"), "SLV", "GOV"),
    ("Villatoro", D("2025-06-01"), "SLV", "GOV"),
    ("Zelensky", D("2025-06-01"), "UKR", "GOV"),
    ("Svyrydenko", D("2025-09-01"), "UKR", "GOV"),
    ("Shmyhal", D("2025-09-01"), "UKR", "MIL"),
    ("Klymenko", D("2025-06-01"), "UKR", "GOV"),
    ("Netanyahu", D("2025-06-01"), "ISR", "GOV"),
    ("Israel Katz", D("2025-06-01"), "ISR", "MIL"),
    ("Gideon Saar", D("2025-06-01"), "ISR", "GOV"),
    ("Khamenei", D("2025-06-01"), "IRN", "GOV"),
    ("Araghchi", D("2025-06-01"), "IRN", "GOV"),
    ("Nasirzadeh", D("2025-06-01"), "IRN", "MIL"),
]

# Previous holders: the code on a date before the change.
EARLIER = [
    ("Lloyd Austin", D("2024-06-01"), "USA", "MIL"),
    ("Blinken", D("2024-06-01"), "USA", "GOV"),
    ("Lecornu", D("2024-06-01"), "FRA", "MIL"),
    ("Retailleau", D("2025-03-01"), "FRA", "GOV"),
    ("Umerov", D("2025-03-01"), "UKR", "MIL"),
    ("Umerov", D("2025-09-01"), "UKR", "GOV"),
    ("Shmyhal", D("2025-03-01"), "UKR", "GOV"),
    ("Kishida", D("2024-06-01"), "JPN", "GOV"),
    ("Nakatani", D("2025-03-01"), "JPN", "MIL"),
    ("Mondino", D("2024-06-01"), "ARG", "GOV"),
    ("Jokowi", D("2024-06-01"), "IDN", "GOV"),
    ("Prabowo", D("2024-06-01"), "IDN", "MIL"),
    ("Lee Jae-myung", D("2024-06-01"), "KOR", "OPP"),
    ("Borrell", D("2024-06-01"), None, "IGO"),
    ("Kallas", D("2024-06-01"), "EST", "GOV"),
    ("Stoltenberg", D("2024-06-01"), None, "IGO"),
    ("Moussa Faki", D("2024-06-01"), None, "IGO"),
    ("Assad", D("2024-06-01"), "SYR", "GOV"),
    ("Hemedti", D("2022-06-01"), "SDN", "GOV"),
]

GROUPS = [
    ("Tren de Aragua", "VEN", "CRM"),
    ("Cartel de los Soles", "VEN", "CRM"),
    ("Cartel of the Suns", "VEN", "CRM"),
    ("Sinaloa Cartel", "MEX", "CRM"),
    ("CJNG", "MEX", "CRM"),
    ("Gulf Cartel", "MEX", "CRM"),
    ("ELN", "COL", "REB"),
    ("FARC dissidents", "COL", "REB"),
    ("Clan del Golfo", "COL", "CRM"),
    ("MS-13", "SLV", "CRM"),
    ("Hamas", "PSE", "REB"),
    ("Hezbollah", "LBN", "REB"),
    ("Houthis", "YEM", "REB"),
    ("Ansar Allah", "YEM", "REB"),
    ("Islamic State", None, "REB"),
    ("al-Shabaab", "SOM", "REB"),
    ("RSF", "SDN", "REB"),
    ("Wagner", "RUS", "MIL"),
    ("Africa Corps", "RUS", "MIL"),
    ("M23", "COD", "REB"),
    ("IRGC", "IRN", "MIL"),
    ("United Nations", None, "IGO"),
    ("Guterres", None, "IGO"),
    ("NATO", None, "IGO"),
    ("Rutte", None, "IGO"),
    ("IAEA", None, "IGO"),
    ("Grossi", None, "IGO"),
    ("WHO", None, "IGO"),
    ("Tedros", None, "IGO"),
    ("WFP", None, "IGO"),
    ("UNHCR", None, "IGO"),
    ("ICC", None, "IGO"),
    ("IMF", None, "IGO"),
    ("Georgieva", None, "IGO"),
    ("World Bank", None, "IGO"),
    ("OPEC", None, "IGO"),
    ("OAS", None, "IGO"),
    ("ASEAN", None, "IGO"),
    ("Arab League", None, "IGO"),
    ("Mercosur", None, "IGO"),
    ("African Union", None, "IGO"),
    ("European Union", None, "IGO"),
]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.mark.parametrize(("name", "when", "country", "sector"), OFFICIALS + EARLIER)
def test_officials_resolve_on_the_date(resolver, name, when, country, sector):
    actor = resolver.resolve_name(name, when)
    assert actor is not None, name
    assert (actor.country, actor.sector) == (country, sector), (name, when, actor)


@pytest.mark.parametrize(("name", "country", "sector"), GROUPS)
def test_groups_and_organisations_resolve(resolver, name, country, sector):
    actor = resolver.resolve_name(name, D("2025-06-01"))
    assert actor is not None, name
    assert (actor.country, actor.sector) == (country, sector), (name, actor)


def _actor_rows() -> list[dict[str, str]]:
    return list(_rows(resources.files("newsevents") / "data" / "actors.tsv"))


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def test_every_row_is_well_formed():
    rows = _actor_rows()
    assert len(rows) > 300
    # ISO 3166 codes, plus the user-assigned ones countries.tsv defines (XKX, Kosovo)
    known = {c.alpha_3 for c in pycountry.countries} | {
        r["iso3"] for r in _rows(resources.files("newsevents") / "data" / "countries.tsv")
    }
    for row in rows:
        assert row["name"], row
        country = row["country"]
        assert not country or country in known, row
        assert row["sector"] in SECTORS, row
        start, end = _day(row["start"]), _day(row["end"])
        assert start is None or end is None or start < end, row
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(alias.strip() for alias in aliases), row


def test_no_name_has_overlapping_spans():
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for row in _actor_rows():
        start = _day(row["start"]) or date.min
        end = _day(row["end"]) or date.max
        spans[row["name"]].append((start, end))
    for name, ranges in spans.items():
        ranges.sort()
        for (_, first_end), (second_start, _) in pairwise(ranges):
            assert second_start >= first_end, (name, ranges)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police in Xinjiang detained Uyghur teachers.", "CHN"),
        ("Troops burned the homes of Rohingya families.", "MMR"),
        ("Militants abducted Yazidi women near Sinjar.", "IRQ"),
        ("A mob attacked Dalits in a village in Bihar.", "IND"),
    ],
)
def test_a_people_of_one_state_is_that_states(code_text, text, country):
    """Peoples who live almost all in one state name their country, as a demonym does."""
    targets = [e.target.actor.country for e in code_text(text) if e.target]
    assert country in targets, targets
