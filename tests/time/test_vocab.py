"""The date vocabulary file and the stage's public surface."""

from importlib import resources

import pytest

import newsevents.time
from newsevents.errors import ConfigError
from newsevents.time._vocab import load_vocabulary, parse_vocabulary

SHIPPED = (resources.files("newsevents") / "data" / "date_expressions.toml").read_text("utf-8")


def test_public_surface_is_deliberate():
    assert newsevents.time.__all__ == [
        "Dated",
        "dated_expressions",
        "event_date",
        "event_date_within",
        "find_date_expressions",
        "load_vocabulary",
        "measured_date",
        "publication_date",
        "resolve_expression",
    ]


def test_shipped_vocabulary_reads():
    vocab = load_vocabulary()
    assert vocab.months["Sept"] == 9 and vocab.weekdays["sunday"] == 6
    assert vocab.offsets["this past"] == -1 and vocab.windows["week"] == 28


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("months = [", "months = [[", "date_expressions.toml: "),  # not TOML
        ('    ["May"],\n', "", r"`months` must be a list of 12"),
        ('["Monday"]', '["Monday", 3]', r"`weekdays` entry 1 must be a list of names"),
        ("mid = 2", "mid = 4", r"\[parts\] values must be 1, 2 or 3"),
        ("last = -1", 'last = "minus one"', r"\[offsets\] must map words to whole numbers"),
        ("year = 1095", "", r"\[windows\] must give days for day, week, month, year"),
        ("after = -1", 'after = "earlier"', r"\[measure_marks\] must map words to whole"),
    ],
)
def test_a_broken_vocabulary_says_what_is_wrong(old, new, message):
    assert old in SHIPPED
    with pytest.raises(ConfigError, match=message):
        parse_vocabulary(SHIPPED.replace(old, new, 1))
