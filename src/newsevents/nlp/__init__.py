"""The NLP stage: the spaCy English model, loaded once per process, run in batches."""

from newsevents.nlp._model import DEFAULT_MODEL, load_nlp, parse_paragraphs

__all__ = ["DEFAULT_MODEL", "load_nlp", "parse_paragraphs"]
