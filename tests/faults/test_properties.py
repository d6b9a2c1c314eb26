"""Properties that hold for any input (hypothesis): the cleaner never crashes and never
invents text, the date resolver never raises and never returns an interval that ends
before it starts, and the copy detector's exact hash ignores spacing and case and is
stable across processes and versions."""

from __future__ import annotations

import contextlib
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.clean import clean, clean_html, clean_text
from newsevents.dedup import DedupIndex
from newsevents.dedup._features import exact_key
from newsevents.errors import ExtractionError
from newsevents.model import Document
from newsevents.time import event_date, resolve_expression
from newsevents.time._vocab import load_vocabulary

# Deterministic in CI (the same examples every run), bounded in time.
PROPERTIES = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

_SPACE = re.compile(r"\s+")


def _is_subsequence(needle: str, haystack: str) -> bool:
    letters = iter(haystack)
    return all(char in letters for char in needle)


def _ink(text: str) -> str:
    """The text without whitespace, canonically composed (NFC: "ΐ" one way or the other
    is the same letter): what cleaning may only cut, never add to."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


# -- the cleaner -------------------------------------------------------------------------

LINES = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "Advertisement",
            "Most read",
            "We use cookies to improve your experience",
            "Subscribe to continue reading",
            "Share on Facebook",
            "Russia accused Ukraine of shelling Donetsk on Monday.",
            "Photo: Reuters",
            "",
            "   ",
            "\t",
        ]
    ),
)
SCRAPED = st.lists(LINES, max_size=30).map("\n".join)


@PROPERTIES
@given(SCRAPED)
def test_clean_text_never_crashes_and_never_invents_text(raw):
    try:
        cleaned = clean_text(raw)
    except ExtractionError:
        return  # nothing left is a recorded reason, not a crash
    assert cleaned.paragraphs and all(p.strip() == p and p for p in cleaned.paragraphs)
    assert _is_subsequence(_ink("".join(cleaned.paragraphs)), _ink(raw))
    for removal in cleaned.removed:
        if not removal.text.startswith("("):  # "(N characters after ...)" describes a cut
            assert _is_subsequence(_ink(removal.text), _ink(raw)), removal


@PROPERTIES
@given(st.text(max_size=300), st.sampled_from(["text", "html"]))
def test_clean_never_raises_anything_but_extraction_error(raw, fmt):
    with contextlib.suppress(ExtractionError):  # nothing left: a recorded reason
        clean(raw, fmt)


SAFE_WORDS = st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd"]), min_size=1)
SAFE_SENTENCES = st.lists(SAFE_WORDS, min_size=3, max_size=25).map(lambda w: " ".join(w) + ".")


@PROPERTIES
@given(st.lists(SAFE_SENTENCES, min_size=1, max_size=6), st.text(max_size=40))
def test_clean_html_keeps_only_text_of_the_page(paragraphs, noise):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>{noise.strip('<>&')}</title></head><body>{body}</body></html>"
    try:
        cleaned = clean_html(page)
    except ExtractionError:
        return
    assert _is_subsequence(_ink("".join(cleaned.paragraphs)), _ink(page))


# -- the date resolver -------------------------------------------------------------------


def _date_words() -> list[str]:
    vocab = load_vocabulary()
    words = [
        *vocab.months,
        *vocab.weekdays,
        *vocab.prepositions,
        *vocab.offsets,
        *vocab.parts,
        *vocab.day_words,
        *vocab.numbers,
        *vocab.vague,
        *vocab.adverbs,
    ]
    return sorted(
        {
            *words,
            *(w.capitalize() for w in words),
            *["since", "ago", "earlier", "later", "the", "of", "past", "coming", "recent"],
            *["weekend", ",", "-", ".", "th", "st", "nd", "1st", "29th", "30th", "31st"],
            *["day", "days", "week", "weeks", "month", "months", "year", "years"],
        }
    )


DATE_WORDS = st.sampled_from(_date_words())
NUMBERS = st.integers(0, 2100).map(str)
ISO_LIKE = st.tuples(st.integers(1890, 2110), st.integers(0, 13), st.integers(0, 32)).map(
    lambda t: f"{t[0]}-{t[1]:02}-{t[2]:02}"
)
PHRASES = st.lists(st.one_of(DATE_WORDS, NUMBERS, ISO_LIKE), min_size=1, max_size=8).map(" ".join)
EXPRESSIONS = st.one_of(PHRASES, st.text(max_size=80))
PUBLISHED = st.one_of(st.none(), st.dates())


def _assert_interval(result) -> None:
    if result.start is not None and result.end is not None:
        assert result.start <= result.end, result
    assert result.granularity in {None, "day", "week", "month", "year", "range"}


@PROPERTIES
@given(EXPRESSIONS, PUBLISHED, st.sampled_from(["past", "future"]))
def test_resolve_expression_never_raises_and_starts_before_it_ends(expression, published, tense):
    result = resolve_expression(expression, published, tense=tense)
    if result is not None:
        _assert_interval(result)


@PROPERTIES
@given(
    st.lists(st.one_of(PHRASES, st.text(max_size=30)), max_size=4).map(" ".join),
    PUBLISHED,
    st.lists(PHRASES, max_size=2),
)
def test_event_date_never_raises_and_starts_before_it_ends(sentence, published, hints):
    result = event_date(f"Police arrested protesters {sentence}.", published, hints=hints)
    _assert_interval(result)
    if result.basis == "publication":
        assert result.start == result.end == published


# -- the copy detector's exact hash ------------------------------------------------------

WORDS = st.lists(
    st.text(alphabet=st.characters(exclude_categories=["Z", "C"]), min_size=1, max_size=12),
    min_size=1,
    max_size=40,
)
SPACING = st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\n\n", "\u00a0", " \u2003 "]))


def _case_flips(word: str, flips: list[bool]) -> str:
    """The word with some letters' case changed, where case is a one-to-one mapping."""
    out = []
    for char, flip in zip(word, flips + [False] * len(word), strict=False):
        other = char.swapcase()
        out.append(other if flip and len(other) == 1 and other.swapcase() == char else char)
    return "".join(out)


