"""Catalogue tables: departments, services and the loaded catalogue versions.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("name_zh_hant", sa.String(200), nullable=False),
        sa.Column("website", sa.String(300), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("department_code", sa.String(16), sa.ForeignKey("departments.code"), nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.Column("name_en", sa.String(300), nullable=False),
        sa.Column("name_zh_hant", sa.String(300), nullable=False),
        sa.Column("url", sa.String(500), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("pledge_days", sa.Integer, nullable=True),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_index("ix_services_department_code", "services", ["department_code"])
    op.create_index("ix_services_sector", "services", ["sector"])
    op.create_table(
        "catalogue_versions",
        sa.Column("version", sa.String(32), primary_key=True),
        sa.Column("services", sa.Integer, nullable=False),
        sa.Column("departments", sa.Integer, nullable=False),
        sa.Column("source_files", sa.Text, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("catalogue_versions")
    op.drop_index("ix_services_sector", "services")
    op.drop_index("ix_services_department_code", "services")
    op.drop_table("services")
    op.drop_table("departments")
