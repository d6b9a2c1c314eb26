"""Which language an article is written in: the coder reads English, and an article in
another language is recorded with the reason rather than parsed into nonsense events.

English prose is a third or more function words ("the", "of", "and"), lower-cased or
all capitals alike; other languages written in the Latin alphabet stay under a tenth.
Only an article below that share is given to py3langid (the identifier trafilatura's
language filter uses; its model ships in the package), which names the language, and
lets English that is mostly names and figures (a table, a results page) through.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

# fewer letters say too little to tell: a headline, a sentence given to `newsevents code`
MIN_LETTERS = 300
# function words: 0.14-0.55 on the English real pages, 0.00-0.09 on the others; below
# this the identifier decides
_ENGLISH_SHARE = 0.2
_SAMPLE_CHARS = 5_000  # the identifier reads the opening, enough to tell
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def foreign_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in when that is not English;
    None for English, and for text too short to tell."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    words = _WORD.findall(text[: 4 * _SAMPLE_CHARS].lower())
    if sum(w in STOP_WORDS for w in words) >= _ENGLISH_SHARE * len(words):
        return None
    language: str = _identifier().classify(text[:_SAMPLE_CHARS])[0]
    return None if language == "en" else language


@cache
def _identifier() -> Any:
    """py3langid's model: a few seconds to load, so only once a text needs it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    """ "Indonesian" for "id"; the code itself when pycountry does not know it."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    return str(found.name) if found else code
