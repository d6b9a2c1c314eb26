"""The learned type classifier and how the rule coder listens to it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import spacy

from newsevents.errors import ConfigError
from newsevents.events import RuleCoder, TypeClassifier, load_pattern_book, parse_pattern_book
from newsevents.events._classifier import NO_EVENT, classifier_text, model_path
from newsevents.events._patterns import ClassifierSettings
from newsevents.model import PLOVER_TYPES
from newsevents.pipeline import paragraph_offsets

TRAINING = Path(__file__).resolve().parents[2] / "training" / "coder"


@pytest.fixture(scope="module")
def classifier() -> TypeClassifier:
    return TypeClassifier()


def test_the_classifier_sees_lemmas_not_names(nlp):
    doc = nlp("President Jane Doe shelled 12 villages near the border on Monday.")
    text = classifier_text(doc[:])
    assert "jane" not in text and "doe" not in text and "12" not in text
    assert "shell" in text.split() and "xname" in text.split() and "xnum" in text.split()
    assert " the " not in f" {text} "  # determiners carry no type


def test_scores_are_a_probability_per_type_and_none(nlp, classifier):
    scores = classifier.scores([nlp("Russian forces shelled Kharkiv overnight.")[:]])[0]
    assert set(scores) == {*PLOVER_TYPES, NO_EVENT}
    assert all(0.0 <= p <= 1.0 for p in scores.values())
    assert scores["ASSAULT"] > scores[NO_EVENT]


def test_it_reads_what_the_model_read_with_the_english_tokenizer(nlp, classifier):
    # Loaded with a tokenizer that splits on spaces: the words the parser split must
    # reach the model as the English tokenizer it was saved with would give them.
    saved = spacy.load(model_path())
    doc = nlp(
        "The U.S.-backed coalition didn't renew anti-government sanctions on Jan. 3, "
        "officials said at 5 p.m.; Moscow's envoy (a former K.G.B. officer) walked out!"
    )
    for sentence in doc.sents:
        text = classifier_text(sentence)
        assert [t.text for t in saved.tokenizer(text)] == text.split()
        assert classifier.scores([sentence]) == [saved(text).cats]


def test_a_sentence_of_punctuation_alone_reads_as_no_event(nlp, classifier):
    assert classifier.scores([nlp("...")[:]]) == [{NO_EVENT: 1.0}]


def test_held_out_sentences_are_mostly_classified_right(nlp, classifier):
    # Written apart from the training sentences and never trained on.
    rows = [
        json.loads(line)
        for path in sorted(TRAINING.glob("heldout_*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(rows) >= 300
    docs = nlp.pipe(row["text"] for row in rows)
    scores = classifier.scores([d[:] for d in docs])
    right = sum(
        max(s, key=s.__getitem__) == row["label"] for s, row in zip(scores, rows, strict=True)
    )
    # 0.64 since it also learns real news, whose sentences are longer and more often
    # report nothing (training/coder/README.md); 0.76 when it learnt these alone
    assert right / len(rows) >= 0.6


def _coder(settings: ClassifierSettings, classifier: TypeClassifier) -> RuleCoder:
    book = load_pattern_book()
    book = replace(book, classifier=settings)
    return RuleCoder(book, classifier=classifier)


def _code(coder: RuleCoder, nlp, text: str):
    return coder.code("doc", [nlp(text)], paragraph_offsets([text]), date(2025, 3, 1))


def test_the_coder_version_names_its_classifier(classifier):
    coder = _coder(ClassifierSettings(), classifier)
    assert classifier.version in coder.version
    assert coder.version != RuleCoder().version


def test_a_certain_no_event_vetoes_a_word_read_in_another_sense(nlp, classifier):
    # "asking" is no demand of an actor on a gadget page
    text = "Critics have been asking Apple for longer battery life."
    assert _code(_coder(ClassifierSettings(), classifier), nlp, text)
    assert _code(_coder(ClassifierSettings(veto=0.5), classifier), nlp, text) == []


def test_the_veto_spares_the_types_the_classifier_also_reads(nlp, classifier):
    text = "Russian forces shelled Kharkiv overnight."
    assert _code(_coder(ClassifierSettings(veto=0.0), classifier), nlp, text)


def test_a_sentence_the_rules_miss_can_be_assigned_a_type(nlp, classifier):
    text = "Kenyan police manhandled student protesters outside parliament in Nairobi."
    rules_only = _code(_coder(ClassifierSettings(), classifier), nlp, text)
    assigned = _code(_coder(ClassifierSettings(assign=0.0), classifier), nlp, text)
    assert not rules_only
    assert len(assigned) == 1
    event = assigned[0]
    assert event.type in PLOVER_TYPES
    assert event.source is not None and event.source.actor.country == "KEN"
    assert 0 < event.confidence <= 0.8


def test_the_weight_moves_confidence_toward_the_classifier(nlp, classifier):
    text = "Russian forces shelled Kharkiv overnight."
    rules = _code(_coder(ClassifierSettings(weight=0.0), classifier), nlp, text)[0]
    blended = _code(_coder(ClassifierSettings(weight=1.0), classifier), nlp, text)[0]
    expected = classifier.scores([nlp(text)[:]])[0][rules.type]
    assert blended.confidence == pytest.approx(expected, abs=1e-3)
    assert rules.confidence != blended.confidence


@pytest.mark.parametrize(
    "table",
    ["[classifier]\nweight = 2.0", '[classifier]\nveto = "high"', "[classifier]\nloudness = 0.5"],
)
def test_bad_classifier_settings_are_named(table):
    with pytest.raises(ConfigError, match="classifier"):
        parse_pattern_book(f'version = "t"\n{table}\n')


def test_the_default_coder_version_fits_where_it_is_stored():
    from newsevents.pipeline import Pipeline
    from newsevents.store._tables import events

    # PostgreSQL refuses a longer value where SQLite would silently keep it
    assert len(Pipeline().coder_version) <= events.c.coder_version.type.length


class _SureOf:
    """A stub classifier sure of one type for every sentence."""

    version = "stub"

    def __init__(self, kind: str):
        self.kind = kind

    def scores(self, sentences):
        return [{self.kind: 0.9, NO_EVENT: 0.05} for _ in sentences]


@pytest.mark.parametrize(
    ("text", "kind", "coded"),
    [
        # the clause told holds no act: "said" is no shooting
        ("The town of Rampur is calm again after the riots, officials said.", "ASSAULT", False),
        # but a telling can be an accusation
        ("The town of Rampur is to blame for the riots, officials said.", "ACCUSE", True),
    ],
)
def test_a_speech_verb_is_assigned_only_a_type_of_words(nlp, text, kind, coded):
    coder = _coder(ClassifierSettings(assign=0.5), _SureOf(kind))
    found = [e for e in _code(coder, nlp, text) if e.type == kind]
    assert bool(found) == coded
