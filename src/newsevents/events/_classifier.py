"""A learned second opinion on event types: a spaCy text classifier over sentence lemmas.

The rule coder finds who did what to whom; the classifier says which PLOVER type (or
none) a sentence reads as. It is trained on our own examples (`training/coder/`) by
`training/coder/train_type_classifier.py`, which rebuilds the shipped model byte for byte
from the same data and seed. Any object with a `scores` method of the same shape can
replace it (a transformer on a GPU, say): register a factory under a new name.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents.errors import ConfigError

CLASSIFIER_NAME = "newsevents.type_classifier.v1"
NO_CLASSIFIER = "none"  # the name that asks for the rules alone
NO_EVENT = "NONE"
_MODEL = "type_classifier"
_NAME, _NUMBER = "xname", "xnum"
_WORDS_TOKENIZER = "newsevents.words_tokenizer.v1"


class TypeScorer(Protocol):
    """What the coder needs from a classifier: per sentence, a probability per label
    (the 16 PLOVER types and "NONE")."""

    version: str

    def scores(self, sentences: Sequence[Span]) -> list[dict[str, float]]: ...


def classifier_text(sentence: Span) -> str:
    """The words a classifier sees: lemmas, with names and numbers masked, so that it
    learns "shell", "sign treaty" or "hunger strike", not who was in the news."""
    words: list[str] = []
    for token in sentence:
        if token.is_punct or token.is_space or (token.pos_ == "DET" and token.lower_ != "no"):
            continue  # "imposed a curfew" and "imposed the curfew" are one bigram
        if token.like_num or token.pos_ == "NUM":
            word = _NUMBER
        elif token.pos_ == "PROPN":
            word = _NAME
        else:
            word = token.lemma_.lower()
        if not (word in {_NAME, _NUMBER} and words and words[-1] == word):
            words.append(word)
    return " ".join(words)


def model_path() -> Path:
    return Path(str(resources.files("newsevents") / "data" / "models" / _MODEL))


class TypeClassifier:
    """The shipped bag-of-lemma-ngrams classifier (spaCy `textcat`, CPU, a few MB)."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or model_path()
        if not (path / "config.cfg").exists():
            raise ConfigError(
                f"No type classifier at {path}; rebuild it with "
                "`python training/coder/train_type_classifier.py`"
            )
        self.nlp = _load(str(path))
        self.version = f"type_classifier.{self.nlp.meta.get('version', '0')}"

    def scores(self, sentences: Sequence[Span]) -> list[dict[str, float]]:
        texts = [classifier_text(s) for s in sentences]
        read = iter(self.nlp.pipe([t for t in texts if t], batch_size=256))
        # a sentence of punctuation alone has no n-grams, which the model cannot take
        return [dict(next(read).cats) if t else {NO_EVENT: 1.0} for t in texts]


class _Words:
    """Splits on spaces. `classifier_text` gives words the parser has already split, so
    English tokenizer rules would find nothing more to split; building them from the
    model's 5,000 special cases took most of a second of every process's start."""

    def __init__(self, vocab: spacy.Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=text.split())


@spacy.registry.tokenizers(_WORDS_TOKENIZER)
def _words_tokenizer() -> Callable[[Language], _Words]:
    return lambda nlp: _Words(nlp.vocab)


@functools.cache
def _load(path: str) -> Language:
    """Once per process, however many coders are built; with the words tokenizer in
    place of the English one the model was saved with (`tests/events/test_classifier.py`
    checks both read the same)."""
    words = {"nlp": {"tokenizer": {"@tokenizers": _WORDS_TOKENIZER}}}
    return spacy.load(path, config=words, exclude=["tokenizer"])
