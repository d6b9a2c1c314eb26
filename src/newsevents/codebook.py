"""The codebook: what every code and field of a record means, built from the data
files the coder itself reads (types, modes, CAMEO codes and Goldstein scores from
`plover_cameo.tsv`; sectors in use from the actor dictionaries) and the words of
`data/codebook.toml`."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from newsevents.model import MODALITIES, PLOVER_TYPES
from newsevents.plover import QUAD_CLASSES, quad_class

_DATA = resources.files("newsevents") / "data"


def _rows(name: str) -> list[dict[str, str]]:
    text = (_DATA / name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def codebook() -> dict[str, Any]:
    """Types with their modes, quad classes, modalities, sectors and fields, explained."""
    words = tomllib.loads((_DATA / "codebook.toml").read_text("utf-8"))
    modes: dict[str, list[dict[str, Any]]] = {kind: [] for kind in PLOVER_TYPES}
    for row in _rows("plover_cameo.tsv"):
        modes.setdefault(row["plover_type"], []).append(
            {
                "mode": row["mode"] or None,
                "cameo_code": row["cameo_code"],
                "goldstein": float(row["goldstein"]),
                "quad_class": quad_class(row["cameo_code"]),
                "meaning": row["note"],
            }
        )
    used = {r["sector"] for r in _rows("actors.tsv") + _rows("agents.tsv") if r.get("sector")}
    return {
        "types": [{"type": kind, "modes": modes[kind]} for kind in PLOVER_TYPES],
        "quad_classes": [
            {"quad_class": q, "name": name, "meaning": words["quad_classes"][str(q)]}
            for q, name in QUAD_CLASSES.items()
        ],
        "modalities": [{"modality": m, "meaning": words["modalities"][m]} for m in MODALITIES],
        "sectors": [
            {"sector": code, "meaning": words["sectors"].get(code, "")} for code in sorted(used)
        ],
        "fields": [{"field": k, "meaning": v} for k, v in words["fields"].items()],
    }
