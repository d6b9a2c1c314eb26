"""Boilerplate rules: `data/boilerplate.toml` plus any user file, compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from newsevents.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    max_chars: int | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    lines: tuple[Rule, ...]
    inline: tuple[Rule, ...]


def _compile(entries: object, kind: str, origin: str) -> list[Rule]:
    if not isinstance(entries, list):
        raise ConfigError(f"{origin}: [[{kind}]] must be an array of tables")
    rules = []
    for number, entry in enumerate(entries, 1):
        try:
            flags = 0 if entry.get("case") else re.IGNORECASE
            pattern = re.compile(entry["pattern"], flags)
            rules.append(Rule(str(entry["reason"]), pattern, entry.get("max_chars")))
        except (KeyError, re.error, AttributeError) as exc:
            raise ConfigError(f"{origin}: [[{kind}]] #{number} is invalid ({exc})") from exc
    return rules


def parse_rules(text: str, origin: str) -> Rules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}") from exc
    return Rules(
        tuple(_compile(data.get("line", []), "line", origin)),
        tuple(_compile(data.get("inline", []), "inline", origin)),
    )


@cache
def load_rules(extra: Path | None = None) -> Rules:
    """The shipped rules, followed by a user's file when given; read once per process."""
    shipped = (resources.files("newsevents") / "data" / "boilerplate.toml").read_text("utf-8")
    rules = parse_rules(shipped, "boilerplate.toml")
    if extra is None:
        return rules
    try:
        user = parse_rules(extra.read_text("utf-8"), str(extra))
    except OSError as exc:
        raise ConfigError(f"Cannot read boilerplate rules {extra}: {exc.strerror}") from exc
    return Rules(rules.lines + user.lines, rules.inline + user.inline)
