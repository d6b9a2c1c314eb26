"""Import the Phoenix actor and agent dictionaries of PETRARCH-2 next to our own.

    .venv/bin/python training/dictionaries/import_phoenix_actors.py [--reference DIR] [--check]

Reads `petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt` and
`petrarch2/Phoenix.agents.txt` from DIR (default ../shared/data/reference) and writes
`src/newsevents/data/phoenix_actors.tsv` (the columns of `actors.tsv`, one row per role
span) and `src/newsevents/data/phoenix_agents.tsv` (the columns of `agents.tsv`, one
term a row). Our files win: a Phoenix person or organisation whose main name is a name
of `actors.tsv`/`leaders.tsv` is left out, and so is any other form of ours; an agent
term of `agents.tsv` is left out. Rules that keep out what can only hurt:

- a bare country code ("HOUSTON [USA]", "AFGHAN [AFG]"): places and country names,
  which the gazetteer and `countries.tsv` resolve (a place is a place, not an actor);
- a person or group of the Countries or MilNonState files with no country in any role
  (a bare "[REB]"): the sentence's country is the better guess, and the name would hide
  it (International rows, IGOs, NGOs and companies, have no country by nature);
- a form of fewer than 3 letters ("UN", "AL"), or a single word that is a stop word, an
  agent term or common in English (wordfreq Zipf >= 4.0: "Army", "Justice", "Unity",
  and surnames many people share: "Khan", "Lee", "Ali"), or that begins or ends 3 or more
  other Phoenix names (a given name or surname: "Hassan", "Abdullah");
- a form of more than 8 words (titles run together: "United Nations Secretary General
  Ban Ki-Moon" is matched as "Ban Ki-Moon");
- a form with a title before its last word ("President Bush", "Mr. Obama", "US
  President X", "Minister of Defence"): the resolver reads titles itself, by the date;
- a form that reads as a date ("May 15", "21 June");
- a form two Phoenix actors (by their main names) both claim ("President Bush");
- roles of other sectors than ours (`data/actors.tsv`) are mapped (MNC -> BUS,
  IMG/UAF -> REB) or, for agents, dropped (HLH, EDU, AGR, REL...: no such sector here);
- an agent term that ours has (in any number: "spokesmen" under our "spokesman"), whose
  head noun ours gives another sector ("jewish immigrants"), or that names a thing, a
  place or an event (NOT_PEOPLE: "settlement", "uprising", "police post").

Dates: a six-digit year after 2020 is read as 19YY (births written YYMMDD), and an
open-ended dated role ends on CUTOFF, when the dictionaries stopped being kept: later
roles come from our own files, so a Phoenix-only office holder is ELI after it.
The output is sorted and has no timestamp: the same input gives the same bytes.
`--check` exits 1 when a committed file differs from what the script would write.
"""

from __future__ import annotations

import io
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from newsevents.actors._dictionary import ActorDictionary, _load_actors, _rows, _split, fold
from newsevents.actors._petrarch import PetrarchActor, read_petrarch

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "newsevents" / "data"
ACTORS_OUT = DATA / "phoenix_actors.tsv"
AGENTS_OUT = DATA / "phoenix_agents.tsv"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "data" / "reference"
FILES = ("Countries", "International", "MilNonState")
CUTOFF = date(2016, 1, 1)
COMMON_ZIPF = 4.0
MIN_LETTERS = 3
MAX_WORDS = 8  # longer forms never come verbatim in news, and slow the matcher
SHARED_PART = 3  # a single word that begins or ends this many other names
SECTORS = frozenset(  # ours (data/actors.tsv)
    "GOV MIL COP JUD LEG OPP REB CRM BUS MED NGO IGO CVL ELI PTY SPY".split()  # noqa: SIM905
)
SECTOR_MAP = {"MNC": "BUS", "IMG": "REB", "UAF": "REB", "INS": "REB"}
# former states coded by their successor, as leaders.tsv does
COUNTRY_MAP = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "CSK": "CZE", "DDR": "DEU"}
SMALL_WORDS = frozenset(
    "of the and for in on de la del al el du des da van von der bin ibn".split()  # noqa: SIM905
)
# agent terms that name a thing or an event, not people ("rebellion", "police post")
# agent terms that name a thing, a place or an event, not people ("police post")
NOT_PEOPLE = frozenset(
    """rebellion post base district source station headquarters settlement village
    neighborhood neighbourhood community kingdom governance polity prison publication
    website blog tv television telecom gazette tabloid aerospace revolt uprising insurgency
    insurgence retired naval state-owned semi-official naturalized actor deputy echelon
    chamber""".split()  # noqa: SIM905
)
# titles a name may carry: the resolver reads them itself ("President Bush" is Bush, in
# the role "President" points to on the date), so a titled form is not a name
TITLES = frozenset(
    """president president-elect vice prime premier minister senator sen. governor gov.
    mr mr. mrs mrs. ms ms. dr dr. general gen. king queen prince princess sheikh former
    chancellor secretary representative rep. ambassador mayor judge justice chief""".split()  # noqa: SIM905
)
MONTHS = "january february march april may june july august september october november december"
# a date read as a name ("May 15", a Puerto Rican group) would turn dates into actors
DATE_LIKE = re.compile(rf"^(?:(?:{MONTHS.replace(' ', '|')}) \d|\d)")


