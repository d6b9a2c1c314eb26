"""The gazetteer index on disk: built once, read after; rebuilt when unreadable; built in
memory when the cache folder cannot be written. No model, no real build (a tiny index)."""

from __future__ import annotations

import pytest

from newsevents import _cachefile
from newsevents.place import _cache
from newsevents.place._gazetteer import Gazetteer, gazetteer

TINY = (
    [
        ("Kharkiv", "city", "UKR", "07", "Kharkiv", 49.98, 36.25, 706483, 1421125),
        ("Zulia", "admin1", "VEN", "23", "Zulia", None, None, 3625035, 0),
    ],
    {"kharkiv": [0], "zulia": [1]},
)


@pytest.fixture
def builds(monkeypatch, tmp_path):
    monkeypatch.setenv(_cache.CACHE_ENV, str(tmp_path / "cache"))
    calls = []

    def build():
        calls.append(1)
        return TINY

    return calls, build


def test_the_index_is_built_once_then_read(builds):
    calls, build = builds
    first = Gazetteer(_cache.load_or_build(build))
    second = Gazetteer(_cache.load_or_build(build))
    assert len(calls) == 1 and _cache.cache_path().is_file()
    assert first["kharkiv"] == second["kharkiv"]
    [zulia] = second["zulia"]
    assert (zulia.country, zulia.admin1_name, zulia.lat) == ("VEN", "Zulia", None)


def test_a_corrupt_file_is_rebuilt(builds):
    calls, build = builds
    _cache.load_or_build(build)
    _cache.cache_path().write_bytes(b"\x00not marshal at all")
    assert Gazetteer(_cache.load_or_build(build))["kharkiv"][0].country == "UKR"
    assert len(calls) == 2
    Gazetteer(_cache.load_or_build(build))
    assert len(calls) == 2  # the rebuilt file is good again


def test_a_read_only_file_system_only_costs_the_build(builds, monkeypatch):
    calls, build = builds

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(_cachefile.tempfile, "mkstemp", read_only)
    assert Gazetteer(_cache.load_or_build(build))["zulia"][0].country == "VEN"
    assert len(calls) == 1 and not _cache.cache_path().exists()


def test_an_unwritable_cache_path_only_costs_the_build(builds, tmp_path, monkeypatch):
    calls, build = builds
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(_cache.CACHE_ENV, str(blocker / "cache"))
    assert Gazetteer(_cache.load_or_build(build))["zulia"][0].admin1 == "23"
    assert len(calls) == 1


def test_the_key_follows_the_data_and_package_versions(monkeypatch):
    key = _cache.cache_key()
    assert key == _cache.cache_key()
    monkeypatch.setattr(_cache, "_version", lambda package: "0.0-other")
    assert _cache.cache_key() != key


def test_the_shipped_index_is_complete_enough():
    places = gazetteer()
    assert {"caracas", "kyiv", "gujarat", "zulia", "white house"} <= set(places)
    assert len(places) > 100_000


def test_without_a_home_the_cache_goes_to_a_temporary_folder(monkeypatch):
    monkeypatch.delenv(_cache.CACHE_ENV, raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(_cachefile, "_user_cache_dir", no_home)
    assert _cache.cache_dir().name == "newsevents-cache"
