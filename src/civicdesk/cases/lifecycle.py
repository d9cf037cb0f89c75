"""The case state machine. Every change checks the version the officer saw (optimistic locking), records an event
with actor and time, and is flushed in the caller's transaction.

    submitted → triaged → assigned → in_progress → resolved → closed
    any open state → transferred (re-routed) → assigned …      any open state → rejected (with a reason)
    any open state → closed (reply and close)                   resolved → in_progress (reopen)

Finishing a case (resolve, close, reject) finishes its open duplicates the same way, with the same reply.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from civicdesk.cases import errors
from civicdesk.cases.calendar import add_working_time, pledge_due
from civicdesk.cases.corrections import store_correction
from civicdesk.cases.history import record_event
from civicdesk.cases.model import (
    ASSIGNED,
    CLOSED,
    HIGH,
    IN_PROGRESS,
    OPEN_STATES,
    REJECTED,
    RESOLVED,
    STATES,
    SUBMITTED,
    TRANSFERRED,
    TRIAGED,
)
from civicdesk.cases.policy import Policy
from civicdesk.cases.references import parse_reference
from civicdesk.catalogue import Catalogue, Sector
from civicdesk.store.tables import CaseRow

# action -> (states it may start from, the state it leads to; None keeps the state)
TRANSITIONS: Final[dict[str, tuple[frozenset[str], str | None]]] = {
    "assign": (frozenset({TRIAGED, TRANSFERRED, ASSIGNED, IN_PROGRESS}), ASSIGNED),
    "start": (frozenset({ASSIGNED}), IN_PROGRESS),
    "resolve": (frozenset({ASSIGNED, IN_PROGRESS}), RESOLVED),
    "close": (frozenset({*OPEN_STATES, RESOLVED}), CLOSED),
    "reject": (frozenset(OPEN_STATES), REJECTED),
    "reopen": (frozenset({RESOLVED}), IN_PROGRESS),
    "transfer": (frozenset(OPEN_STATES), TRANSFERRED),
    "comment": (frozenset(STATES), None),
}
FINISHING: Final = frozenset({"resolve", "close", "reject"})


def allowed_actions(status: str) -> list[str]:
    return [action for action, (sources, _) in TRANSITIONS.items() if status in sources]


def load_case(session: Session, reference: str) -> CaseRow:
    canonical = parse_reference(reference)
    row = None
    if canonical is not None:
        row = session.scalars(select(CaseRow).where(CaseRow.reference == canonical)).one_or_none()
    if row is None:
        raise errors.unknown_case(reference)
    return row


def load_for_update(session: Session, reference: str, expected_version: int) -> CaseRow:
    row = load_case(session, reference)
    if row.version != expected_version:
        raise errors.version_conflict(row.reference, expected_version, row.version)
    return row


def flush_checked(session: Session, row: CaseRow, expected_version: int) -> None:
    """Flush; a concurrent writer that got there first (the UPDATE matched no row) becomes E611."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        current = session.scalar(select(CaseRow.version).where(CaseRow.id == row.id))
        raise errors.version_conflict(row.reference, expected_version, current or expected_version + 1) from None


def _check(row: CaseRow, action: str) -> str | None:
    if action not in TRANSITIONS:
        raise errors.CaseError(
            "E617", f"unknown action '{action[:30]}': use one of {', '.join(TRANSITIONS)}", field="action"
        )
    sources, target = TRANSITIONS[action]
    if row.status not in sources:
        raise errors.transition_not_allowed(row.reference, action, row.status, allowed_actions(row.status))
    return target


def _finish(row: CaseRow, target: str, now: datetime, message: str | None, action: str) -> None:
    row.status = target
    row.is_open = False
    row.closed_at = now
    row.owner_due_at = None
    row.needs_coordination = False
    if action == "reject":
        row.reason = message
    elif message:
        row.reply = message


