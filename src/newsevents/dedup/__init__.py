"""The dedup stage: exact, near and reworded copies of the same article."""

from newsevents.dedup._explain import Explanation, explain
from newsevents.dedup._features import fingerprints
from newsevents.dedup._index import DedupIndex, DuplicateGroup, Member

__all__ = ["DedupIndex", "DuplicateGroup", "Explanation", "Member", "explain", "fingerprints"]
