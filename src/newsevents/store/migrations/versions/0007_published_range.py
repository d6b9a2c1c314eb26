"""The publication span inferred for undated articles; a longer basis to say why.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("published_start", sa.Date))
        batch.add_column(sa.Column("published_end", sa.Date))
        batch.alter_column("published_basis", type_=sa.Text, existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("published_basis", type_=sa.String(32), existing_nullable=False)
        batch.drop_column("published_end")
        batch.drop_column("published_start")
