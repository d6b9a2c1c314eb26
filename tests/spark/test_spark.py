"""The Spark runner, for real, in local[2] mode: same events as the local pipeline."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.pipeline import Pipeline
from newsevents.store import EVENT_COLUMNS, Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def java():
    if shutil.which("java") is None:
        pytest.fail("Spark needs Java 17 on PATH (Debian: openjdk-17-jre-headless)")


def test_spark_codes_the_same_events_as_a_local_run(java, tmp_path, seeds_dir):
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(app, ["spark", str(seeds_dir), str(out), "--partitions", "2"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == list(EVENT_COLUMNS)
    with Store.open(str(tmp_path / "local.db")) as store:
        Pipeline().run([str(seeds_dir)], store)
        local = {r["event_id"] for r in store.query_events(limit=None, include_duplicates=True)}
    assert set(table.column("event_id").to_pylist()) == local
    assert len({p for p in table.column("origin").to_pylist()}) == 5
