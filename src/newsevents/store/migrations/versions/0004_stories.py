"""Stories: developing stories, each article's story and each happening's.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Date),
        sa.Column("last_seen", sa.Date),
        sa.Column("num_articles", sa.Integer, nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for name in ("first_seen", "last_seen", "updated_at"):
        op.create_index(f"ix_stories_{name}", "stories", [name])
    for table in ("documents", "happenings"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("story_id", sa.String(32)))
            batch.create_index(f"ix_{table}_story_id", ["story_id"])


def downgrade() -> None:
    for table in ("happenings", "documents"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_story_id")
            batch.drop_column("story_id")
    op.drop_table("stories")
