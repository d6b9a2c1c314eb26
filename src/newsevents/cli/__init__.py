"""The `newsevents` command line: one Typer app, one module per command."""

from newsevents.cli import (  # noqa: F401  (each module registers its command)
    _actor,
    _code,
    _dedup,
    _demo,
    _evaluate,
    _events,
    _export,
    _run,
    _serve,
    _spark,
    _stories,
)
from newsevents.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `newsevents` console script."""
    app(prog_name="newsevents")
