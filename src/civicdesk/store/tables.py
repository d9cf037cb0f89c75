"""SQLAlchemy tables. API schemas live elsewhere (web/api); these are storage only."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from civicdesk.privacy.rotation import register_encrypted_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class DepartmentRow(Base):
    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh_hant: Mapped[str] = mapped_column(String(200))
    website: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(32))


class ServiceRow(Base):
    __tablename__ = "services"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    department_code: Mapped[str] = mapped_column(ForeignKey("departments.code"), index=True)
    sector: Mapped[str] = mapped_column(String(32), index=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_zh_hant: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500))
    phone: Mapped[str] = mapped_column(String(32))
    pledge_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The whole validated service, so SQL consumers (reports, BI) need not parse YAML.
    document: Mapped[dict[str, Any]]


class CatalogueVersionRow(Base):
    __tablename__ = "catalogue_versions"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    services: Mapped[int] = mapped_column(Integer)
    departments: Mapped[int] = mapped_column(Integer)
    source_files: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AskRow(Base):
    """One assistant exchange: the redacted message, the decision and why it was made."""

    __tablename__ = "asks"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    language: Mapped[str] = mapped_column(String(8))
    redacted_text: Mapped[str] = mapped_column(Text)
    service_id: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)
    department_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    model_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    explanation: Mapped[dict[str, Any]]


class AskVoteRow(Base):
    """A "was this helpful?" vote on an exchange."""

    __tablename__ = "ask_votes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ask_id: Mapped[str] = mapped_column(ForeignKey("asks.id"), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


# --- cases: intake, lifecycle, history, links, idempotency, routing corrections (migration 0003) ------------------
# Open statuses, also the partial-index predicate of the queue indexes (keep in step with cases.lifecycle).
CASE_OPEN_PG = "is_open AND duplicate_of_id IS NULL"
CASE_OPEN_SQLITE = "is_open = 1 AND duplicate_of_id IS NULL"


class CaseRow(Base):
    """One case: the redacted description, where it is, who owns it, its clocks and the routing decision."""

    __tablename__ = "cases"
    __table_args__ = (
        # A department's queue: open, not a duplicate, by priority then SLA deadline.
        Index(
            "ix_cases_queue",
            "department_code",
            "priority",
            "due_at",
            "id",
            postgresql_where=text(CASE_OPEN_PG),
            sqlite_where=text(CASE_OPEN_SQLITE),
        ),
        # Overdue open cases (dashboard, SLA flags).
        Index("ix_cases_open_due", "due_at", postgresql_where=text("is_open"), sqlite_where=text("is_open = 1")),
        # The coordination queue: bouncing or department-less cases, and cases waiting too long for an owner.
        Index(
            "ix_cases_coordination",
            "priority",
            "due_at",
            "id",
            postgresql_where=text("is_open AND needs_coordination"),
            sqlite_where=text("is_open = 1 AND needs_coordination = 1"),
        ),
        Index(
            "ix_cases_owner_due",
            "priority",
            "due_at",
            "id",
            "owner_due_at",
            postgresql_where=text("is_open AND owner_due_at IS NOT NULL"),
            sqlite_where=text("is_open = 1 AND owner_due_at IS NOT NULL"),
        ),
        # Dashboard volumes, hotspots and routing accuracy over a period: an index-only scan.
        Index(
            "ix_cases_period",
            "created_at",
            "department_code",
            "service_id",
            "district",
            "status",
            "auto_routed",
        ),
        # Duplicate candidates: same service, same district, recent.
        Index("ix_cases_similar", "service_id", "district", "created_at"),
        Index(
            "ix_cases_assigned_to", "assigned_to", postgresql_where=text("is_open"), sqlite_where=text("is_open = 1")
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    submission_id: Mapped[str] = mapped_column(String(32), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    is_open: Mapped[bool] = mapped_column(Boolean)
    priority: Mapped[int] = mapped_column(SmallInteger)
    is_emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text)
    issue_text: Mapped[str] = mapped_column(Text)
    district: Mapped[str | None] = mapped_column(String(32), nullable=True)
    location_text: Mapped[str | None] = mapped_column(String(300), nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    category: Mapped[str | None] = mapped_column(String(80), nullable=True)
    service_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    department_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    routed_by: Mapped[str] = mapped_column(String(16))
    routing_status: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    model_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The automated decision made at intake; corrections are measured against it.
    auto_routed: Mapped[bool] = mapped_column(Boolean, default=False)
    auto_service_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    auto_department_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    explanation: Mapped[dict[str, Any]]
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True, index=True)
    # AES-GCM ciphertext from the privacy key ring (re-encrypted by `civicdesk keys rotate`).
    contact_encrypted: Mapped[str | None] = mapped_column(Text, nullable=True)
    assigned_to: Mapped[str | None] = mapped_column(String(64), nullable=True)
    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    needs_coordination: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    pledge_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # Optimistic locking: every UPDATE checks and bumps it (SQLAlchemy version_id_col).
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - read once by the mapper


# `civicdesk keys rotate` re-encrypts the contact column (bound to its place by the associated data).
register_encrypted_column("cases", "id", "contact_encrypted", associated_data="cases.contact_encrypted")


class CaseEventRow(Base):
    """The append-only history of a case: every transition with actor and time (UPDATE is refused by a trigger)."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case", "case_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str] = mapped_column(String(16))
    public: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    details: Mapped[dict[str, Any]]


