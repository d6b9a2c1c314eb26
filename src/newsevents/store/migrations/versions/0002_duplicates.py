"""Duplicate relation of each document (exact, syndicated, near, paraphrase).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("duplicate_of", sa.String(32)))
        batch.add_column(sa.Column("duplicate_kind", sa.String(16)))
        batch.add_column(sa.Column("duplicate_score", sa.Float))
        batch.create_index("ix_documents_duplicate_of", ["duplicate_of"])


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_duplicate_of")
        batch.drop_column("duplicate_score")
        batch.drop_column("duplicate_kind")
        batch.drop_column("duplicate_of")
