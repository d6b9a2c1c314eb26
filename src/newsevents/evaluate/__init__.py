"""Scoring the coder against annotated gold items (`newsevents evaluate GOLD.jsonl`)."""

from newsevents.evaluate._gold import GoldEvent, GoldItem, load_gold
from newsevents.evaluate._score import Report, Scores, code_items, evaluate_gold, score

__all__ = [
    "GoldEvent",
    "GoldItem",
    "Report",
    "Scores",
    "code_items",
    "evaluate_gold",
    "load_gold",
    "score",
]
