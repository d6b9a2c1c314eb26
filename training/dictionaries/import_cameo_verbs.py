"""Import the CAMEO verb dictionary of PETRARCH-2 as candidate patterns for the coder.

    .venv/bin/python training/dictionaries/import_cameo_verbs.py [--reference DIR] [--check]

Reads `petrarch2/CAMEO.2.0.txt` (verb synonym sets with CAMEO codes and phrase
patterns) and `CAMEO2PLOVER-2021.txt` (CAMEO code -> PLOVER type and mode) from
DIR (default ../shared/data/reference) and writes
`src/newsevents/data/cameo_verbs.tsv`: one row per lookup key (a verb lemma, or a
lemma with its particle or preposition, as the coder builds them) with the PLOVER type,
a mode the crosswalk `plover_cameo.tsv` knows (else none), the objects, prepositions
or subjects a phrase pattern requires, the objects that make the verb no event
(`[---]` patterns), the CAMEO code and a prior confidence by how the row was found:

- `pattern`: a phrase pattern with its own code ("- * PROTESTERS [175]" under ARREST);
- `verb`: a verb listed with its own code ("ARREST [173]");
- `synonym`: a verb that takes its synonym set's code (CAPTURE under APPREHEND [171]).

The output is sorted and has no timestamp: the same input gives the same bytes.
`--check` exits 1 when the committed file differs from what the script would write.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "src" / "newsevents" / "data" / "cameo_verbs.tsv"
CROSSWALK = ROOT / "src" / "newsevents" / "data" / "plover_cameo.tsv"
DEFAULT_REFERENCE = ROOT.parent / "shared" / "data" / "reference"
CONFIDENCE = {"pattern": 0.5, "verb": 0.45, "synonym": 0.35}
# Words the coder reads as a particle after the verb ("set off", "take in").
PARTICLES = frozenset(
    [
        "up",
        "down",
        "out",
        "off",
        "back",
        "over",
        "in",
        "away",
        "on",
        "forward",
        "aside",
        "around",
        "along",
        "through",
    ]
)
# Verbs too general to name an event without a phrase pattern ("take", "make").
GENERIC = frozenset(
    [
        "be",
        "have",
        "do",
        "make",
        "take",
        "give",
        "get",
        "go",
        "come",
        "put",
        "set",
        "keep",
        "hold",
        "bring",
        "see",
        "look",
        "run",
        "turn",
        "show",
        "call",
        "leave",
        "let",
        "find",
        "use",
        "place",
        "stand",
        "play",
        "pass",
        "meet",
    ]
)
_CODE = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"^[A-Z][A-Z'-]*_?$")


@dataclass
class Row:
    key: str
    basis: str
    cameo: str
    objects: set[str] = field(default_factory=set)
    preps: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)


def singular(word: str) -> str:
    """A plural noun's singular, as the lemmatizer gives it for regular nouns."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def read_synsets(lines: list[str]) -> dict[str, set[str]]:
    """`&NAME` sets: their members, lower-cased, multi-word members joined by spaces."""
    sets: dict[str, set[str]] = {}
    name = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            name = text.split()[0]
            sets[name] = set()
        elif text.startswith("+") and name:
            word = text[1:].split()[0].strip("_").lower().replace("_", " ")
            sets[name] |= {word, singular(word)}
        elif not text:
            name = None
    return sets


def read_crosswalks(reference: Path) -> tuple[dict[str, tuple[str, str]], set[tuple[str, str]]]:
    """CAMEO code -> (PLOVER type, mode) from the PLOVER table, and the (type, mode)
    pairs the project's export crosswalk knows."""
    table = {}
    text = (reference / "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    for line in text.splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*)", line)
        if match:
            code, kind, mode = match.groups()
            table.setdefault(code, (kind, mode.strip()))
    lines = [x for x in CROSSWALK.read_text("utf-8").splitlines() if not x.startswith("#")]
    known = {(r["plover_type"], r["mode"]) for r in csv.DictReader(lines, delimiter="\t")}
    return table, known


def first_code(text: str) -> str | None:
    """The code a pattern gives its source->target event: "175:140" -> "175"."""
    code = text.split(":")[0].strip()
    return code if code.isdigit() or code == "---" else None


def pattern_row(line: str, verbs: list[str], synsets: dict[str, set[str]]) -> list[Row]:
    """Rows for one phrase pattern line, attached to the verb its comment names."""
    body, _, comment = line[1:].partition("#")
    codes = _CODE.findall(body)
    owner = comment.strip().split()[0].lower() if comment.strip() else ""
    code = first_code(codes[-1]) if codes else None
    if not code or owner not in verbs or "*" not in body:
        return []
    before, _, after = _CODE.sub("", body).partition("*")
    subjects = {singular(w.lower()) for w in before.split() if _WORD.match(w)}
    words = re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", after)
    key, row = owner, Row("", "pattern", code, subjects=subjects)
    for index, word in enumerate(words):
        if index == 0 and word.lower() in PARTICLES:
            key = f"{owner} {word.lower()}"
        elif word.startswith("("):
            inner = word.strip("()").split()
            if inner and inner[0].lower().isalpha() and len(inner) > 1:
                row.preps.add(inner[0].lower())
                if not row.objects:
                    row.objects |= _nouns(inner[-1], synsets)
            elif len(inner) == 1 and not row.preps:
                row.preps.add(inner[0].lower())
        elif not row.objects and not row.preps and (word[0] in "{&" or _WORD.match(word)):
            row.objects |= _nouns(word.strip("{}").split()[-1], synsets)
    if not (row.objects or row.preps or row.subjects) or " " in owner:
        return []
    row.key = key
    return [row]


