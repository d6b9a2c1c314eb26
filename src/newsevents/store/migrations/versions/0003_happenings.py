"""Canonical events (happenings) and each mention's merge key and happening.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_INDEXED = (
    "merge_key",
    "date_start",
    "type",
    "quad_class",
    "source_code",
    "target_code",
    "source_country",
    "target_country",
    "num_sources",
)


def upgrade() -> None:
    op.create_table(
        "happenings",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("merge_key", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        *(
            column
            for side in ("source", "target")
            for column in (
                sa.Column(f"{side}_code", sa.String(16)),
                sa.Column(f"{side}_name", sa.Text),
                sa.Column(f"{side}_country", sa.String(3)),
            )
        ),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.Date),
        sa.Column("last_seen", sa.Date),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    for name in _INDEXED:
        op.create_index(f"ix_happenings_{name}", "happenings", [name])
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("merge_key", sa.Text))
        batch.add_column(sa.Column("happening_id", sa.String(32)))
        batch.create_index("ix_events_merge_key", ["merge_key"])
        batch.create_index("ix_events_happening_id", ["happening_id"])
    # Mentions stored before this revision get their keys; `Store.rebuild_happenings`
    # (run on open when happenings are missing) merges them.
    op.execute(
        "UPDATE events SET merge_key = type || '|' || COALESCE(source_code, '') || '|' "
        "|| COALESCE(target_code, '')"
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_happening_id")
        batch.drop_index("ix_events_merge_key")
        batch.drop_column("happening_id")
        batch.drop_column("merge_key")
    op.drop_table("happenings")
