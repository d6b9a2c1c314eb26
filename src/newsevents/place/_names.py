"""How place names are written: folding for lookup, and the forms of a division's name
("Lagos State", "the state of Zulia", "Kharkiv Oblast", "Kharkiv region")."""

from __future__ import annotations

import unicodedata

# Words a division's name is written with, after it ("Lagos State") or before it with
# "of" ("the state of Zulia"). Matched on folded text.
DIVISION_WORDS = (
    "state",
    "province",
    "region",
    "oblast",
    "krai",
    "kray",
    "republic",
    "governorate",
    "prefecture",
    "territory",
    "district",
    "department",
    "county",
    "division",
    "autonomous region",
    "autonomous republic",
    "autonomous community",
    "municipality",
    "emirate",
    "canton",
    "muhafazat",
    "sheng",
    "shi",
)
_LEADING = ("the ", "republic of ", "muhafazat ")
# What is left of "Northern District" or "Capital Region" names no place by itself.
_NOT_BARE = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "capital", "federal", "national", "city", "new", "upper", "lower"}
)  # fmt: skip


# Words that name a part of a country or division ("northern Nigeria", "Southern
# California", "south-east Turkey"): the place is the whole. Matched on folded text.
DIRECTIONS = (
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "north east", "north west", "south east", "south west", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "north eastern", "north western", "south eastern",
    "south western", "upstate", "downstate", "rural",
)  # fmt: skip


def without_direction(folded: str) -> str | None:
    """The name without a leading direction ("northern nigeria" -> "nigeria"), or None."""
    for word in sorted(DIRECTIONS, key=len, reverse=True):
        if folded.startswith(word + " ") and len(folded) > len(word) + 3:
            return folded[len(word) + 1 :]
    return None


def fold(name: str) -> str:
    """Lower-case, accents and punctuation dropped: "Cúcuta" and "Cucuta" match."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    name = name.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    for mark in (".", ",", "'", "ʻ", "ʿ", "`"):
        name = name.replace(mark, "")
    return " ".join(name.lower().replace("-", " ").split())


def bare_division(folded: str) -> str | None:
    """The name without its division word ("kharkiv oblast" -> "kharkiv",
    "state of zulia" -> "zulia"), or None when it has none."""
    for word in DIVISION_WORDS:
        if folded.endswith(" " + word) and len(folded) > len(word) + 3:
            return folded[: -len(word) - 1]
        if folded.startswith(word + " of "):
            return folded[len(word) + 4 :]
    for lead in _LEADING:
        if folded.startswith(lead) and len(folded) > len(lead) + 2:
            return folded[len(lead) :]
    return None


def admin1_forms(name: str) -> set[str]:
    """A division's name and the same without its division word ("Yaroslavl Oblast" is
    also "Yaroslavl"), folded."""
    folded = fold(name)
    forms = {folded}
    bare = bare_division(folded)
    while bare and bare not in _NOT_BARE:
        forms.add(bare)
        bare = bare_division(bare)
    return forms - {""}
