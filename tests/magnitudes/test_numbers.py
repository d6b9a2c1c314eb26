"""Reading figures as written, and the vocabulary file they are read with."""

from __future__ import annotations

import pytest

from newsevents.errors import ConfigError
from newsevents.magnitudes import Figure
from newsevents.magnitudes._numbers import read_figure
from newsevents.magnitudes._vocab import parse_vocabulary, vocabulary


@pytest.mark.parametrize(
    ("words", "figure"),
    [
        ("five", Figure(5, None, None)),
        ("120", Figure(120, None, None)),
        ("13,000", Figure(13000, None, None)),
        ("at least 14", Figure(14, 14, None)),
        ("more than 13,000", Figure(13000, 13000, None)),
        ("up to 50", Figure(50, None, 50)),
        ("about 200", Figure(200, None, None)),
        ("dozens", Figure(24, 24, 99)),
        ("hundreds", Figure(200, 200, 999)),
        ("tens of thousands", Figure(20000, 20000, 99999)),
        ("a dozen", Figure(12, None, None)),
        ("twenty - five", Figure(25, None, None)),
        ("two hundred and fifty", Figure(250, None, None)),
        ("1.5 million", Figure(1500000, None, None)),
        ("a million", Figure(1000000, None, None)),
        ("between 10 and 20", Figure(10, 10, 20)),
        ("30 to 40", Figure(30, 30, 40)),
        ("a million or more", Figure(1000000, 1000000, None)),
        ("50 or fewer", Figure(50, None, 50)),
    ],
)
def test_figures_as_written(words, figure):
    assert read_figure(words.split(), vocabulary()) == figure


@pytest.mark.parametrize("words", ["G20", "Article", "many", "", "at least", "20 to 10"])
def test_words_that_are_no_figure(words):
    assert read_figure(words.split(), vocabulary()) is None


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"kinds": {"looted": {}}}, "kinds"),
        ({"kinds": {}, "types": {"killed": []}}, "types"),
        ({"kinds": {"killed": {"verbs": "kill"}}}, "kinds.killed.verbs"),
    ],
)
def test_a_bad_vocabulary_says_what_is_wrong(data, complaint):
    with pytest.raises(ConfigError, match=complaint):
        parse_vocabulary(data)


def test_every_kind_has_cues_and_types():
    vocab = vocabulary()
    cued = {*vocab.verbs.values(), *vocab.intransitive.values(), *vocab.nouns.values()}
    assert cued == set(vocab.types) == {"killed", "injured", "arrested", "displaced", "crowd"}
