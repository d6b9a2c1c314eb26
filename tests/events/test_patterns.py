import pytest

from newsevents.errors import ConfigError
from newsevents.events import load_pattern_book, make_coder, parse_pattern_book
from newsevents.model import PLOVER_TYPES


def test_shipped_patterns_cover_all_sixteen_types():
    book = load_pattern_book()
    types = {p.type for patterns in book.verbs.values() for p in patterns}
    assert types == set(PLOVER_TYPES)


def test_conditional_patterns_are_tried_first():
    book = load_pattern_book()
    for patterns in book.verbs.values():
        flags = [p.conditional for p in patterns]
        assert flags == sorted(flags, reverse=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[verb]]\nlemmas = ["x"]\ntype = "FIGHT"\n', "unknown PLOVER type"),
        ('[[verb]]\nlemmas = []\ntype = "AGREE"\n', "non-empty list"),
        ('[[verb]]\nlemmas = ["x"]\ntype = "AGREE"\nobjects = "troops"\n', "must be lists"),
        ('[modal_verbs]\nplan = "someday"\n', "unknown modality"),
        ('speech_types = ["SHOUT"]\n', "unknown PLOVER type 'SHOUT'"),
        ('implied_types = ["GUESS"]\n', "unknown PLOVER type 'GUESS'"),
        ('[implied_agents]\n"were arrested" = "POLICE"\n', "unknown sector 'POLICE'"),
        ('[state_sectors]\ndefault = "STATE"\n', "unknown sector 'STATE'"),
        ('pronoun_forces = ["COPS"]\n', "unknown sector 'COPS'"),
        ('foreign_sectors = ["ALIENS"]\n', "unknown sector 'ALIENS'"),
        ('[acting_forces]\n"MOBILIZE police" = "COPS"\n', "unknown sector 'COPS'"),
        ('[acting_forces]\ncivil = ["TOWN"]\n', "unknown sector 'TOWN'"),
        ('[postures]\nwords = ["alert"]\ntype = "WATCH"\n', r"\[postures\].*unknown PLOVER"),
        ('[acting_forces]\n"PATROL police" = "COP"\n', "unknown PLOVER type 'PATROL'"),
        ('[[verb]]\nlemmas = ["x"]\ntype = "AGREE"\nkeep_cameo = "yes"\n', "keep_cameo"),
        ("[[verb]\n", "verbs.toml"),
        ('[[verb]]\nlemmas = ["sit down with"]\ntype = "CONSULT"\n', "'sit down with' can never"),
        ('[[noun]]\nlemmas = ["state of emergency"]\ntype = "COERCE"\n', r"\[\[noun\]\] #1"),
        ('[[verb]]\nlemmas = ["free"]\nobjects = ["prisoner of war"]\ntype = "AID"\n', "objects"),
        ('[[verb]]\nlemmas = ["riot"]\ntype = "PROTEST"\nmode = "rampage"\n', "no CAMEO code"),
    ],
)
def test_bad_pattern_files_say_what_is_wrong(text, message):
    with pytest.raises(ConfigError, match=message):
        parse_pattern_book(text)


def test_user_pattern_file_replaces_the_shipped_one(tmp_path, nlp):
    path = tmp_path / "verbs.toml"
    path.write_text('version = "u1"\n[[verb]]\nlemmas = ["scold"]\ntype = "ACCUSE"\n', "utf-8")
    coder = make_coder(patterns=str(path))
    assert "+patterns.u1" in coder.version
    doc = nlp("Germany scolded France.")
    events = coder.code("d", [doc], [0], None)
    assert [(e.type, e.source.actor.code, e.target.actor.code) for e in events] == [
        ("ACCUSE", "DEU", "FRA")
    ]


def test_unknown_coder_name_is_a_config_error():
    with pytest.raises(ConfigError, match=r"no\.such\.coder"):
        make_coder("no.such.coder.v9")


def test_mutual_must_be_a_boolean():
    with pytest.raises(ConfigError, match="mutual"):
        parse_pattern_book('[[verb]]\nlemmas = ["meet"]\ntype = "CONSULT"\nmutual = "yes"\n')


def test_an_entry_that_keeps_cameo_adds_a_sense_to_its_rows():
    book = load_pattern_book()
    reach = book.verbs["reach"]  # police reaching the spot, and CAMEO's agreements reached
    assert reach[0].type == "MOBILIZE"
    assert "AGREE" in {p.type for p in reach}
    # an entry without the flag replaces CAMEO's rows ("detain" + "demonstrator": ASSAULT)
    assert {p.type for p in book.verbs["detain"]} == {"COERCE"}


def test_an_edited_pattern_file_is_a_new_coder_version(tmp_path):
    """A re-run recodes what an earlier version of the rules coded, even when the
    file's own `version` was not bumped (files are read once per process: two here)."""
    versions = []
    for name, verb in (("before.toml", "scold"), ("after.toml", "chide"), ("same.toml", "chide")):
        path = tmp_path / name
        path.write_text(f'version = "u1"\n[[verb]]\nlemmas = ["{verb}"]\ntype = "ACCUSE"\n')
        versions.append(make_coder(patterns=str(path)).version)
    before, after, same = versions
    assert before != after == same and "+patterns.u1." in after


def test_the_shipped_book_is_read_back_the_same_from_its_disk_cache(tmp_path, monkeypatch):
    """The parsed file and its CAMEO candidates are cached on disk: the second process
    reads them back into the very book a fresh parse gives; a damaged file is reparsed."""
    from newsevents.events import _patterns

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    text = _patterns._data_text("verbs.toml")
    fresh = parse_pattern_book(text)
    assert parse_pattern_book(text, read=_patterns._shipped_sources(text)) == fresh
    [written] = tmp_path.glob("patterns-*.marshal")
    monkeypatch.setattr(_patterns, "cameo_entries", _never_called)
    monkeypatch.setattr(_patterns.tomllib, "loads", _never_called)
    assert parse_pattern_book(text, read=_patterns._shipped_sources(text)) == fresh
    monkeypatch.undo()
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    written.write_bytes(b"not marshal data")
    assert parse_pattern_book(text, read=_patterns._shipped_sources(text)) == fresh


def _never_called(*args, **kwargs):
    raise AssertionError("parsed again")
