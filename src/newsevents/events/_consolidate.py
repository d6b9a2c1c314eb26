"""One event per happening in an article: a vaguer repeat of a specific event goes."""

from __future__ import annotations

from newsevents.model import ActorMention, Event


def _covers(general: ActorMention | None, specific: ActorMention | None) -> bool:
    """Whether `specific` says at least what `general` says ("USAMIL" covers "USA")."""
    if general is None:
        return True
    return specific is not None and specific.actor.code.startswith(general.actor.code)


def consolidate(events: list[Event]) -> list[Event]:
    """Drop an event that a more specific one of the same article repeats: a headline's
    "White House rejects overture" beside the body's "White House dismissed Maduro's
    approach" is one REJECT, told twice, the second time with its target."""
    kept = []
    for event in events:
        repeated = any(
            other is not event
            and other.type == event.type
            and _covers(event.source, other.source)
            and _covers(event.target, other.target)
            and (actor_code(other.source), actor_code(other.target))
            != (actor_code(event.source), actor_code(event.target))
            for other in events
        )
        if not repeated:
            kept.append(event)
    return kept


def actor_code(mention: ActorMention | None) -> str:
    return mention.actor.code if mention else ""
