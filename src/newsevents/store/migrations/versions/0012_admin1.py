"""Each event's place keeps the name of its first-level division (state, province,
region) beside the division's GeoNames code.

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-07
"""

from alembic import op

from newsevents.store._tables import admin1_columns

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in admin1_columns():
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in reversed(admin1_columns()):
            batch.drop_column(column.name)
