"""A store on each backend, emptied for each test."""

import pytest
from sqlalchemy import text

from newsevents.store import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        opened = Store.open(str(tmp_path / "test.db"))
    else:
        opened = Store.open(request.getfixturevalue("pg_url"))
        with opened.engine.begin() as connection:
            tables = ("happening_text", "happenings", "stories", "events", "errors", "actors")
            for table in (*tables, "documents"):
                connection.execute(text(f"delete from {table}"))
    yield opened
    opened.close()
