"""The stories stage: articles grouped into developing stories, and the events they
tell merged into one happening each."""

from newsevents.stories._cluster import (
    WINDOW_DAYS,
    Story,
    StoryIndex,
    article_terms,
    best_story,
    story_title,
)
from newsevents.stories._merge import DEFAULT_WINDOW_DAYS, CanonicalEvent, merge_events, merge_key

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "WINDOW_DAYS",
    "CanonicalEvent",
    "Story",
    "StoryIndex",
    "article_terms",
    "best_story",
    "merge_events",
    "merge_key",
    "story_title",
]
