"""The audit log of contact-detail views: who saw a citizen's decrypted contact, on which case, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.staff.clock import as_utc, utcnow
from civicdesk.staff.model import StaffUser
from civicdesk.store.tables import ContactViewRow


@dataclass(frozen=True)
class ContactView:
    username: str
    case_reference: str
    viewed_at: datetime
    client_ip: str

    def to_dict(self) -> dict[str, str]:
        return {
            "username": self.username,
            "case_reference": self.case_reference,
            "viewed_at": self.viewed_at.isoformat(),
            "client_ip": self.client_ip,
        }


def log_contact_view(
    session: Session, user: StaffUser, case_reference: str, client_ip: str, now: datetime | None = None
) -> ContactView:
    """Record one view. Call it in the same unit of work that decrypts, so no view goes unlogged."""
    viewed_at = now or utcnow()
    session.add(
        ContactViewRow(
            user_id=user.id,
            username=user.username,
            case_reference=case_reference,
            viewed_at=viewed_at,
            client_ip=client_ip[:45],
        )
    )
    session.flush()
    return ContactView(user.username, case_reference, viewed_at, client_ip[:45])


def contact_views(
    session: Session, case_reference: str | None = None, username: str | None = None, limit: int = 200
) -> list[ContactView]:
    """The most recent views first, optionally for one case or one user."""
    query = select(ContactViewRow).order_by(ContactViewRow.viewed_at.desc(), ContactViewRow.id.desc()).limit(limit)
    if case_reference is not None:
        query = query.where(ContactViewRow.case_reference == case_reference)
    if username is not None:
        query = query.where(ContactViewRow.username == username)
    return [
        ContactView(row.username, row.case_reference, as_utc(row.viewed_at), row.client_ip)
        for row in session.scalars(query)
    ]
