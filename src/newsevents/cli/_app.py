"""The Typer app, the shared options and the one place errors become messages."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from newsevents import __version__
from newsevents.errors import NewsEventsError
from newsevents.events import CLASSIFIER_NAME

app = typer.Typer(
    name="newsevents",
    help="Turn news articles into a database of coded political events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


def _print_version(given: bool) -> None:
    if given:
        print(f"newsevents {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Turn news articles into a database of coded political events."""


# Exit codes: 0 success, 1 error, 2 usage (click), 3 finished but some inputs failed.
EXIT_ERROR = 1
EXIT_PARTIAL = 3
EXIT_INTERRUPTED = 130

DEFAULT_DB = "newsevents.db"
DbOption = Annotated[
    str,
    typer.Option("--db", help="SQLite file path, or a sqlite:/// or postgresql:// URL."),
]
ClassifierOption = Annotated[
    str | None,
    typer.Option(
        help="The registered type classifier that weighs the rules' events, or 'none' for "
        f"the rules alone (shipped: {CLASSIFIER_NAME}; its settings are the 'classifier' "
        "table of verbs.toml)."
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, csv or jsonl.")
]

P = ParamSpec("P")
R = TypeVar("R")


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn newsevents errors into one red line and exit code 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        try:
            return command(*args, **kwargs)
        except NewsEventsError as exc:
            console.print(f"[bold red]Error:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper
