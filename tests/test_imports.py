"""No import cycles between packages that should layer: the web pages never import the
API (both read `views`), and the ingest readers share `_document` instead of importing
each other. Function-level imports count: they hide a cycle, they do not break it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("newsevents")}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


GRAPH = {_module(p): _imports(p) for p in (SRC / "newsevents").rglob("*.py")}


def _reaches(start: str, goal: str) -> bool:
    """Whether a module under `start` imports, directly or not, a module under `goal`."""
    seen, todo = set(), [m for m in GRAPH if m == start or m.startswith(start + ".")]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for target in GRAPH.get(current, ()):
            if target == goal or target.startswith(goal + "."):
                return True
            todo.append(target)
    return False


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("newsevents.web", "newsevents.api"),
        ("newsevents.views", "newsevents.api"),
        ("newsevents.views", "newsevents.web"),
        ("newsevents.store", "newsevents.views"),
        ("newsevents.ingest._archives", "newsevents.ingest._read"),
        ("newsevents.ingest._document", "newsevents.ingest._read"),
    ],
)
def test_a_lower_layer_never_imports_a_higher_one(lower, upper):
    assert not _reaches(lower, upper)


def test_the_cli_starts_without_the_store_and_dedup_libraries():
    """`newsevents code` must start fast: the command line imports SQLAlchemy, FastAPI,
    pyarrow and datasketch only in the commands that use them."""
    import subprocess
    import sys

    heavy = ("sqlalchemy", "fastapi", "pyarrow", "datasketch", "alembic")
    script = f"import sys, newsevents.cli\nprint(sorted(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
