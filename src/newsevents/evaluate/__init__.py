"""Scoring the coder against annotated gold items (`newsevents evaluate GOLD.jsonl`)."""

from newsevents.evaluate._gold import GoldEvent, GoldItem, load_gold
from newsevents.evaluate._score import (
    INTERVAL_LEVEL,
    MEASURES,
    Report,
    Scores,
    code_items,
    evaluate_gold,
    f1_gain_interval,
    f1_interval,
    score,
)

__all__ = [
    "INTERVAL_LEVEL",
    "MEASURES",
    "GoldEvent",
    "GoldItem",
    "Report",
    "Scores",
    "code_items",
    "evaluate_gold",
    "f1_gain_interval",
    "f1_interval",
    "load_gold",
    "score",
]
