"""Assistant exchanges (redacted, with their explanation) and helpfulness votes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "asks",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("redacted_text", sa.Text, nullable=False),
        sa.Column("service_id", sa.String(80), nullable=True),
        sa.Column("department_code", sa.String(16), nullable=True),
        sa.Column("confidence", sa.Float, nullable=True),
        sa.Column("model_version", sa.String(64), nullable=True),
        sa.Column("explanation", sa.JSON, nullable=False),
    )
    op.create_index("ix_asks_created_at", "asks", ["created_at"])
    op.create_index("ix_asks_status", "asks", ["status"])
    op.create_index("ix_asks_service_id", "asks", ["service_id"])
    op.create_table(
        "ask_votes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ask_id", sa.String(32), sa.ForeignKey("asks.id"), nullable=False),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    op.create_index("ix_ask_votes_ask_id", "ask_votes", ["ask_id"])


def downgrade() -> None:
    op.drop_table("ask_votes")
    op.drop_table("asks")
