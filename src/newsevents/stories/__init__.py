"""The stories stage: events told by several articles merged into one happening."""

from newsevents.stories._merge import DEFAULT_WINDOW_DAYS, CanonicalEvent, merge_events, merge_key

__all__ = ["DEFAULT_WINDOW_DAYS", "CanonicalEvent", "merge_events", "merge_key"]
