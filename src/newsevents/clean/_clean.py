"""Cleaning: trafilatura for HTML, then line rules for what scraped text carries."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.clean._language import foreign_language, language_name
from newsevents.clean._rules import Rules, load_rules
from newsevents.errors import ExtractionError
from newsevents.model import Removal

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"[ \t\u00a0]+")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ":", ")")
_HEADLINE_MAX_CHARS = 200
_WRAP_MIN, _WRAP_MAX = 40, 100  # typical widths of hard-wrapped text
# Bounds that keep parsing time and memory per article flat whatever the input: real
# news paragraphs are far shorter, and a 100,000-character article is a long read.
MAX_PARAGRAPH_CHARS = 5_000
MAX_ARTICLE_CHARS = 100_000


@dataclass(slots=True)
class Cleaned:
    paragraphs: list[str]
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None


def clean(
    raw: str, fmt: str, *, rules_file: Path | None = None, english_only: bool = True
) -> Cleaned:
    """Clean raw text or HTML; raises ExtractionError when no article text remains, or
    when it is not English (unless `english_only` is False)."""
    if fmt == "html":
        return clean_html(raw, rules_file=rules_file, english_only=english_only)
    return clean_text(raw, rules_file=rules_file, english_only=english_only)


def clean_text(raw: str, *, rules_file: Path | None = None, english_only: bool = True) -> Cleaned:
    """Paragraphs of a plain-text article with boilerplate lines removed."""
    rules = load_rules(rules_file)
    removed: list[Removal] = []
    lines = [_SPACES.sub(" ", line).strip() for line in raw.replace("\r\n", "\n").split("\n")]
    lines = _drop_repeated(lines, removed)
    kept = [_apply(line, rules, removed) if line else "" for line in lines]
    paragraphs = _bounded(_paragraphs(kept), removed)
    if not paragraphs:
        raise ExtractionError("no article text found: everything was empty or boilerplate")
    language = foreign_language("\n".join(paragraphs)) if english_only else None
    if language is not None:
        raise ExtractionError(
            f"not English: the text reads as {language_name(language)} ({language}); "
            "newsevents codes English news"
        )
    first = paragraphs[0]
    title = first if len(first) <= _HEADLINE_MAX_CHARS and not first.endswith(".") else None
    return Cleaned(paragraphs, removed, title)


def clean_html(
    raw: str,
    *,
    url: str | None = None,
    rules_file: Path | None = None,
    english_only: bool = True,
) -> Cleaned:
    """The article body of an HTML page (trafilatura), then the text rules."""
    import trafilatura  # heavy: only when there is HTML to clean

    body = trafilatura.extract(raw, url=url, include_comments=False)
    if not body:
        raise ExtractionError("no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(raw)
    title = metadata.title if metadata is not None else None
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    cleaned = clean_text(text, rules_file=rules_file, english_only=english_only)
    cleaned.removed.insert(
        0, Removal("(page template: navigation, scripts, markup)", "html-template")
    )
    cleaned.title = title or cleaned.title
    return cleaned


def _bounded(paragraphs: list[str], removed: list[Removal]) -> list[str]:
    """Split runaway paragraphs at a sentence end or space; cut what exceeds the article
    bound (recorded as removed, with the reason)."""
    pieces = [piece for paragraph in paragraphs for piece in _split_long(paragraph)]
    kept, total = [], 0
    for index, piece in enumerate(pieces):
        total += len(piece)
        if total > MAX_ARTICLE_CHARS:
            dropped = sum(len(p) for p in pieces[index:])
            removed.append(
                Removal(
                    f"({dropped} characters after the first {MAX_ARTICLE_CHARS})", "over-length"
                )
            )
            break
        kept.append(piece)
    return kept


def _split_long(paragraph: str) -> list[str]:
    pieces = []
    while len(paragraph) > MAX_PARAGRAPH_CHARS:
        window = paragraph[:MAX_PARAGRAPH_CHARS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > MAX_PARAGRAPH_CHARS // 2 else window.rfind(" ")
        cut = cut if cut > 0 else MAX_PARAGRAPH_CHARS
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:].strip()
    return [*pieces, paragraph] if paragraph else pieces


def _drop_repeated(lines: list[str], removed: list[Removal]) -> list[str]:
    """A line printed twice in a row is an image caption scraped with its alt text."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        twin = (index > 0 and lines[index - 1] == line) or (
            index + 1 < len(lines) and lines[index + 1] == line
        )
        if line and twin:
            if index + 1 < len(lines) and lines[index + 1] == line:
                removed.append(Removal(line, "repeated-caption"))
            continue
        kept.append(line)
    return kept


def _apply(line: str, rules: Rules, removed: list[Removal]) -> str:
    for rule in rules.lines:
        if (rule.max_chars is None or len(line) <= rule.max_chars) and rule.pattern.search(line):
            removed.append(Removal(line, rule.reason))
            return ""
    for rule in rules.inline:
        match = rule.pattern.search(line)
        if match:
            removed.append(Removal(match.group(0).strip(), rule.reason))
            line = (line[: match.start()] + line[match.end() :]).strip()
    return line


def _paragraphs(lines: list[str]) -> list[str]:
    """Each line a paragraph, unless the text is hard-wrapped: then blocks are joined."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    body = [line for block in blocks for line in block]
    wrapped = [
        line
        for line in body
        if _WRAP_MIN <= len(line) <= _WRAP_MAX and not line.endswith(_SENTENCE_END)
    ]
    if len(body) >= 4 and len(wrapped) >= 0.5 * len(body):
        return [" ".join(block) for block in blocks if block]
    return body
