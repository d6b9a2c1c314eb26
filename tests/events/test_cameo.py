import importlib.util
import sys
from pathlib import Path

import pytest

from newsevents.errors import ConfigError
from newsevents.events import load_pattern_book, parse_pattern_book
from newsevents.events._cameo import cameo_rows

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "training" / "dictionaries" / "import_cameo_verbs.py"
REFERENCE = REPO.parent / "shared" / "data" / "reference"


def _import_script():
    spec = importlib.util.spec_from_file_location("import_cameo_verbs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the shared reference data is absent")
def test_committed_cameo_file_is_what_the_import_script_writes():
    module = _import_script()
    text = module.build(REFERENCE)
    assert module.OUTPUT.read_text("utf-8") == text
    assert module.build(REFERENCE) == text  # byte for byte, run after run


def test_cameo_rows_are_weaker_than_hand_patterns():
    assert cameo_rows()
    assert max(float(row["confidence"]) for row in cameo_rows()) < 0.7


def test_verbs_toml_wins_over_cameo_for_the_keys_it_lists():
    book = load_pattern_book()
    arrests = book.verbs["arrest"]
    assert all(p.confidence >= 0.5 for p in arrests)
    hand = parse_pattern_book('[[verb]]\nlemmas = ["arrest"]\ntype = "ACCUSE"\n')
    merged = parse_pattern_book(
        'cameo_candidates = ["pattern"]\n[[verb]]\nlemmas = ["arrest"]\ntype = "ACCUSE"\n'
    )
    assert merged.verbs["arrest"] == hand.verbs["arrest"]
    assert len(merged.verbs) > len(hand.verbs)  # other keys come from CAMEO


def test_cameo_candidates_must_name_known_bases():
    with pytest.raises(ConfigError, match="cameo_candidates"):
        parse_pattern_book('cameo_candidates = ["guess"]\n')
