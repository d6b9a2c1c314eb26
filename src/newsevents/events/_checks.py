"""The last check on every coded event, whichever rule made it: a target is never the
source itself nor a piece of the source's name ("At the White House, Trump slammed the
decision" gives no target "White"; "Xi" is not Xi's own target)."""

from __future__ import annotations

import re
from dataclasses import replace

from newsevents.model import ActorMention, Event


def checked(event: Event) -> Event:
    """The event, without a target that names its own source."""
    source, target = event.source, event.target
    if source is None or target is None or target.implied:
        return event
    if names_the_source(target, source):
        return replace(event, target=None)
    return event


def names_the_source(target: ActorMention, source: ActorMention) -> bool:
    """Whether the target is the same actor named again, or words of the source's name
    for its own country ("White" of "the White House"; but "Swedish" of "Danish and
    Swedish police" is the other party)."""
    if target.actor == source.actor and target.actor.sector is not None:
        return True  # the same person or body (a bare country may act on itself)
    if target.actor.country != source.actor.country:
        return False
    if target.start < source.end and source.start < target.end:
        return True  # overlapping words
    words, name = _words(target.text), _words(source.text)
    return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", name) is not None


def _words(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split()).removeprefix("the ")
