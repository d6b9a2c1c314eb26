"""PLOVER types in the field's other scales: CAMEO code, Goldstein score, QuadClass.

The mapping lives in `data/plover_cameo.tsv`, a readable table a user can correct.
QuadClass follows from the CAMEO root code as in GDELT: 1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from newsevents.errors import ConfigError

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@cache
def crosswalk() -> dict[tuple[str, str], tuple[str, float]]:
    """(PLOVER type, mode) -> (CAMEO code, Goldstein score)."""
    text = (resources.files("newsevents") / "data" / "plover_cameo.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    table = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        try:
            table[(row["plover_type"], row["mode"] or "")] = (
                row["cameo_code"],
                float(row["goldstein"]),
            )
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"plover_cameo.tsv: bad row {row}") from exc
    return table


def cameo_for(kind: str, mode: str | None) -> tuple[str, float]:
    table = crosswalk()
    return table.get((kind, mode or "")) or table[(kind, "")]


def quad_class(cameo_code: str) -> int:
    root = int(cameo_code[:2])
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


def quad_class_of(kind: str, mode: str | None = None) -> int:
    return quad_class(cameo_for(kind, mode)[0])
