"""Each event's attribution: the speaker of the quote or report it is stated in.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from alembic import op

from newsevents.store._tables import reporter_columns

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in reporter_columns():
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in reversed(reporter_columns()):
            batch.drop_column(column.name)
