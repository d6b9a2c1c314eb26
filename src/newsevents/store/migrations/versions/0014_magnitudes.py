"""Each event's magnitudes (killed, injured, arrested, displaced, crowd: the figure
counted, and a JSON of value, bounds, words and span), and each happening's largest
figure of its mentions.

No index on `killed`: a `min_killed` filter keeps few rows of a scan, and building
one here would fix PostgreSQL's row estimates for the tables mid-migration.

Stored events keep no figures until their article is coded again; happenings take
theirs when their key is merged again (`Store.rebuild_happenings` merges them all).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from alembic import op

from newsevents.store._tables import magnitude_columns

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_DETAILS = {"events": True, "happenings": False}


def upgrade() -> None:
    for table, details in _DETAILS.items():
        with op.batch_alter_table(table) as batch:
            for column in magnitude_columns(details=details):
                batch.add_column(column)


def downgrade() -> None:
    for table, details in _DETAILS.items():
        with op.batch_alter_table(table) as batch:
            for column in reversed(magnitude_columns(details=details)):
                batch.drop_column(column.name)