class CaseLinkRow(Base):
    """A link between two cases: `duplicate` (case → the open case it repeats) or `split` (lead → another part)."""

    __tablename__ = "case_links"
    __table_args__ = (UniqueConstraint("case_id", "linked_case_id", "kind", name="uq_case_links"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    linked_case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    details: Mapped[dict[str, Any]]


class IdempotencyKeyRow(Base):
    """A client's Idempotency-Key with the request's hash and the answer given, written with the case."""

    __tablename__ = "idempotency_keys"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class RoutingCorrectionRow(Base):
    """An officer's re-route, stored against the original automated decision; feeds `train --from-corrections`."""

    __tablename__ = "routing_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(80))
    from_service_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    from_department: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_service_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    to_department: Mapped[str] = mapped_column(String(16))
    original_service_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    original_department: Mapped[str | None] = mapped_column(String(16), nullable=True)
    original_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    original_model_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    original_explanation: Mapped[dict[str, Any]]
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


# The coordination queue's counts (officer console): open cases that need a coordinator or have an owner deadline,
# with both tests answered from the index. At a million cases the count is ~1 ms index-only, against ~50 ms through
# the two list indexes and the table (decision 0562).
Index(
    "ix_cases_coordination_queue",
    CaseRow.priority,
    CaseRow.due_at,
    CaseRow.id,
    CaseRow.needs_coordination,
    CaseRow.owner_due_at,
    postgresql_where=text("is_open AND (needs_coordination OR owner_due_at IS NOT NULL)"),
    sqlite_where=text("is_open = 1 AND (needs_coordination = 1 OR owner_due_at IS NOT NULL)"),
)


# --- staff (officer console): accounts, sessions, the contact-view audit log, sign-in attempts ---------------------


class StaffUserRow(Base):
    """A staff account. Never deleted (the audit log points at it): deactivated instead."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class StaffDepartmentRow(Base):
    """An officer's membership of one department (catalogue department code)."""

    __tablename__ = "staff_departments"

    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True)
    department_code: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)


class StaffSessionRow(Base):
    """A signed-in browser. `id` is the SHA-256 of the cookie's token, never the token itself."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    client_ip: Mapped[str] = mapped_column(String(45))
    user_agent: Mapped[str] = mapped_column(String(200))


class ContactViewRow(Base):
    """Who saw a citizen's decrypted contact details, on which case, when (append-only)."""

    __tablename__ = "contact_view_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    username: Mapped[str] = mapped_column(String(64))
    # No foreign key: the log outlives a case removed under the retention policy.
    case_reference: Mapped[str] = mapped_column(String(40), index=True)
    viewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    client_ip: Mapped[str] = mapped_column(String(45))


class LoginAttemptRow(Base):
    """One sign-in attempt; the sliding-window rate limit counts failures per username and per address."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "attempted_at"),
        Index("ix_login_attempts_client_ip_at", "client_ip", "attempted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64))
    client_ip: Mapped[str] = mapped_column(String(45))
    attempted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    succeeded: Mapped[bool] = mapped_column(Boolean)


class CaseDailyCountRow(Base):
    """Dashboard counts per Hong Kong day of receipt: dimension (department, service, district, status, accuracy),
    key ('' for none) and number. Kept current on PostgreSQL by triggers on `cases` (decision 0562)."""

    __tablename__ = "case_daily_counts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)


class CaseCountDeltaRow(Base):
    """Signed changes to `case_daily_counts`, appended by the triggers and folded in when the dashboard is read."""

    __tablename__ = "case_count_deltas"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    dimension: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(100))
    n: Mapped[int] = mapped_column(BigInteger)
