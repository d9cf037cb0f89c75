"""Cases: cases, their append-only history, links, idempotency keys and routing corrections.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_PG_APPEND_ONLY = """
CREATE FUNCTION case_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'case_events is append-only: add a new event instead of changing one';
END;
$$ LANGUAGE plpgsql
"""


def _partial(pg: str, sqlite: str) -> dict[str, Any]:
    return {"postgresql_where": sa.text(pg), "sqlite_where": sa.text(sqlite)}


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(16), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("submission_id", sa.String(32), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("is_open", sa.Boolean, nullable=False),
        sa.Column("priority", sa.SmallInteger, nullable=False),
        sa.Column("is_emergency", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("issue_text", sa.Text, nullable=False),
        sa.Column("district", sa.String(32), nullable=True),
        sa.Column("location_text", sa.String(300), nullable=True),
        sa.Column("latitude", sa.Float, nullable=True),
        sa.Column("longitude", sa.Float, nullable=True),
        sa.Column("category", sa.String(80), nullable=True),
        sa.Column("service_id", sa.String(80), nullable=True),
        sa.Column("department_code", sa.String(16), nullable=True),
        sa.Column("routed_by", sa.String(16), nullable=False),
        sa.Column("routing_status", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=True),
        sa.Column("model_version", sa.String(64), nullable=True),
        sa.Column("auto_routed", sa.Boolean, nullable=False),
        sa.Column("auto_service_id", sa.String(80), nullable=True),
        sa.Column("auto_department_code", sa.String(16), nullable=True),
        sa.Column("explanation", sa.JSON, nullable=False),
        sa.Column("duplicate_of_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("contact_encrypted", sa.Text, nullable=True),
        sa.Column("assigned_to", sa.String(64), nullable=True),
        sa.Column("transfer_count", sa.Integer, nullable=False),
        sa.Column("needs_coordination", sa.Boolean, nullable=False),
        sa.Column("owner_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pledge_days", sa.Integer, nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reply", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_cases_submission_id", "cases", ["submission_id"])
    op.create_index("ix_cases_duplicate_of_id", "cases", ["duplicate_of_id"])
    op.create_index(
        "ix_cases_queue",
        "cases",
        ["department_code", "priority", "due_at", "id"],
        **_partial("is_open AND duplicate_of_id IS NULL", "is_open = 1 AND duplicate_of_id IS NULL"),
    )
    op.create_index("ix_cases_open_due", "cases", ["due_at"], **_partial("is_open", "is_open = 1"))
    op.create_index(
        "ix_cases_coordination",
        "cases",
        ["priority", "due_at", "id"],
        **_partial("is_open AND needs_coordination", "is_open = 1 AND needs_coordination = 1"),
    )
    op.create_index(
        "ix_cases_owner_due",
        "cases",
        ["priority", "due_at", "id", "owner_due_at"],
        **_partial("is_open AND owner_due_at IS NOT NULL", "is_open = 1 AND owner_due_at IS NOT NULL"),
    )
    op.create_index(
        "ix_cases_period",
        "cases",
        ["created_at", "department_code", "service_id", "district", "status", "auto_routed"],
    )
    op.create_index("ix_cases_similar", "cases", ["service_id", "district", "created_at"])
    op.create_index("ix_cases_assigned_to", "cases", ["assigned_to"], **_partial("is_open", "is_open = 1"))

    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("from_status", sa.String(16), nullable=True),
        sa.Column("to_status", sa.String(16), nullable=False),
        sa.Column("public", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("details", sa.JSON, nullable=False),
    )
    op.create_index("ix_case_events_case", "case_events", ["case_id", "id"])

    op.create_table(
        "case_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("linked_case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.UniqueConstraint("case_id", "linked_case_id", "kind", name="uq_case_links"),
    )
    op.create_index("ix_case_links_linked_case_id", "case_links", ["linked_case_id"])

    op.create_table(
        "idempotency_keys",
        sa.Column("scope", sa.String(64), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("response", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])

    op.create_table(
        "routing_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("from_service_id", sa.String(80), nullable=True),
        sa.Column("from_department", sa.String(16), nullable=True),
        sa.Column("to_service_id", sa.String(80), nullable=True),
        sa.Column("to_department", sa.String(16), nullable=False),
        sa.Column("original_service_id", sa.String(80), nullable=True),
        sa.Column("original_department", sa.String(16), nullable=True),
        sa.Column("original_confidence", sa.Float, nullable=True),
        sa.Column("original_model_version", sa.String(64), nullable=True),
        sa.Column("original_explanation", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_routing_corrections_case_id", "routing_corrections", ["case_id"])
    op.create_index("ix_routing_corrections_at", "routing_corrections", ["at"])

    # History is append-only: the database itself refuses to change an event.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_APPEND_ONLY)
        op.execute(
            "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events "
            "FOR EACH ROW EXECUTE FUNCTION case_events_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events "
            "BEGIN SELECT RAISE(ABORT, 'case_events is append-only: add a new event instead of changing one'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_events_no_update ON case_events")
        op.execute("DROP FUNCTION IF EXISTS case_events_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS case_events_no_update")
    op.drop_table("routing_corrections")
    op.drop_table("idempotency_keys")
    op.drop_table("case_links")
    op.drop_table("case_events")
    op.drop_table("cases")
