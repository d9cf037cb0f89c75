"""What a case is to the rest of the platform: states, priorities, and the plain records intake and queries return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

# -- states ---------------------------------------------------------------------------------------------------------
SUBMITTED: Final = "submitted"
TRIAGED: Final = "triaged"
ASSIGNED: Final = "assigned"
IN_PROGRESS: Final = "in_progress"
TRANSFERRED: Final = "transferred"
RESOLVED: Final = "resolved"
CLOSED: Final = "closed"
REJECTED: Final = "rejected"
OPEN_STATES: Final = frozenset({SUBMITTED, TRIAGED, ASSIGNED, IN_PROGRESS, TRANSFERRED})
STATES: Final = (SUBMITTED, TRIAGED, ASSIGNED, IN_PROGRESS, TRANSFERRED, RESOLVED, CLOSED, REJECTED)

# -- priorities (stored as a small number so that queues sort by it) ------------------------------------------------
HIGH: Final = 1
NORMAL: Final = 2
LOW: Final = 3
PRIORITY_NAMES: Final = {HIGH: "high", NORMAL: "normal", LOW: "low"}

CHANNELS: Final = ("web", "api", "open311")
MAX_CHARS: Final = 2000


@dataclass(frozen=True)
class Contact:
    """How to reach the citizen; stored only encrypted."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None

    def is_empty(self) -> bool:
        return not (self.name or self.phone or self.email)

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "phone": self.phone, "email": self.email}


@dataclass(frozen=True)
class Location:
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"address": self.address, "latitude": self.latitude, "longitude": self.longitude}


@dataclass(frozen=True)
class CaseRequest:
    """One submission, as any channel received it (already parsed, not yet checked)."""

    text: str
    channel: str
    district: str | None = None
    location: Location = field(default_factory=Location)
    category: str | None = None
    contact: Contact = field(default_factory=Contact)
    preferred_language: str | None = None

    def fingerprint(self) -> dict[str, Any]:
        """Everything that makes two submissions the same request (the Idempotency-Key check hashes it)."""
        return {
            "text": self.text,
            "channel": self.channel,
            "district": self.district,
            "location": self.location.to_dict(),
            "category": self.category,
            "contact": self.contact.to_dict(),
        }


@dataclass(frozen=True)
class LinkedCase:
    reference: str
    department: str | None
    service: str | None
    status: str
    lead: bool
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "department": self.department,
            "service": self.service,
            "status": self.status,
            "lead": self.lead,
            "duplicate_of": self.duplicate_of,
        }


@dataclass(frozen=True)
class IntakeResult:
    """The answer to a submission: the lead case, its token, and the other cases it became."""

    reference: str
    token: str
    status: str
    department: str | None
    service: str | None
    priority: str
    duplicate_of: str | None
    linked: list[LinkedCase]
    explanation: dict[str, Any]
    message: str
    emergency: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "token": self.token,
            "status": self.status,
            "department": self.department,
            "service": self.service,
            "priority": self.priority,
            "duplicate_of": self.duplicate_of,
            "linked": [link.to_dict() for link in self.linked],
            "explanation": self.explanation,
            "message": self.message,
            "emergency": self.emergency,
        }


@dataclass(frozen=True)
class Event:
    at: datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str
    public: bool
    note: str | None
    details: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "from_status": self.from_status,
            "to_status": self.to_status,
            "public": self.public,
            "note": self.note,
            "details": self.details,
        }


@dataclass(frozen=True)
class CaseSummary:
    """A queue row: enough to sort, show and open a case."""

    id: int
    reference: str
    status: str
    priority: str
    department: str | None
    service: str | None
    district: str | None
    assigned_to: str | None
    created_at: datetime
    due_at: datetime | None
    overdue: bool
    transfer_count: int
    is_emergency: bool
    confidence: float | None
    version: int
    summary: str
    coordination_reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "status": self.status,
            "priority": self.priority,
            "department": self.department,
            "service": self.service,
            "district": self.district,
            "assigned_to": self.assigned_to,
            "created_at": self.created_at.isoformat(),
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "overdue": self.overdue,
            "transfer_count": self.transfer_count,
            "is_emergency": self.is_emergency,
            "confidence": self.confidence,
            "version": self.version,
            "summary": self.summary,
            "coordination_reasons": self.coordination_reasons,
        }


@dataclass(frozen=True)
class CaseDetail:
    """One case for an officer: the summary, the redacted texts, the routing explanation, history and links."""

    summary: CaseSummary
    description: str
    issue_text: str
    language: str
    channel: str
    location: Location
    category: str | None
    routed_by: str
    routing_status: str
    model_version: str | None
    auto_service: str | None
    explanation: dict[str, Any]
    has_contact: bool
    reply: str | None
    reason: str | None
    duplicate_of: str | None
    duplicates: list[str]
    linked: list[LinkedCase]
    history: list[Event]
    allowed_actions: list[str]
    closed_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.summary.to_dict(),
            "description": self.description,
            "issue_text": self.issue_text,
            "language": self.language,
            "channel": self.channel,
            "location": self.location.to_dict(),
            "category": self.category,
            "routed_by": self.routed_by,
            "routing_status": self.routing_status,
            "model_version": self.model_version,
            "auto_service": self.auto_service,
            "explanation": self.explanation,
            "has_contact": self.has_contact,
            "reply": self.reply,
            "reason": self.reason,
            "duplicate_of": self.duplicate_of,
            "duplicates": self.duplicates,
            "linked": [link.to_dict() for link in self.linked],
            "history": [event.to_dict() for event in self.history],
            "allowed_actions": self.allowed_actions,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
        }
