"""The parsed actor dictionary is kept on disk and read back the same."""

from __future__ import annotations

import pytest

from newsevents.actors import _cache
from newsevents.actors._dictionary import build_shipped


@pytest.fixture(scope="module")
def built():
    return build_shipped()


def test_a_cached_dictionary_reads_back_the_same(built):
    back = _cache.unpack(_cache.pack(built))
    assert back.countries == built.countries and back.agents == built.agents
    assert back.max_name_tokens == built.max_name_tokens
    assert back.lower_first_words == built.lower_first_words
    assert dict(back.named) == dict(built.named)
    assert len(back.imported) == len(built.imported)
    for key in ("richard nixon", "anarchist struggle", "toyota", "venant kamana"):
        assert back.imported[key] == built.imported[key], key


def test_the_second_load_reads_the_cache(tmp_path, monkeypatch, built):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    assert _cache.load_or_build(lambda: built) is built
    [written] = tmp_path.glob("actors-*.marshal")

    def fail():
        raise AssertionError("built again")

    again = _cache.load_or_build(fail)
    assert dict(again.named) == dict(built.named)
    written.write_bytes(b"not marshal data")  # a damaged file is rebuilt
    assert _cache.load_or_build(lambda: built) is built


def test_the_key_follows_the_data(monkeypatch):
    before = _cache.cache_key()
    monkeypatch.setattr(_cache, "FORMAT", _cache.FORMAT + 1)
    assert _cache.cache_key() != before
