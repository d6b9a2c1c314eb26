"""The events stage: PLOVER events (who did what to whom) from parsed sentences.

Coders are registered by versioned name in spaCy's registry, so a user can swap in
another (a transformer coder, their own patterns) by configuration:
`Pipeline(coder="newsevents.coder.v1")`.
"""

from pathlib import Path

import catalogue
import spacy

from newsevents.actors import ActorResolver, load_dictionary
from newsevents.errors import ConfigError
from newsevents.events._classifier import (
    CLASSIFIER_NAME,
    NO_CLASSIFIER,
    TypeClassifier,
    TypeScorer,
)
from newsevents.events._coder import CODER_NAME, RuleCoder
from newsevents.events._patterns import PatternBook, load_pattern_book, parse_pattern_book

__all__ = [
    "CLASSIFIER_NAME",
    "CODER_NAME",
    "NO_CLASSIFIER",
    "PatternBook",
    "RuleCoder",
    "TypeClassifier",
    "TypeScorer",
    "load_pattern_book",
    "make_coder",
    "parse_pattern_book",
]


@spacy.registry.misc(CLASSIFIER_NAME)
def _make_type_classifier(path: str | None = None) -> TypeClassifier:
    return TypeClassifier(Path(path) if path else None)


@spacy.registry.misc(CODER_NAME)
def _make_rule_coder(
    patterns: str | None = None,
    actors: tuple[str, ...] = (),
    classifier: str | None = CLASSIFIER_NAME,
) -> RuleCoder:
    """The rule coder; `classifier` names a registered type scorer, or None (or "none")
    for rules alone."""
    book = load_pattern_book(Path(patterns) if patterns else None)
    scorer: TypeScorer | None = None
    if classifier and classifier.lower() != NO_CLASSIFIER:
        try:
            scorer = spacy.registry.misc.get(classifier)()
        except catalogue.RegistryError as exc:
            raise ConfigError(f"Unknown type classifier {classifier!r}") from exc
    return RuleCoder(book, ActorResolver(load_dictionary(tuple(Path(a) for a in actors))), scorer)


def make_coder(name: str = CODER_NAME, **settings: object) -> RuleCoder:
    """Build the coder registered under `name` (see `spacy.registry.misc`)."""
    try:
        factory = spacy.registry.misc.get(name)
    except catalogue.RegistryError as exc:
        raise ConfigError(f"Unknown coder {name!r}; registered: {CODER_NAME}") from exc
    coder: RuleCoder = factory(**settings)
    return coder
