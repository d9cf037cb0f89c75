"""Showing a citizen's contact details: decrypt through the privacy key ring and log the view, in one unit of work."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from civicdesk.cases import CipherLike, Contact, load_case, reveal_contact
from civicdesk.console.actions import actor_of
from civicdesk.errors import CivicdeskError
from civicdesk.staff import StaffUser, can_view_contact, log_contact_view, require


def show_contact(
    session: Session,
    user: StaffUser,
    reference: str,
    cipher: CipherLike | None,
    client_ip: str,
    now: datetime,
) -> Contact | None:
    """The decrypted contact of a case for an allowed user (E568 otherwise); the view goes to `contact_view_log`
    and to the case's (non-public) history. None when the citizen left no contact."""
    row = load_case(session, reference)
    require(can_view_contact(user, row.department_code), "see this citizen's contact details")
    if row.contact_encrypted is None:
        return None
    if cipher is None:
        raise CivicdeskError(
            "E573",
            "contact details cannot be decrypted: no encryption key is configured (CIVICDESK_ENCRYPTION_KEYS)",
            "unavailable",
        )
    contact = reveal_contact(session, row, cipher, actor_of(user), now)
    log_contact_view(session, user, row.reference, client_ip, now)
    return contact
