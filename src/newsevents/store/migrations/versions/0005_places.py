"""Each event's place: the name as written and what the gazetteer resolved it to; a
happening takes its most confidently placed mention's.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from newsevents.store._tables import place_columns

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in place_columns():
            batch.add_column(column)
        batch.create_index("ix_events_place_country", ["place_country"])
    with op.batch_alter_table("happenings") as batch:
        batch.add_column(sa.Column("place_name", sa.Text))
        batch.add_column(sa.Column("place_country", sa.String(3)))
        batch.add_column(sa.Column("place_lat", sa.Float))
        batch.add_column(sa.Column("place_lon", sa.Float))
        batch.create_index("ix_happenings_place_country", ["place_country"])


def downgrade() -> None:
    with op.batch_alter_table("happenings") as batch:
        batch.drop_index("ix_happenings_place_country")
        for name in ("place_lon", "place_lat", "place_country", "place_name"):
            batch.drop_column(name)
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_place_country")
        for column in reversed(place_columns()):
            batch.drop_column(column.name)
