"""Everyday acts of unplaced private actors, and pages with no political content, give
no political events."""

import importlib.util
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DISCARDS_SCRIPT = REPO / "training" / "dictionaries" / "import_discards.py"


def _types(events):
    return {(e.type, e.source.actor.code if e.source else None) for e in events}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The company denies that anything has been decided.",
        "Most doctors ask patients about their bedding.",
        "So many people were talking about the new slogan.",
    ],
)
def test_everyday_acts_are_not_coded(code_text, text):
    assert code_text(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thousands of residents marched through the city.", "PROTEST"),
        ("Doctors in Kenya criticised the government.", "ACCUSE"),
    ],
)
def test_protest_and_placed_or_aimed_acts_are_kept(code_text, text, kind):
    assert kind in {k for k, _ in _types(code_text(text))}


# A page with no political content: one verb reads political on its own ("offered to
# fly the dog to Boston": AGREE), the article around it does not.
_PET_STORY = """A small dog that went missing in March was found on Sunday in Maine.

The dog, a terrier named Biscuit, had travelled almost 900 miles.

The shelter scanned her microchip and called her owners in Ohio.

The airline offered to fly the dog to Boston, along with a volunteer from the shelter.

Her owners said they cried when they heard the news."""


@pytest.fixture(scope="module")
def code_with(nlp):
    from dataclasses import replace

    from newsevents.events import RuleCoder, load_pattern_book
    from newsevents.events._patterns import StorySettings
    from newsevents.pipeline import paragraph_offsets

    def run(text, judge_stories=True):
        book = load_pattern_book()
        if not judge_stories:
            book = replace(book, political_story=StorySettings())
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        return RuleCoder(book).code(
            "t", list(nlp.pipe(paragraphs)), paragraph_offsets(paragraphs), date(2025, 9, 27)
        )

    return run


@pytest.mark.slow
def test_an_article_with_no_political_actor_gives_no_events(code_with):
    assert code_with(_PET_STORY, judge_stories=False) != []  # the verb alone reads political
    assert code_with(_PET_STORY) == []


@pytest.mark.slow
def test_a_short_text_is_coded_as_given(code_with):
    assert code_with("The airline offered to fly the dog to Boston.") != []


@pytest.mark.slow
def test_one_police_act_makes_the_article_political_news(code_with):
    story = _PET_STORY.replace(
        "The shelter scanned",
        "Police arrested a man who had tried to sell the dog online.\n\nThe shelter scanned",
    )
    kinds = {e.type for e in code_with(story)}
    assert "COERCE" in kinds and "AGREE" in kinds  # the whole article is kept


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('forces = ["POL"]', "POL"),
        ("min_sentences = 0", "min_sentences"),
        ("threshold = 2", "threshold"),
    ],
)
def test_political_story_settings_are_checked_when_loaded(table, message):
    from newsevents.errors import ConfigError
    from newsevents.events import parse_pattern_book

    with pytest.raises(ConfigError, match=message):
        parse_pattern_book(f'version = "t"\n[political_story]\n{table}\n')


_MATCH_REPORT = """Spain beat Germany 2-1 in Madrid on Sunday to reach the World Cup semi-final.

Morata scored two goals before half-time, and the German coach criticised the Spanish
defenders after the match.

Police arrested twelve fans after a fight outside the stadium."""


@pytest.mark.slow
def test_a_sports_story_keeps_only_the_acts_of_forces(code_with):
    kinds = {e.type for e in code_with(_MATCH_REPORT)}
    assert "COERCE" in kinds  # the police arrest stays
    assert "ACCUSE" not in kinds  # the coach's criticism is sport
    without_discard = _MATCH_REPORT.replace("World Cup", "friendly").replace("scored two", "got")
    assert "ACCUSE" in {e.type for e in code_with(without_discard)}


def test_discard_phrases_match_whole_words_in_any_case_and_spacing(tmp_path):
    from newsevents.events._relevance import story_discards

    path = tmp_path / "discards.txt"
    path.write_text("# a comment\nworld cup\n\ngrand prix\n", "utf-8")
    pattern = story_discards(path)
    assert pattern.search("the WORLD  Cup final")
    assert pattern.search("at the Grand\nPrix")
    assert not pattern.search("a world cupboard")
    assert not pattern.search("a comment")


@pytest.mark.skipif(not (REPO.parent / "shared").is_dir(), reason="no shared reference data")
def test_committed_discards_are_what_the_import_script_writes():
    spec = importlib.util.spec_from_file_location("import_discards", DISCARDS_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reference = REPO.parent / "shared" / "data" / "reference"
    assert module.OUTPUT.read_text("utf-8") == module.build(reference)
    assert "world cup" in module.story_discards("+WORLD CUP   # pas\nEBOLA\n")
    assert "ebola" not in module.story_discards("+WORLD CUP   # pas\nEBOLA\n")
