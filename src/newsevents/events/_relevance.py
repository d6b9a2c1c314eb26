"""What is no political event: the everyday acts of unplaced private actors.

"The company denies", "doctors ask", "people were talking": an event whose source is
only a private sector (business, health, media, civilians ...), placed in no country
and aimed at no one, is everyday life on sports, product, science and lifestyle pages,
not political news. Protest, violence and coercion stay events whoever does them.
The sectors and the kept types are `[everyday]` in verbs.toml.
"""

from __future__ import annotations

from newsevents.events._patterns import PatternBook
from newsevents.model import Event


def is_everyday(event: Event, book: PatternBook) -> bool:
    """Whether an event is an unplaced private actor's act aimed at no one."""
    source = event.source
    if source is None or event.target is not None or event.type in book.everyday_types_kept:
        return False
    actor = source.actor
    return actor.country is None and actor.sector in book.everyday_sectors
