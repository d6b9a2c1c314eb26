"""Documents, actors, events and errors.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _actor_columns(side: str) -> list[sa.Column]:
    return [
        sa.Column(f"{side}_actor_id", sa.String(32), sa.ForeignKey("actors.id")),
        sa.Column(f"{side}_text", sa.Text),
        sa.Column(f"{side}_code", sa.String(16)),
        sa.Column(f"{side}_country", sa.String(3)),
        sa.Column(f"{side}_sector", sa.String(8)),
        sa.Column(f"{side}_start", sa.Integer),
        sa.Column(f"{side}_end", sa.Integer),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("published_at", sa.Date),
        sa.Column("published_basis", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("paragraphs", sa.JSON, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("raw_chars", sa.Integer, nullable=False),
        sa.Column("coder_version", sa.String(64), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(8)),
        sa.Column("qid", sa.String(16)),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(32),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("modality", sa.String(16), nullable=False),
        *_actor_columns("source"),
        *_actor_columns("target"),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_granularity", sa.String(8)),
        sa.Column("date_expression", sa.Text),
        sa.Column("date_basis", sa.String(32), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("coder_version", sa.String(64), nullable=False),
    )
    for column in (
        "doc_id",
        "type",
        "date_start",
        "source_code",
        "target_code",
        "source_country",
        "target_country",
    ):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table(
        "errors",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_errors_origin", "errors", ["origin"])


def downgrade() -> None:
    op.drop_table("errors")
    op.drop_table("events")
    op.drop_table("actors")
    op.drop_table("documents")
