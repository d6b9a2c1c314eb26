"""The clean stage: the article's own text as paragraphs, and what was removed and why."""

from newsevents.clean._clean import Cleaned, clean, clean_html, clean_text
from newsevents.clean._rules import Rules, load_rules

__all__ = ["Cleaned", "Rules", "clean", "clean_html", "clean_text", "load_rules"]
