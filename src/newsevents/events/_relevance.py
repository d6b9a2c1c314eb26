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

A story that names a phrase of `data/story_discards.txt` (PETRARCH-2's story-level
discards: leagues, tournaments, players, scores) is sports news: it keeps only the
events a force takes part in (`discarded_kept`), as when fans and police clash.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from newsevents.events._patterns import PatternBook
from newsevents.model import Event

DISCARDS = Path(str(resources.files("newsevents") / "data" / "story_discards.txt"))


@functools.cache
def story_discards(path: Path = DISCARDS) -> re.Pattern[str]:
    """The phrases of a discards file (one a line, '#' comments) as one pattern that
    matches them whole, in any case and spacing."""
    lines = path.read_text("utf-8").splitlines()
    phrases = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    alternatives = "|".join(r"\s+".join(map(re.escape, words)) for words in phrases)
    return re.compile(rf"\b(?:{alternatives})\b" if phrases else r"(?!)", re.IGNORECASE)


def sports_story_events(
    events: list[Event], text: str, book: PatternBook, discards: re.Pattern[str]
) -> list[Event]:
    """The events of a story, less those a sports story has no force in."""
    if not discards.search(text):
        return events
    kept = book.political_story.discarded_kept
    return [e for e in events if any(s and s.actor.sector in kept for s in (e.source, e.target))]


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
