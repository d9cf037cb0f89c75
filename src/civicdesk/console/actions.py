"""Officer actions on a case: each checks the officer's role against the case as it is in this transaction, then
calls the cases domain with the version the officer saw (optimistic locking: a stale version is E611, 409)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from civicdesk.cases import Policy, load_case, reply_and_close, reroute, transition
from civicdesk.catalogue import Catalogue
from civicdesk.errors import CivicdeskError
from civicdesk.staff import StaffUser, can_update_case, officers_of, require
from civicdesk.store.tables import CaseRow


def actor_of(user: StaffUser) -> str:
    """How a staff member appears in case history: `staff:<username>`."""
    return f"staff:{user.username}"


def _editable(session: Session, user: StaffUser, reference: str) -> CaseRow:
    row = load_case(session, reference)
    require(can_update_case(user, row.department_code), f"change case {row.reference}")
    return row


def act(
    session: Session,
    user: StaffUser,
    reference: str,
    action: str,
    expected_version: int,
    now: datetime,
    *,
    assignee: str | None = None,
    message: str | None = None,
    note: str | None = None,
) -> CaseRow:
    """Assign, start, resolve, close, reject, reopen or comment. Assigning defaults to the acting officer and only
    to an active officer of the case's department."""
    row = _editable(session, user, reference)
    if action == "assign":
        assignee = (assignee or "").strip().lower() or user.username
        department = row.department_code or ""
        if assignee not in {officer.username for officer in officers_of(session, department)}:
            raise CivicdeskError(
                "E575",
                f"'{assignee[:64]}' is not an active officer of {department or 'any department'}: "
                "pick one of the department's officers",
                field="assignee",
            )
    return transition(
        session,
        reference,
        action,
        actor_of(user),
        expected_version,
        now=now,
        assignee=assignee,
        message=message,
        note=note,
    )


def reroute_case(
    session: Session,
    user: StaffUser,
    reference: str,
    expected_version: int,
    now: datetime,
    *,
    reason: str,
    catalogue: Catalogue,
    policy: Policy,
    service: str | None = None,
    department: str | None = None,
) -> CaseRow:
    """Send the case to another service or department; the correction is stored against the original decision."""
    _editable(session, user, reference)
    return reroute(
        session,
        reference,
        actor_of(user),
        expected_version,
        reason=reason,
        catalogue=catalogue,
        policy=policy,
        now=now,
        service=service or None,
        department=department or None,
    )


def reply_close(
    session: Session,
    user: StaffUser,
    reference: str,
    expected_version: int,
    message: str,
    now: datetime,
    *,
    resolution: str = "closed",
) -> CaseRow:
    """Reply to the citizen and close the case (or mark it resolved when work remains)."""
    if resolution not in ("closed", "resolved"):
        raise CivicdeskError("E576", "resolution is 'closed' or 'resolved'", field="resolution")
    _editable(session, user, reference)
    return reply_and_close(
        session, reference, actor_of(user), expected_version, message, now=now, resolution=resolution
    )
