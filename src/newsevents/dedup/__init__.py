"""The dedup stage: exact, near and reworded copies of the same article."""

from newsevents.dedup._index import DedupIndex, DuplicateGroup, Member

__all__ = ["DedupIndex", "DuplicateGroup", "Member"]
