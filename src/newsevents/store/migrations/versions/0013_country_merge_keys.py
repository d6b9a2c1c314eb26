"""Merge keys hold each side's country, not its whole code (`stories.merge_key`), so
that a bare country and the same country with a sector (USA, USAGOV) can merge.

Existing happenings keep their mentions until their key is merged again (`newsevents`
re-merges the keys a write touches; `Store.rebuild_happenings` merges them all).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_TABLES = ("events", "happenings")


def _set_keys(side: str) -> None:
    for table in _TABLES:
        op.execute(
            f"UPDATE {table} SET merge_key = type || '|' || COALESCE({side % 'source'}, '') "
            f"|| '|' || COALESCE({side % 'target'}, '')"
        )


def upgrade() -> None:
    _set_keys("SUBSTR(%s_code, 1, 3)")


def downgrade() -> None:
    _set_keys("%s_code")