def transition(
    session: Session,
    reference: str,
    action: str,
    actor: str,
    expected_version: int,
    *,
    now: datetime,
    assignee: str | None = None,
    message: str | None = None,
    note: str | None = None,
) -> CaseRow:
    """Apply one action (assign, start, resolve, close, reject, reopen, comment); returns the updated row.

    `message` is the reply to the citizen (resolve, close) or the reason (reject); `note` is internal.
    Use `reroute` to transfer.
    """
    row = load_for_update(session, reference, expected_version)
    if action == "transfer":
        raise errors.CaseError(
            "E617", "use reroute to transfer a case: it needs the new service or department", field="action"
        )
    target = _check(row, action)
    message = (message or "").strip() or None
    before = row.status
    details: dict[str, object] = {}
    if action == "assign":
        if not assignee:
            raise errors.message_required("assignee")
        if row.department_code is None:
            raise errors.CaseError(
                "E618", f"case {row.reference} has no department yet: re-route it first", "conflict", "action"
            )
        details = {"assignee": assignee, "previous": row.assigned_to}
        row.assigned_to = assignee[:64]
        row.owner_due_at = None
        row.needs_coordination = False
    elif action in ("resolve", "reject") and message is None:
        raise errors.message_required("reason" if action == "reject" else "reply")
    elif action == "close" and message is None and not (before == RESOLVED and row.reply):
        raise errors.message_required("reply")
    if target is not None and action in FINISHING:
        _finish(row, target, now, message, action)
    elif action == "reopen":
        row.status = IN_PROGRESS if row.assigned_to else TRIAGED
        row.is_open = True
        row.closed_at = None
    elif target is not None:
        row.status = target
    row.updated_at = now
    public = action != "comment"
    record_event(
        session,
        row,
        action,
        actor,
        now,
        before,
        public=public,
        note=message if public else note,
        details={**details, **({"note": note} if note and public else {})},
    )
    if action in FINISHING:
        _finish_duplicates(session, row, action, now)
    flush_checked(session, row, expected_version)
    return row


def reply_and_close(
    session: Session,
    reference: str,
    actor: str,
    expected_version: int,
    message: str,
    *,
    now: datetime,
    resolution: str = CLOSED,
) -> CaseRow:
    """Send the reply to the citizen and finish the case (`resolution` closed, or resolved when work remains)."""
    action = "resolve" if resolution == RESOLVED else "close"
    return transition(session, reference, action, actor, expected_version, now=now, message=message)


def _finish_duplicates(session: Session, original: CaseRow, action: str, now: datetime) -> None:
    duplicates = session.scalars(select(CaseRow).where(CaseRow.duplicate_of_id == original.id, CaseRow.is_open)).all()
    for dup in duplicates:
        before = dup.status
        _finish(dup, original.status, now, original.reason if action == "reject" else original.reply, action)
        dup.updated_at = now
        record_event(
            session,
            dup,
            action,
            "system:duplicates",
            now,
            before,
            note=dup.reason if action == "reject" else dup.reply,
            details={"with": original.reference},
        )


def reroute(
    session: Session,
    reference: str,
    actor: str,
    expected_version: int,
    *,
    reason: str,
    catalogue: Catalogue,
    policy: Policy,
    now: datetime,
    service: str | None = None,
    department: str | None = None,
) -> CaseRow:
    """Send a case to another service or department, storing the correction against the original decision.

    A change of department is a transfer (counted: two or more send the case to the coordination queue); the
    pledge clock keeps running from the day the citizen filed, with the new service's pledge.
    """
    row = load_for_update(session, reference, expected_version)
    _check(row, "transfer")
    reason = (reason or "").strip()
    if not reason:
        raise errors.message_required("reason")
    if service is not None:
        if service not in catalogue.services:
            raise errors.unknown_service(service)
        owner = catalogue.services[service].department
        if department is not None and department != owner:
            raise errors.CaseError(
                "E619",
                f"service {service} belongs to {owner}, not {department}: give the service alone",
                field="department",
            )
        department = owner
    if department is None or department not in catalogue.departments:
        raise errors.unknown_service(department or "")
    if service == row.service_id and department == row.department_code:
        raise errors.CaseError(
            "E620",
            f"case {row.reference} is already with {department}" + (f" / {service}" if service else ""),
            "conflict",
            "service",
        )
    store_correction(session, row, actor, service, department, reason, now)
    before = row.status
    details = {
        "from_department": row.department_code,
        "from_service": row.service_id,
        "to_department": department,
        "to_service": service,
        "reason": reason,
    }
    first_route = row.department_code is None
    moved = department != row.department_code
    row.service_id = service
    row.department_code = department
    row.routed_by = "officer"
    row.updated_at = now
    pledge = (catalogue.services[service].pledge_days if service else None) or policy.default_pledge_days
    row.pledge_days = pledge
    row.due_at = pledge_due(row.created_at, pledge)
    if service is not None and catalogue.services[service].sector == Sector.PUBLIC_SAFETY:
        row.priority = HIGH
    if first_route or (moved and row.status == SUBMITTED):
        action = "route"
        row.status = TRIAGED
        row.owner_due_at = add_working_time(now, policy.owner_working_days)
        row.needs_coordination = row.transfer_count >= 2
    elif moved:
        action = "transfer"
        row.status = TRANSFERRED
        row.transfer_count += 1
        row.assigned_to = None
        row.owner_due_at = add_working_time(now, policy.owner_working_days)
        row.needs_coordination = row.transfer_count >= 2
    else:
        action = "reclassify"
    record_event(session, row, action, actor, now, before, public=action != "reclassify", details=details)
    flush_checked(session, row, expected_version)
    return row