HEADER = """\
# Imported by training/dictionaries/import_phoenix_actors.py from the Phoenix {what}
# dictionaries of PETRARCH-2 (MIT licence, Copyright (c) 2014 Open Event Data Alliance;
# openeventdata/petrarch2 commit 676801c). Do not edit: edit our own {ours}
# (it wins over these rows), or the script's rules, and rebuild.
# {extra}
"""


@dataclass(frozen=True, slots=True, order=True)
class Row:
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    start: str
    end: str
    note: str


def readable(form: str) -> str:
    """'ARMY_OF_MOHAMMED' (read as 'Army Of Mohammed') -> 'Army of Mohammed', '20Th' ->
    '20th'; a word without vowels stays upper case ('PKK'). Names match whatever their
    case, so this is for the reader only."""
    words = []
    for position, word in enumerate(form.split()):
        lower = word.lower()
        if position and lower in SMALL_WORDS:
            words.append(lower)
        elif not re.search(r"[aeiouy]", lower) and not re.search(r"\d", lower):
            words.append(word.upper())
        elif re.match(r"\d", lower):
            words.append(lower)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(words)


def split_code(code: str) -> tuple[str, str]:
    """A Phoenix code as (ISO3 or "", sector or ""): 'COGGOVBUS' -> ('COG', 'GOV')."""
    import pycountry

    head = COUNTRY_MAP.get(code[:3], code[:3])
    if pycountry.countries.get(alpha_3=head):
        country, rest = head, code[3:]
    else:
        country, rest = "", code
        if rest[:3] not in SECTORS and rest[:3] not in SECTOR_MAP and len(rest) > 3:
            rest = rest[3:]  # a region or "INT": no country, the sector follows
    sector = SECTOR_MAP.get(rest[:3], rest[:3])
    return country, sector if sector in SECTORS else ""


def fixed(day: date | None) -> date | None:
    """A six-digit date read into the future is a birth in the 1900s."""
    if day is not None and day.year > 2020:
        return day.replace(year=day.year - 100)
    return day


def our_forms(data: Path) -> set[str]:
    """Lower-cased folded names, aliases and country forms of our own files."""
    table = ActorDictionary()
    for name in ("actors.tsv", "leaders.tsv"):
        _load_actors(table, data / name)
    forms = {key.lower() for key in table.named}
    for row in _rows(data / "countries.tsv"):
        for column in ("names", "demonyms", "capitals", "government_names"):
            forms |= {fold(s).lower() for s in _split(row.get(column, ""))}
    return forms


def our_agents(data: Path) -> set[str]:
    return {fold(t).lower() for row in _rows(data / "agents.tsv") for t in _split(row["term"])}


def name_parts(actors: list[tuple[PetrarchActor, str]]) -> Counter[str]:
    """How many actors have a multi-word name each word begins or ends ("Hassan")."""
    parts: Counter[str] = Counter()
    for actor, _ in actors:
        words = [fold(s).lower().split() for s in (actor.name, *actor.aliases)]
        parts.update({w for form in words if len(form) > 1 for w in (form[0], form[-1])})
    return parts


def usable(form: str, agents: set[str], parts: Counter[str]) -> bool:
    """Whether a form is worth a lookup key (the rules in the module docstring)."""
    lower = fold(form).lower()
    if sum(c.isalpha() for c in form) < MIN_LETTERS or lower in agents:
        return False
    if " " in lower:
        words = lower.replace("-", " ").split()
        titled = any(word in TITLES for word in words[:-1])
        return len(words) <= MAX_WORDS and not titled and not DATE_LIKE.match(lower)
    return (
        lower not in STOP_WORDS
        and zipf_frequency(lower, "en") < COMMON_ZIPF
        and parts[lower] < SHARED_PART
    )


def actor_rows(actor: PetrarchActor, forms: list[str], note: str) -> list[Row]:
    """One row per role span, with our sectors and countries, and the cut-off applied."""
    codes = [(*split_code(code), fixed(start), fixed(end)) for code, start, end in actor.roles]
    country = next((c for c, *_ in codes if c), "")
    rows = []
    for role_country, sector, start, end in codes:
        if not sector and not role_country:
            continue
        if start is not None and end is None and start < CUTOFF:
            end = CUTOFF  # later roles come from our own files
        elif start is not None and start >= CUTOFF:
            continue
        first, end_text = (d.isoformat() if d else "" for d in (start, end))
        rows.append(
            Row(forms[0], tuple(forms[1:]), role_country or country, sector, first, end_text, note)
        )
    return rows


