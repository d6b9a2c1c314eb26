"""What a copy keeps: word shingles for near copies; the content words of each
sentence, in order, for reworded ("spun") copies, whose common words change but whose
names, figures and rarer words, sentence by sentence, cannot.

Nothing here leans on capital letters, so lower-cased and all-caps archives are read
as cased ones are.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ftfy
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

_WORD = re.compile(r"[^\W_]+(?:[’'.,-][^\W_]+)*", re.UNICODE)
# Sentence ends: no look at the next letter's case, which lower-cased text lacks.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”'’)]*\s+|\n+")
_SHINGLE = 5
_DIGIT = re.compile(r"\d")
# Reporting verbs and titles every article repeats, besides spaCy's stop words.
_COMMON = frozenset(STOP_WORDS) | {"said", "says", "told", "mr", "mrs", "ms", "also"}
MIN_CONTENT_WORDS = 4  # fewer: a dateline, a caption or a byline, not a sentence of facts
# A line with fewer common words than this share (a schedule, results, a list of
# venues) is no prose: independent reports of one announcement share it verbatim.
MIN_COMMON_SHARE = 0.2
# Two sentences say the same thing when they share this many content words, and this
# share of the shorter one's.
MIN_SHARED_WORDS = 3
MIN_SHARED_SHARE = 0.5
# A word rarer than this (Zipf scale: 4 is ten per million words) names something
# particular: a person, a place, a group, a thing.
RARE_ZIPF = 4.0


def fold(text: str) -> str:
    """Lowercase, accent-free, typographic quotes straightened, and UTF-8 read as
    Latin-1 repaired ("modiâ€™s" is "modi's": archives re-encode some pages, not all)."""
    if "â€" in text or "Ã" in text:
        text = ftfy.fix_text(text)
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():  # most text: nothing to decompose
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def exact_key(paragraphs: Sequence[str]) -> str:
    """Text with case, accents, punctuation and spacing normalised away."""
    return " ".join(words(" ".join(paragraphs)))


def shingles(paragraphs: Sequence[str]) -> set[str]:
    tokens = words(" ".join(paragraphs))
    if len(tokens) < _SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)}


def sentences(paragraphs: Sequence[str]) -> Iterator[str]:
    for paragraph in paragraphs:
        for sentence in _SENTENCE_END.split(paragraph):
            if sentence.strip():
                yield sentence.strip()


def _content_words(sentence_words: list[str]) -> list[str]:
    """Words that carry the facts: numbers (as "#n") and words that are not common."""
    found = []
    for word in sentence_words:
        if _DIGIT.search(word):
            digits = word.replace(",", "").replace(".", "")
            if digits.isdecimal():  # "²" is a digit to isdigit(), not to int()
                found.append(f"#{int(digits)}")
            continue
        word = word.removesuffix("'s")
        if len(word) > 2 and word not in _COMMON:
            found.append(word)
    return found


def _hash(text: str) -> int:
    """63 bits: fits a signed 64-bit column (Spark's LongType) as it is."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


def _fingerprint(sentence_words: list[str]) -> int:
    """The sentence's words with every figure masked: a publisher's template line
    ("This story is from March 5, 2002") has one fingerprint whatever its date."""
    return _hash(" ".join("#" if _DIGIT.search(w) else w for w in sentence_words))


@dataclass(frozen=True, slots=True)
class ContentSentence:
    """A sentence of facts, kept small: its fingerprint and its content words' hashes."""

    fingerprint: int
    words: array  # sorted 63-bit hashes of its distinct content words
    figures: array  # those of them that are numbers

    def word_set(self) -> set[int]:
        return set(self.words)


@dataclass(frozen=True, slots=True)
class Line:
    """A sentence as the copy checks read it."""

    text: str
    fingerprint: int
    content: list[str]
    prose: bool  # a sentence of facts: prose, with at least four distinct content words


def read(paragraphs: Sequence[str]) -> list[Line]:
    """Every sentence of the article, read once."""
    lines = []
    for sentence in sentences(paragraphs):
        every = words(sentence)
        content = _content_words(every)
        # Prose is glued with common words; a list line has few.
        prose = len(every) - len(content) >= MIN_COMMON_SHARE * len(every)
        prose = prose and len(set(content)) >= MIN_CONTENT_WORDS
        lines.append(Line(sentence, _fingerprint(every), content, prose))
    return lines


def content_sentences(lines: Sequence[Line]) -> list[ContentSentence]:
    """The sentences of facts, small enough to keep for every article seen."""
    result = []
    for line in lines:
        if line.prose:
            hashes = sorted({_hash(w) for w in line.content})
            figures = sorted({_hash(w) for w in line.content if w.startswith("#")})
            result.append(
                ContentSentence(line.fingerprint, array("Q", hashes), array("Q", figures))
            )
    return result


def candidate_words(lines: Sequence[Line]) -> set[str]:
    """The article's rare words, and its figures with the word before them ("killed
    #14"): how much two articles share of these decides whether their sentences are
    worth aligning."""
    found: set[str] = set()
    for line in lines:
        found.update(token for zipf, token in _rarity(line.content) if zipf < RARE_ZIPF)
    return found


def sentence_keys(lines: Sequence[Line]) -> set[int]:
    """Two keys per sentence of facts: its rarest token (a figure with the word before
    it, else its rarest word by static frequency) paired with each of the next two.
    A reworded sentence keeps them (spinners swap common words), two articles that are
    not copies rarely share one, and every article gets the same keys whatever came
    before it: these find candidate copies locally and in Spark's blocking alike."""
    keys: set[int] = set()
    for line in lines:
        if line.prose:
            ranked = sorted(_rarity(line.content))[:3]
            rarest = ranked[0][1]
            keys.update(_hash(f"{rarest}|{other}") for _, other in ranked[1:])
    return keys


def _rarity(content: list[str]) -> set[tuple[float, str]]:
    """(Zipf frequency, token) for each content word; a figure, with the word before
    it, is rarer than any word."""
    found, before = set(), ""
    for word in content:
        if word.startswith("#"):
            found.add((-1.0, f"{before} {word}"))
        else:
            found.add((_zipf(word), word))
        before = word
    return found


@functools.lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def fingerprints(paragraphs: Sequence[str]) -> set[int]:
    """The fingerprints of the article's lines, counted across articles to learn which
    are a publisher's template rather than this article's own words."""
    return {line.fingerprint for line in read(paragraphs)}


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which sentences of facts of one article say what which sentences of another
    say, in the same order."""

    pairs: list[tuple[int, int, float]]  # (first's sentence, second's sentence, share)
    sentences: int  # the first article's sentences of facts

    @property
    def score(self) -> float:
        """Share of the first article's sentences of facts found, in order, in the second."""
        return len(self.pairs) / self.sentences if self.sentences else 0.0


def align(first: Sequence[ContentSentence], second: Sequence[ContentSentence]) -> Alignment:
    """Each sentence of the first text with the sentence of the second sharing most of
    its content words, then the longest run of such pairs in the same order in both:
    a reworded copy keeps the facts in their order (merging two sentences maps both to
    one), an article on the same story does not. Figures are not reworded: sentences
    that both give figures, none of them the same, say different things."""
    sets = [(s.word_set(), set(s.figures)) for s in second]
    matches = []
    for i, sentence in enumerate(first):
        own, own_figures = sentence.word_set(), set(sentence.figures)
        best, best_j = 0.0, -1
        for j, (other, other_figures) in enumerate(sets):
            if own_figures and other_figures and not own_figures & other_figures:
                continue
            shared = len(own & other)
            if shared >= MIN_SHARED_WORDS:
                share = shared / min(len(own), len(other))
                if share > best:
                    best, best_j = share, j
        if best >= MIN_SHARED_SHARE:
            matches.append((i, best_j, round(best, 4)))
    return Alignment(_longest_in_order(matches), len(first))


def _longest_in_order(matches: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The longest subsequence whose second positions never decrease."""
    tails: list[int] = []  # second position ending the best run of each length
    ends: list[int] = []  # index in `matches` of that run's last pair
    before = [-1] * len(matches)
    for k, (_, j, _) in enumerate(matches):
        length = bisect.bisect_right(tails, j)
        if length == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[length], ends[length] = j, k
        before[k] = ends[length - 1] if length else -1
    run, k = [], ends[-1] if ends else -1
    while k >= 0:
        run.append(matches[k])
        k = before[k]
    return run[::-1]
