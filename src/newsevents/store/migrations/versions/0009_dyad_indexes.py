"""Indexes for dyad queries: both directions of (source, target) codes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_happenings_dyad", "happenings", ["source_code", "target_code"])
    op.create_index("ix_happenings_dyad_reverse", "happenings", ["target_code", "source_code"])


def downgrade() -> None:
    op.drop_index("ix_happenings_dyad_reverse", "happenings")
    op.drop_index("ix_happenings_dyad", "happenings")