def read_actors(reference: Path) -> list[tuple[PetrarchActor, str]]:
    found = []
    for name in FILES:
        path = reference / "petrarch2" / f"Phoenix.{name}.actors.txt"
        found += [(actor, name) for actor in read_petrarch(path)]
    return found


def build_actors(reference: Path, data: Path = DATA) -> str:
    ours, agents = our_forms(data), our_agents(data) | set(read_agents(reference))
    actors = [
        (a, note)
        for a, note in read_actors(reference)
        if a.roles and any(split_code(code)[1] for code, _, _ in a.roles)  # not a bare place
    ]
    parts = name_parts(actors)
    claims: dict[str, set[str]] = defaultdict(set)
    for actor, _ in actors:
        for form in {fold(s).lower() for s in (actor.name, *actor.aliases)}:
            claims[form].add(fold(actor.name).lower())
    rows: set[Row] = set()
    for actor, note in actors:
        if fold(actor.name).lower() in ours:
            continue  # the same actor in our files: ours is newer
        if note != "International" and not any(split_code(c)[0] for c, _, _ in actor.roles):
            continue  # a group of no known country: its name would hide the context's
        forms: list[str] = []
        for surface in (actor.name, *actor.aliases):
            key = fold(surface).lower()
            if key in ours or len(claims[key]) > 1 or not usable(surface, agents, parts):
                continue
            if readable(surface) not in forms:
                forms.append(readable(surface))
        if forms:
            rows.update(actor_rows(actor, forms, f"Phoenix.{note}"))
    extra = "Names match whatever their case; one row per role span."
    out = io.StringIO()
    out.write(HEADER.format(what="actor", ours="actors.tsv / leaders.tsv", extra=extra))
    out.write("name\taliases\tcountry\tsector\tstart\tend\tqid\tnote\n")
    for row in sorted(rows):
        cells = (row.name, "|".join(row.aliases), row.country, row.sector, row.start, row.end)
        out.write("\t".join((*cells, "", row.note)) + "\n")
    return out.getvalue()


def _expand(term: str, sets: dict[str, list[str]]) -> list[str]:
    for key, values in sets.items():
        if key in term:
            return [t for v in values for t in _expand(term.replace(key, v, 1), sets)]
    return [term]


def read_agents(reference: Path) -> dict[str, str]:
    """Agent term (lower case, spaced) -> our sector, from Phoenix.agents.txt."""
    sets: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    text = (reference / "petrarch2" / "Phoenix.agents.txt").read_text("utf-8", errors="replace")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("!") and "=" in line:
            key, values = line.split("=", 1)
            sets[key.strip()] = [v.strip() for v in values.split(",")]
            continue
        match = re.match(r"([^\[{]+?)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3})", line)
        if not match:
            continue
        sector = SECTOR_MAP.get(match.group(2), match.group(2))
        for term in _expand(match.group(1).strip(), sets):
            words = " ".join(term.replace("_", " ").lower().split())
            if sector in SECTORS and words and words.split()[-1] not in NOT_PEOPLE:
                found.setdefault(words, sector)
    return found


def singulars(term: str) -> set[str]:
    """The term and the singulars its last word may have ("spokesmen" -> "spokesman")."""
    *rest, last = term.split()
    forms = {last, last.removesuffix("s"), last.removesuffix("es")}
    if last.endswith("ies"):
        forms.add(last[:-3] + "y")
    if last.endswith("men"):
        forms.add(last[:-3] + "man")
    return {" ".join([*rest, form]) for form in forms if form}


def agent_kept(term: str, sector: str, ours: dict[str, str]) -> bool:
    """Ours win: a Phoenix term is left out when ours has it (in any number), or when
    its head noun is ours with another sector ("jewish immigrants" under "immigrants")."""
    if singulars(term) & ours.keys():
        return False
    head = singulars(term.split()[-1])
    return all(ours.get(form, sector) == sector for form in head)


def build_agents(reference: Path, data: Path = DATA) -> str:
    ours = {  # our terms in every number they may take
        form: row["sector"].upper()
        for row in _rows(data / "agents.tsv")
        for t in _split(row["term"])
        for form in sorted(singulars(fold(t).lower()))
    }
    found = read_agents(reference)
    rows = sorted((t, s) for t, s in found.items() if agent_kept(t, s, ours))
    extra = "Only terms of our sectors."
    out = io.StringIO()
    out.write(HEADER.format(what="agent", ours="agents.tsv", extra=extra))
    out.write("term\tsector\tcountry\tnote\n")
    for term, sector in rows:
        out.write(f"{term}\t{sector}\t\t\n")
    return out.getvalue()


if __name__ == "__main__":
    from _rebuild import rebuild  # the import scripts' shared command line

    sys.exit(
        rebuild(
            __doc__,
            lambda reference: {
                ACTORS_OUT: build_actors(reference),
                AGENTS_OUT: build_agents(reference),
            },
            DEFAULT_REFERENCE,
        )
    )
