"""PETRARCH/Phoenix actor dictionaries: read, with their role spans, and used."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.actors import ActorResolver, load_dictionary
from newsevents.actors._petrarch import read_petrarch, split_code
from newsevents.errors import ConfigError

SAMPLE = """\
# a Phoenix-style entry
JANE_EXAMPLE_   [CANELI]   # comment after content
+J._EXAMPLE_
+JANE_Q._EXAMPLE_
[CANGOV 150101-191231]
[CANIGO >200101]
EXAMPLE_PARTY_ [CANOPP]
"""


def test_names_synonyms_and_roles_are_read(tmp_path):
    path = tmp_path / "phoenix.txt"
    path.write_text(SAMPLE, "utf-8")
    jane, movement = read_petrarch(path)
    assert jane.name == "Jane Example" and jane.aliases == ["J. Example", "Jane Q. Example"]
    assert jane.roles == [
        ("CANELI", None, None),
        ("CANGOV", date(2015, 1, 1), date(2019, 12, 31)),
        ("CANIGO", date(2020, 1, 1), None),
    ]
    assert movement.roles == [("CANOPP", None, None)]


@pytest.mark.parametrize(
    ("when", "code"), [(date(2017, 5, 1), "CANGOV"), (date(2021, 5, 1), "CANIGO")]
)
def test_petrarch_roles_resolve_by_date(tmp_path, when, code):
    path = tmp_path / "phoenix.txt"
    path.write_text(SAMPLE, "utf-8")
    resolver = ActorResolver(load_dictionary((path,)))
    actor = resolver.resolve_name("Jane Q. Example", when)
    assert actor is not None and actor.code == code


def test_codes_split_into_country_and_sector():
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IGOUNO") == (None, "IGO")


@pytest.mark.parametrize(
    "text", ["+ORPHAN_SYNONYM_\n", "[USAGOV 991332-000101]\n", "X_\n[USAGOV 991332]\n"]
)
def test_malformed_files_name_the_line(tmp_path, text):
    path = tmp_path / "bad.txt"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=r"bad\.txt:\d"):
        read_petrarch(path)


def test_run_uses_a_user_dictionary(tmp_path):
    from newsevents.pipeline import Options, Pipeline

    path = tmp_path / "phoenix.txt"
    path.write_text(SAMPLE, "utf-8")
    text = "Jane Example criticized the Example Party on Monday."
    [without] = Pipeline().process([text])
    [with_it] = Pipeline(Options(actors=(str(path),))).process([text])
    assert without.events == []
    assert [(e.type, e.source.actor.code, e.target.actor.code) for e in with_it.events] == [
        ("ACCUSE", "CANIGO", "CANOPP")
    ]
