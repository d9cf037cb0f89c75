"""Officer console: staff accounts and departments, sessions, the contact-view audit log, sign-in attempts, the
index of the coordination queue, and the dashboard's daily counts (kept by triggers on PostgreSQL, decision 0562).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# A frozen copy of civicdesk.console.counts.EXPANSION: one signed case row -> (day, dimension, key, n) rows.
_COLUMNS = (
    "created_at, department_code, service_id, district, status, auto_routed, routed_by, auto_service_id, "
    "auto_department_code"
)
_EXPANSION = """
SELECT (c.created_at AT TIME ZONE 'Asia/Hong_Kong')::date AS day, e.dimension, e.key, sum(e.n) AS n
FROM ({source}) c
CROSS JOIN LATERAL (VALUES
    ('department', coalesce(c.department_code, ''), c.sign),
    ('service', coalesce(c.service_id, ''), c.sign),
    ('district', coalesce(c.district, ''), c.sign),
    ('status', c.status || CASE WHEN c.auto_routed THEN '|auto' ELSE '|other' END, c.sign),
    ('accuracy', 'wrong_service', CASE WHEN c.auto_routed AND c.routed_by = 'officer'
        AND c.service_id IS DISTINCT FROM c.auto_service_id THEN c.sign ELSE 0 END),
    ('accuracy', 'wrong_department', CASE WHEN c.auto_routed AND c.routed_by = 'officer'
        AND c.department_code IS DISTINCT FROM c.auto_department_code THEN c.sign ELSE 0 END),
    ('accuracy', 'corrected_unreviewed', CASE WHEN c.auto_routed AND c.routed_by = 'officer'
        AND c.status IN ('submitted', 'triaged') THEN c.sign ELSE 0 END)
) AS e(dimension, key, n)
GROUP BY 1, 2, 3
HAVING sum(e.n) <> 0
"""
_TRIGGERS = {
    "insert": ("REFERENCING NEW TABLE AS new_rows", f"SELECT {_COLUMNS}, 1 AS sign FROM new_rows"),
    "update": (
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        f"SELECT {_COLUMNS}, 1 AS sign FROM new_rows UNION ALL SELECT {_COLUMNS}, -1 AS sign FROM old_rows",
    ),
    "delete": ("REFERENCING OLD TABLE AS old_rows", f"SELECT {_COLUMNS}, -1 AS sign FROM old_rows"),
}


def _counts_triggers() -> None:
    """Statement-level triggers append signed deltas (no row lock shared between intakes), then backfill."""
    for event, (referencing, source) in _TRIGGERS.items():
        op.execute(
            f"CREATE FUNCTION case_counts_after_{event}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"INSERT INTO case_count_deltas (day, dimension, key, n) {_EXPANSION.format(source=source)}; "
            "RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER case_counts_{event} AFTER {event.upper()} ON cases {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION case_counts_after_{event}()"
        )
    op.execute(
        "INSERT INTO case_daily_counts (day, dimension, key, n) "
        + _EXPANSION.format(source=f"SELECT {_COLUMNS}, 1 AS sign FROM cases")
        + " ORDER BY 1, 2, 3"
    )


def _when(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        _when("password_changed_at", nullable=True),
        _when("last_login_at", nullable=True),
    )
    op.create_table(
        "staff_departments",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("department_code", sa.String(16), primary_key=True),
    )
    op.create_index("ix_staff_departments_department_code", "staff_departments", ["department_code"])
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False),
        _when("created_at"),
        _when("last_seen_at"),
        _when("expires_at"),
        sa.Column("client_ip", sa.String(45), nullable=False),
        sa.Column("user_agent", sa.String(200), nullable=False),
    )
    op.create_index("ix_staff_sessions_user_id", "staff_sessions", ["user_id"])
    op.create_index("ix_staff_sessions_expires_at", "staff_sessions", ["expires_at"])
    op.create_table(
        "contact_view_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id"), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("case_reference", sa.String(40), nullable=False),
        _when("viewed_at"),
        sa.Column("client_ip", sa.String(45), nullable=False),
    )
    op.create_index("ix_contact_view_log_user_id", "contact_view_log", ["user_id"])
    op.create_index("ix_contact_view_log_case_reference", "contact_view_log", ["case_reference"])
    op.create_index("ix_contact_view_log_viewed_at", "contact_view_log", ["viewed_at"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("client_ip", sa.String(45), nullable=False),
        _when("attempted_at"),
        sa.Column("succeeded", sa.Boolean, nullable=False),
    )
    op.create_index("ix_login_attempts_attempted_at", "login_attempts", ["attempted_at"])
    op.create_index("ix_login_attempts_username_at", "login_attempts", ["username", "attempted_at"])
    op.create_index("ix_login_attempts_client_ip_at", "login_attempts", ["client_ip", "attempted_at"])
    op.create_index(
        "ix_cases_coordination_queue",
        "cases",
        ["priority", "due_at", "id", "needs_coordination", "owner_due_at"],
        postgresql_where=sa.text("is_open AND (needs_coordination OR owner_due_at IS NOT NULL)"),
        sqlite_where=sa.text("is_open = 1 AND (needs_coordination = 1 OR owner_due_at IS NOT NULL)"),
    )
    op.create_table(
        "case_daily_counts",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("dimension", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("n", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "case_count_deltas",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("dimension", sa.String(16), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("n", sa.BigInteger, nullable=False),
    )
    # SQLite deployments are small: the dashboard counts straight from `cases` there, so no triggers.
    if op.get_bind().dialect.name == "postgresql":
        _counts_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for event in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS case_counts_{event} ON cases")
            op.execute(f"DROP FUNCTION IF EXISTS case_counts_after_{event}()")
    op.drop_table("case_count_deltas")
    op.drop_table("case_daily_counts")
    op.drop_index("ix_cases_coordination_queue", table_name="cases")
    op.drop_table("login_attempts")
    op.drop_table("contact_view_log")
    op.drop_table("staff_sessions")
    op.drop_table("staff_departments")
    op.drop_table("staff_users")
