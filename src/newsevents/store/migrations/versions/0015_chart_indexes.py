"""Covering indexes for the charts: the network and the timeline count asserted
happenings by pair or by date and quad class, read from the index alone.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_NETWORK = ["modality", "source_code", "target_code", "quad_class", "goldstein"]
_TIMELINE = ["modality", "date_start", "quad_class", "goldstein"]


def upgrade() -> None:
    op.create_index("ix_happenings_network", "happenings", _NETWORK)
    op.create_index("ix_happenings_timeline", "happenings", _TIMELINE)


def downgrade() -> None:
    op.drop_index("ix_happenings_timeline", "happenings")
    op.drop_index("ix_happenings_network", "happenings")
