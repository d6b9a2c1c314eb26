"""Shared fixtures. The spaCy model is loaded once per session, and only by tests
that ask for it (the `nlp` fixture), never by an autouse fixture."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents.model import Event

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "data" / "seeds"
GOLD = SHARED / "data" / "gold"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsevents.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the shared seed articles are missing: expected {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def code_text(nlp: Language) -> Callable[..., list[Event]]:
    """Code a short text (paragraphs separated by blank lines) with the rule coder."""
    from newsevents.events import RuleCoder

    coder = RuleCoder()

    def run(text: str, published: date | None = date(2025, 9, 27)) -> list[Event]:
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        offsets, position = [], 0
        for paragraph in paragraphs:
            offsets.append(position)
            position += len(paragraph) + 2
        return coder.code("test-doc", list(nlp.pipe(paragraphs)), offsets, published)

    return run
