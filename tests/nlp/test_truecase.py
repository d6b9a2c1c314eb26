"""Text that lost its capitals is parsed with them restored, at the same offsets."""

import pytest

from newsevents.nlp import parse_paragraphs
from newsevents.nlp._truecase import case_of, truecase

LOWER = "the police in ahmedabad arrested 22 persons on friday, narendra modi said. i agree."


@pytest.mark.parametrize(
    ("text", "case"),
    [
        (LOWER, "lower"),
        (LOWER.upper(), "upper"),
        ("The police in Ahmedabad arrested 22 persons.", "mixed"),
        ("short", "mixed"),
    ],
)
def test_case_of_a_paragraph(text, case):
    assert case_of(text) == case


@pytest.mark.slow
@pytest.mark.parametrize("text", [LOWER, LOWER.upper()])
def test_truecasing_restores_sentence_starts_names_and_days(nlp, text):
    cased = truecase(text, nlp)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower()
    for word in ("The ", "Ahmedabad", "Friday", "Narendra Modi", " I agree"):
        assert word in cased
    assert "police" in cased  # common words stay lower case


@pytest.mark.slow
def test_text_with_capitals_is_left_alone(nlp):
    text = "the iPhone launch in Ahmedabad drew crowds, said apple fans."
    assert truecase(text, nlp) == text


@pytest.mark.slow
def test_lower_cased_paragraphs_are_parsed_with_capitals(nlp):
    (doc,) = parse_paragraphs(["at least 22 persons were arrested in ahmedabad, india."])
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Ahmedabad", "India"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "at least 22 persons were arrested in ahmedabad, india, on friday.",
        "AT LEAST 22 PERSONS WERE ARRESTED IN AHMEDABAD, INDIA, ON FRIDAY.",
    ],
)
def test_events_and_countries_are_found_in_lower_and_upper_case(nlp, text):
    from newsevents.events import make_coder

    (doc,) = parse_paragraphs([text])
    events = make_coder().code("d", [doc], [0], None)
    assert ("COERCE", "INDCOP") in {(e.type, e.source.actor.code) for e in events if e.source}
    assert all(text[e.trigger_start : e.trigger_end].lower() == e.trigger.lower() for e in events)


@pytest.mark.slow
def test_the_name_list_is_read_back_from_its_disk_cache(nlp, tmp_path, monkeypatch):
    from newsevents.nlp import _truecase

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    built = _truecase._names.__wrapped__(nlp)
    [written] = tmp_path.glob("truecase-*.marshal")
    monkeypatch.setattr(_truecase, "_build_names", lambda nlp: pytest.fail("built again"))
    assert _truecase._names.__wrapped__(nlp) == built
    assert built["ahmedabad"] == "Ahmedabad"
    written.write_bytes(b"not marshal data")  # a damaged file is rebuilt
    monkeypatch.setattr(_truecase, "_build_names", lambda nlp: {"x": "X"})
    assert _truecase._names.__wrapped__(nlp) == {"x": "X"}
