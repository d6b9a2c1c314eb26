"""Events as the scorer sees them, made by hand (no model needed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Actor, ActorMention, Event


def _side(actor: str | ActorMention | None) -> ActorMention | None:
    """A side given as a CAMEO code ("UKRGOV": country UKR, sector GOV) or a mention."""
    if not isinstance(actor, str):
        return actor
    return ActorMention(actor, 0, 1, Actor(actor, actor[:3], actor[3:] or None))


@pytest.fixture(scope="session")
def make_event() -> Callable[..., Event]:
    """An event of one sentence "s" with the trigger "t", its sides as codes or
    mentions, confidence 0.7 unless given, and any other field as given."""

    def make(
        kind: str,
        source: str | ActorMention | None = None,
        target: str | ActorMention | None = None,
        **fields: object,
    ) -> Event:
        fields.setdefault("confidence", 0.7)
        return Event(
            doc_id="d",
            type=kind,
            source=_side(source),
            target=_side(target),
            sentence="s",
            sentence_start=0,
            sentence_end=1,
            trigger="t",
            trigger_start=0,
            trigger_end=1,
            **fields,  # type: ignore[arg-type]
        )

    return make
