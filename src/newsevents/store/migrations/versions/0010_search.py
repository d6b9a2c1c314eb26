"""Full-text search over happenings: their actors' names and every mention's sentence.

SQLite: an FTS5 table. PostgreSQL: a table with a GIN index on its text's tsvector.
Existing happenings are indexed here; `_search.reindex` keeps it in step after.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BODY = {
    "sqlite": "group_concat(coalesce(e.sentence, '') || ' ' || coalesce(a.name, '') "
    "|| ' ' || coalesce(b.name, ''), ' ')",
    "postgresql": "string_agg(coalesce(e.sentence, '') || ' ' || coalesce(a.name, '') "
    "|| ' ' || coalesce(b.name, ''), ' ')",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE happening_text USING fts5("
            "happening_id UNINDEXED, body, tokenize='unicode61 remove_diacritics 2', "
            "prefix='2 3')"
        )
    else:
        op.execute(
            "CREATE TABLE happening_text (happening_id VARCHAR(32) PRIMARY KEY, body TEXT NOT NULL)"
        )
        op.execute(
            "CREATE INDEX ix_happening_text_body ON happening_text "
            "USING gin (to_tsvector('simple', body))"
        )
    # On SQLite the row's rowid is its happening's: searches join on integers.
    rowid = ("rowid, ", "h.rowid, ") if dialect == "sqlite" else ("", "")
    op.execute(
        f"INSERT INTO happening_text ({rowid[0]}happening_id, body) "
        f"SELECT {rowid[1]}h.id, coalesce(h.source_name, '') || ' ' || coalesce(h.target_name, '') "
        f"|| ' ' || coalesce({_BODY.get(dialect, _BODY['postgresql'])}, '') "
        "FROM happenings h LEFT JOIN events e ON e.happening_id = h.id "
        "LEFT JOIN actors a ON a.id = e.source_actor_id "
        "LEFT JOIN actors b ON b.id = e.target_actor_id "
        f"GROUP BY {rowid[1]}h.id, h.source_name, h.target_name"
    )


def downgrade() -> None:
    op.execute("DROP TABLE happening_text")
