from newsevents.nlp import DEFAULT_MODEL, load_nlp, parse_paragraphs


def test_model_loads_once_per_process(nlp):
    assert load_nlp() is nlp
    assert load_nlp(DEFAULT_MODEL) is nlp


def test_model_is_the_pinned_english_pipeline(nlp):
    assert nlp.meta["lang"] == "en"
    assert nlp.meta["version"].startswith("3.8")
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_parse_paragraphs_keeps_order_and_parses(nlp):
    paragraphs = ["Russia attacked Kyiv.", "Brazil and Argentina signed a trade deal."]
    docs = list(parse_paragraphs(paragraphs))
    assert [d.text for d in docs] == paragraphs
    assert [t.dep_ for t in docs[0]][:2] == ["nsubj", "ROOT"]
    assert any(ent.label_ == "GPE" for ent in docs[1].ents)


def test_missing_model_package_gives_actionable_error():
    import pytest

    from newsevents.errors import CodingError

    with pytest.raises(CodingError, match=r"requirements/model\.txt"):
        load_nlp("no_such_model_package_xyz")