@PROPERTIES
@given(WORDS, SPACING, st.lists(st.booleans()), st.integers(1, 8))
def test_exact_hash_ignores_spacing_case_and_paragraph_breaks(words, spacing, flips, every):
    """The same words, spaced, cased and split into paragraphs differently, hash alike:
    the index's exact layer (a sha256 of `exact_key`) calls them one article."""
    original = [" ".join(words)]
    variant: list[str] = [""]
    for n, word in enumerate(words):
        variant[-1] += _case_flips(word, flips[n:]) + (
            spacing[n % len(spacing)] if spacing else " "
        )
        if n % every == every - 1:
            variant.append("")
    assert exact_key(variant) == exact_key(original), (original, variant)
    assert exact_key(original) == exact_key(list(original))  # no state between calls


def test_exact_copy_is_found_by_the_index():
    index = DedupIndex()
    index.add("first", ["Russia accused Ukraine of shelling Donetsk on Monday."], raw_id="a")
    copy = index.add("copy", ["RUSSIA  accused\tukraine of", "shelling DONETSK on monday ."])
    assert (copy.kind, copy.score, index.canonical_of("copy")) == ("syndicated", 1.0, "first")


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Pinned, like the document ids below: what the exact layer hashes.
        (["Venezuela  REJECTED", "the proposal."], "venezuela rejected the proposal"),
        (["Nicolás Maduro’s   envoy"], "nicolas maduro's envoy"),
    ],
)
def test_exact_key_is_pinned(paragraphs, expected):
    assert exact_key(paragraphs) == expected


@PROPERTIES
@given(st.text(max_size=200), SPACING)
def test_document_id_ignores_spacing_and_is_stable(text, spacing):
    spaced = "".join(word + (spacing[0] if spacing else " ") for word in text.split())
    assert Document.make_id(text) == Document.make_id(f"  {spaced}\n")
    assert Document.make_id(text) == Document.make_id(text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Pinned: a change of these ids would make every stored article look new, so a
        # re-run would store the whole corpus again next to the old rows.
        ("Russia accused Ukraine of shelling Donetsk on Monday.", "53948be4ebf010bf"),
        ("  Venezuela\trejected\n\nthe proposal.  ", "ea78f1eac48f9986"),
    ],
)
def test_document_ids_are_pinned(raw, expected):
    assert Document.make_id(raw) == expected
