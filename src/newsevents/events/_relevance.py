"""What is no political event: the everyday acts of unplaced private actors, and the
events of an article that is no political news.

"The company denies", "doctors ask", "people were talking": an event whose source is
only a private sector (business, health, media, civilians ...), placed in no country
and aimed at no one, is everyday life on sports, product, science and lifestyle pages,
not political news. Protest, violence and coercion stay events whoever does them.
The sectors and the kept types are `[everyday]` in verbs.toml.

An article is political news when one of its events has the state or an armed group
on a side (`[political_story]` in verbs.toml). On a page about a cat, a tour or a
gadget the coder still reads a verb in its political sense now and then ("offered to
fly the cat", "critics have been asking", "third party demand"); such a page has no
police, soldiers, government or party of a named country in any of its events, so they
are dropped together. Judged on the real dev pages (training/coder/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.events._patterns import PatternBook
from newsevents.model import Event


def is_everyday(event: Event, book: PatternBook) -> bool:
    """Whether an event is an unplaced private actor's act aimed at no one."""
    source = event.source
    if source is None or event.target is not None or event.type in book.everyday_types_kept:
        return False
    actor = source.actor
    return actor.country is None and actor.sector in book.everyday_sectors


def is_political_story(events: Sequence[Event], sentences: int, book: PatternBook) -> bool:
    """Whether an article of `sentences` sentences, with these events, is political news;
    a text shorter than the setting's `min_sentences` is taken as given."""
    story = book.political_story
    if sentences < story.min_sentences:
        return True
    for event in events:
        for side in (event.source, event.target):
            if side is None:
                continue
            actor = side.actor
            if actor.sector in story.forces or (actor.sector in story.placed and actor.country):
                return True
    return False
