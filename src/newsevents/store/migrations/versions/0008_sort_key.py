"""A sort key for happenings: listings page through an index, oldest first.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("happenings") as batch:
        batch.add_column(sa.Column("sort_key", sa.String(64)))
        batch.create_index("ix_happenings_sort_key", ["sort_key"])
    op.execute(
        "UPDATE happenings SET sort_key = "
        "COALESCE(CAST(date_start AS TEXT), '9999-12-31') || '|' || id"
    )


def downgrade() -> None:
    with op.batch_alter_table("happenings") as batch:
        batch.drop_index("ix_happenings_sort_key")
        batch.drop_column("sort_key")
