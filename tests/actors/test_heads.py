"""The head nouns that stand for someone else are data (`mention_heads.toml`): checked
when read, and what the resolver goes by."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsevents.actors import ActorResolver
from newsevents.actors._heads import head_words, parse_head_words
from newsevents.errors import ConfigError


def test_shipped_lists_load_in_lower_case():
    heads = head_words()
    for field in dataclasses.fields(heads):
        words = getattr(heads, field.name)
        assert words and all(w == w.lower() for w in words), field.name


def _without(name: str) -> str:
    """The shipped file as TOML, with list `name` left out."""
    heads = head_words()
    return "\n".join(
        f"{f.name} = {sorted(getattr(heads, f.name))!r}"
        for f in dataclasses.fields(heads)
        if f.name != name
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_without("leaders"), "`leaders` must be a non-empty list"),
        (_without("") + "\nvehicles = ['cart']", "unknown list(s) vehicles"),
        (_without("former") + "\nformer = ['ex', 3]", "not a word"),
        ("former = [", "mention_heads.toml"),
    ],
)
def test_a_bad_file_is_an_error_naming_the_list(text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_head_words(text)


def test_the_resolver_goes_by_the_lists(nlp, tmp_path: Path):
    doc = nlp("A posse of policemen was sent to the village.")
    posse = next(t for t in doc if t.text == "posse")
    shipped = ActorResolver().resolve(posse, None)
    assert shipped is not None and shipped.actor.sector == "COP"

    path = tmp_path / "heads.toml"
    path.write_text(_without("force_units") + "\nforce_units = ['battalion']", "utf-8")
    edited = ActorResolver(heads=head_words(path)).resolve(posse, None)
    assert edited is None or edited.actor.sector != "COP"