def _nouns(word: str, synsets: dict[str, set[str]]) -> set[str]:
    if word.startswith("&"):
        return {w for w in synsets.get(word, set()) if " " not in w}
    clean = word.strip("_").lower()
    return {clean, singular(clean)} if _WORD.match(word.upper()) else set()


def verb_entry(line: str, default: str | None) -> Row | None:
    """A verb line: its lemma (multi-word forms as "lemma particle") and code."""
    text = line.split("#", 1)[0]
    codes = _CODE.findall(text)
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()[0].lstrip("+")
    parts = word.lower().strip("_").split("_")
    if len(parts) > 2 or not all(p.isalpha() for p in parts):
        return None
    if len(parts) == 2 and parts[1] not in PARTICLES | {"for", "with", "to", "at", "into"}:
        return None
    own = first_code(codes[0]) if codes else None
    code = own or default
    if not code or code == "---" or (own is None and parts[0] in GENERIC):
        return None
    return Row(" ".join(parts), "verb" if own else "synonym", code)


def read_blocks(lines: list[str], synsets: dict[str, set[str]]) -> list[Row]:
    """Every verb and pattern row of the verb section, in file order."""
    rows: list[Row] = []
    default, verbs = None, []
    for line in lines:
        if line.startswith("---"):
            codes = _CODE.findall(line)
            default, verbs = (first_code(codes[0]) if codes else None), []
        elif line.startswith("-"):
            rows += pattern_row(line, verbs, synsets)
        elif line[:1].isalpha() or line.startswith("+"):
            entry = verb_entry(line, default)
            word = re.split(r"[\s{\[#]", line.lstrip("+"), maxsplit=1)[0].lower()
            verbs.append(word)
            if entry is not None:
                rows.append(entry)
    return rows


def build(reference: Path) -> str:
    """The TSV text the dictionary gives."""
    lines = (reference / "petrarch2" / "CAMEO.2.0.txt").read_text("latin-1").splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("####### VERB PATTERNS"))
    end = next(i for i, x in enumerate(lines) if x.startswith("######## TRANSFORMATIONS"))
    synsets = read_synsets(lines[:start])
    table, known = read_crosswalks(reference)
    merged: dict[tuple[str, ...], Row] = {}
    unless: dict[str, set[str]] = defaultdict(set)
    for row in read_blocks(lines[start:end], synsets):
        if row.cameo == "---":
            unless[row.key] |= row.objects
            continue
        signature = (row.key, row.basis, row.cameo, *sorted(row.preps), "|", *sorted(row.subjects))
        if signature in merged:
            merged[signature].objects |= row.objects
        else:
            merged[signature] = row
    out = io.StringIO()
    out.write(
        "# Generated by training/dictionaries/import_cameo_verbs.py from PETRARCH-2's\n"
        "# CAMEO.2.0.txt (MIT, Open Event Data Alliance) and CAMEO2PLOVER-2021: do not edit.\n"
    )
    header = ["key", "type", "mode", "objects", "preps", "subjects", "unless", "cameo"]
    out.write("\t".join([*header, "confidence", "basis"]) + "\n")
    written = set()
    for row in merged.values():
        mapped = table.get(row.cameo) or table.get(row.cameo[:3])
        if mapped is None:
            continue  # CAMEO 01 and 02 (statements, appeals) have no PLOVER row
        kind, mode = mapped
        mode = mode if (kind, mode) in known else ""
        cells = [
            row.key,
            kind,
            mode,
            "|".join(sorted(row.objects)),
            "|".join(sorted(row.preps)),
            "|".join(sorted(row.subjects)),
            "|".join(sorted(unless.get(row.key, set()))) if row.basis != "pattern" else "",
            row.cameo,
            f"{CONFIDENCE[row.basis]:.2f}",
            row.basis,
        ]
        written.add("\t".join(cells))
    order = {"pattern": 0, "verb": 1, "synonym": 2}
    for line in sorted(written, key=lambda x: (x.split("\t")[0], order[x.split("\t")[-1]], x)):
        out.write(line + "\n")
    return out.getvalue()


if __name__ == "__main__":
    from _rebuild import rebuild  # the import scripts' shared command line

    sys.exit(rebuild(__doc__, lambda reference: {OUTPUT: build(reference)}, DEFAULT_REFERENCE))
