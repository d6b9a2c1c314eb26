"""Read actor dictionaries in the PETRARCH/Phoenix text format, so existing users bring
their dictionaries:

    DONALD_TRUMP_   [USAELI]      a name (words joined by "_"), an optional code
    +DONALD_J._TRUMP_             a synonym
    [USAGOV 170120-210120]        a role between two dates (YYMMDD)
    [USAGOV >250120]              from a date on; "<YYMMDD" means until it
    # comment                     also after a line's content
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

from newsevents.errors import ConfigError

# a date is YYMMDD or YYYYMMDD (Phoenix writes early births with four-digit years)
_ROLE = re.compile(r"\[\s*([A-Z0-9]+)\s*([<>]?\s*(?:\d{8}|\d{6}))?\s*(?:-\s*(\d{8}|\d{6}))?\s*\]")


@dataclass(slots=True)
class PetrarchActor:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, date | None, date | None]] = field(default_factory=list)


def _day(text: str, where: str) -> date:
    """YYYYMMDD, or YYMMDD with PETRARCH's century rule: 50-99 are the 1900s."""
    if len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        short = int(text[:2])
        year, month, day = (
            1900 + short if short >= 50 else 2000 + short,
            int(text[2:4]),
            int(text[4:6]),
        )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ConfigError(f"{where}: bad date {text!r} ({exc})") from exc


def _span(first: str | None, second: str | None, where: str) -> tuple[date | None, date | None]:
    if first is None:
        return None, None
    first = first.replace(" ", "")
    if first.startswith(">"):
        return _day(first[1:], where), None
    if first.startswith("<"):
        return None, _day(first[1:], where)
    return _day(first, where), _day(second, where) if second else None


def _words(token: str) -> str:
    return " ".join(part for part in token.strip().strip("+").split("_") if part).title()


def read_petrarch(path: Path) -> list[PetrarchActor]:
    """Actors of a PETRARCH-format file; errors name the file and line."""
    actors: list[PetrarchActor] = []
    for number, raw in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{path}:{number}"
        if line.startswith("+"):
            if not actors:
                raise ConfigError(f"{where}: a synonym before any actor name")
            actors[-1].aliases.append(_words(line.split("[", 1)[0]))
            continue
        if not line.startswith("["):
            actors.append(PetrarchActor(_words(line.split("[", 1)[0])))
        if not actors:
            raise ConfigError(f"{where}: a role before any actor name")
        for code, first, second in _ROLE.findall(line):
            actors[-1].roles.append((code, *_span(first or None, second or None, where)))
    return actors


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code as (ISO3 country, first sector): "USAGOV" -> ("USA", "GOV")."""
    country = code[:3] if pycountry.countries.get(alpha_3=code[:3]) else None
    rest = code[3:] if country else code
    return country, (rest[:3] or None)
