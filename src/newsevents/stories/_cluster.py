"""Story clusters: articles about one developing story, grouped as they arrive.

An article is described by the names it repeats (capitalised words and phrases away
from the start of a sentence: people, places, groups) and by its date. It joins the
story, active within a window of its date, whose names overlap its own the most, if
the overlap is high enough; otherwise it starts a story. A copy joins its original's
story. Online and order-dependent by design: a story never has to be recomputed from
the whole corpus, and adding articles later only touches the stories they join.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources

WINDOW_DAYS = 14  # a story stays open this long after its latest article
MIN_OVERLAP = 0.45  # share of the smaller name set found in the other
MIN_SHARED = 4  # and at least this many names in common
TERMS_PER_ARTICLE = 25
TERMS_PER_STORY = 60

# A capitalised word: names of people, places and groups, and some sentence openers
# that the stop list and the counting push out.
_NAME = re.compile(r"\b[A-Z\u00C0-\u00DE][^\W\d_]{2,}")


@cache
def _generic() -> frozenset[str]:
    """Capitalised words that name no one (editable: data/story_stopwords.txt)."""
    text = (resources.files("newsevents") / "data" / "story_stopwords.txt").read_text("utf-8")
    lines = (line.split("#", 1)[0] for line in text.splitlines())
    return frozenset(word.lower() for line in lines for word in line.split())


def article_terms(paragraphs: Sequence[str], title: str | None = None) -> list[str]:
    """The names an article repeats most, lower-cased: what stories are matched on."""
    counted: Counter[str] = Counter()
    for text in [title or "", *paragraphs]:
        for match in _NAME.finditer(text):
            name = match.group(0).lower()
            if name not in _generic():
                counted[name] += 1
    return [name for name, _ in counted.most_common(TERMS_PER_ARTICLE)]


@dataclass(slots=True)
class Story:
    """A developing story: its articles' names, time span and size."""

    id: str
    title: str
    first_seen: date | None
    last_seen: date | None
    num_articles: int = 0
    terms: dict[str, int] = field(default_factory=dict)  # name -> articles that use it

    def add(self, terms: Iterable[str], day: date | None) -> None:
        for term in terms:
            self.terms[term] = self.terms.get(term, 0) + 1
        if len(self.terms) > TERMS_PER_STORY:
            kept = sorted(self.terms.items(), key=lambda item: (-item[1], item[0]))
            self.terms = dict(kept[:TERMS_PER_STORY])
        self.num_articles += 1
        if day is not None:
            self.first_seen = min(filter(None, (self.first_seen, day)))
            self.last_seen = max(filter(None, (self.last_seen, day)))

    def core(self) -> set[str]:
        ranked = sorted(self.terms.items(), key=lambda item: (-item[1], item[0]))
        return {term for term, _ in ranked[:TERMS_PER_ARTICLE]}

    def is_open_on(self, day: date | None, window: timedelta) -> bool:
        """An undated article, or an undated story, can join on its names alone."""
        if day is None or self.first_seen is None or self.last_seen is None:
            return True
        return self.first_seen - window <= day <= self.last_seen + window


def overlap(terms: Sequence[str], story: Story) -> float:
    """The share of the smaller name set that the other holds (0 when too few shared).

    A story is matched on its core, the names most of its articles use, so that a
    large story does not draw in every article that mentions one of its names.
    """
    core = story.core()
    if not terms or not core:
        return 0.0
    shared = sum(1 for t in terms if t in core)
    if shared < MIN_SHARED:
        return 0.0
    return shared / min(len(terms), len(core))


def best_story(
    terms: Sequence[str],
    day: date | None,
    candidates: Iterable[Story],
    *,
    window_days: int = WINDOW_DAYS,
) -> Story | None:
    """The open story this article belongs to, if any overlaps enough."""
    window = timedelta(days=window_days)
    scored = [
        (overlap(terms, story), story.id, story)
        for story in candidates
        if story.is_open_on(day, window)
    ]
    scored = [item for item in scored if item[0] >= MIN_OVERLAP]
    return max(scored, key=lambda item: (item[0], item[1]))[2] if scored else None


class StoryIndex:
    """Open stories by the names they use: an article is compared only with the
    stories that share a name with it, not with every open story."""

    def __init__(self, stories: Iterable[Story] = ()) -> None:
        self.stories: dict[str, Story] = {}
        self._by_term: dict[str, set[str]] = {}
        for story in stories:
            self.add(story)

    def add(self, story: Story) -> None:
        """Index a story (again, after it took an article and gained names)."""
        self.stories[story.id] = story
        for term in story.terms:
            self._by_term.setdefault(term, set()).add(story.id)

    def get(self, story_id: str | None) -> Story | None:
        return self.stories.get(story_id) if story_id else None

    def best(self, terms: Sequence[str], day: date | None) -> Story | None:
        sharing = {i for t in terms for i in self._by_term.get(t, ())}
        return best_story(terms, day, (self.stories[i] for i in sorted(sharing)))


TITLE_CHARS = 160


def story_title(title: str | None, paragraphs: Sequence[str], origin: str) -> str:
    """A story's title: that of the article that starts it, else its first paragraph."""
    text = title or next((p for p in paragraphs if p.strip()), "")
    return text.strip()[:TITLE_CHARS] or origin
