"""Reading cases: department queues, the coordination queue, one case for an officer, one for the citizen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, union
from sqlalchemy.orm import Session

from civicdesk.cases import errors
from civicdesk.cases.calendar import as_utc
from civicdesk.cases.history import history
from civicdesk.cases.lifecycle import allowed_actions, load_case
from civicdesk.cases.model import PRIORITY_NAMES, CaseDetail, CaseSummary, LinkedCase, Location
from civicdesk.cases.references import parse_reference, token_matches
from civicdesk.store.tables import CaseLinkRow, CaseRow

SUMMARY_CHARS = 160


def coordination_reasons(row: CaseRow, now: datetime) -> list[str]:
    if not row.is_open:
        return []
    reasons = []
    if row.department_code is None and row.duplicate_of_id is None:
        reasons.append("no_department")
    if row.transfer_count >= 2 and row.needs_coordination:
        reasons.append("transferred_twice")
    if row.owner_due_at is not None and as_utc(row.owner_due_at) < now:
        reasons.append("no_owner")
    return reasons


def summarise(row: CaseRow, now: datetime) -> CaseSummary:
    due = as_utc(row.due_at) if row.due_at else None
    text = row.issue_text
    return CaseSummary(
        id=row.id,
        reference=row.reference,
        status=row.status,
        priority=PRIORITY_NAMES.get(row.priority, str(row.priority)),
        department=row.department_code,
        service=row.service_id,
        district=row.district,
        assigned_to=row.assigned_to,
        created_at=as_utc(row.created_at),
        due_at=due,
        overdue=bool(row.is_open and due is not None and due < now),
        transfer_count=row.transfer_count,
        is_emergency=row.is_emergency,
        confidence=row.confidence,
        version=row.version,
        summary=text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…",
        coordination_reasons=coordination_reasons(row, now),
    )


def list_queue(
    session: Session,
    department: str,
    now: datetime,
    *,
    statuses: Sequence[str] | None = None,
    assigned_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[CaseSummary]:
    """A department's open cases (duplicates folded into their original), by priority then SLA deadline."""
    query = select(CaseRow).where(
        CaseRow.department_code == department, CaseRow.is_open, CaseRow.duplicate_of_id.is_(None)
    )
    if statuses:
        query = query.where(CaseRow.status.in_(list(statuses)))
    if assigned_to is not None:
        query = query.where(CaseRow.assigned_to == assigned_to)
    query = query.order_by(CaseRow.priority, CaseRow.due_at, CaseRow.id).limit(limit).offset(offset)
    return [summarise(row, now) for row in session.scalars(query)]


def coordination_condition(now: datetime) -> ColumnElement[bool]:
    return or_(CaseRow.needs_coordination, CaseRow.owner_due_at < now)


def list_coordination(session: Session, now: datetime, *, limit: int = 50, offset: int = 0) -> list[CaseSummary]:
    """Cases nobody owns: no department, transferred twice or more, or unassigned over the owner deadline.

    Two ordered scans of partial indexes, merged: an OR over both conditions would read every matching row.
    """
    wanted = limit + offset
    order = (CaseRow.priority, CaseRow.due_at, CaseRow.id)
    columns = (CaseRow.id, CaseRow.priority, CaseRow.due_at)
    flagged = select(*columns).where(CaseRow.is_open, CaseRow.needs_coordination).order_by(*order).limit(wanted)
    waiting = (
        select(*columns)
        .where(CaseRow.is_open, CaseRow.owner_due_at.is_not(None), CaseRow.owner_due_at < now)
        .order_by(*order)
        .limit(wanted)
    )
    first, second = flagged.subquery(), waiting.subquery()
    merged = union(select(first), select(second)).subquery()
    ids = list(
        session.scalars(
            select(merged.c.id).order_by(merged.c.priority, merged.c.due_at, merged.c.id).limit(limit).offset(offset)
        )
    )
    rows = {row.id: row for row in session.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))} if ids else {}
    return [summarise(rows[i], now) for i in ids if i in rows]


def linked_cases(session: Session, row: CaseRow) -> list[LinkedCase]:
    """The other cases filed with this one (the split), lead first."""
    lead_id = session.scalar(
        select(CaseLinkRow.case_id).where(CaseLinkRow.linked_case_id == row.id, CaseLinkRow.kind == "split")
    )
    lead_id = lead_id or row.id
    ids = [
        lead_id,
        *session.scalars(
            select(CaseLinkRow.linked_case_id)
            .where(CaseLinkRow.case_id == lead_id, CaseLinkRow.kind == "split")
            .order_by(CaseLinkRow.id)
        ),
    ]
    if len(ids) < 2:
        return []
    found = {r.id: r for r in session.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
    originals = references_of(session, [r.duplicate_of_id for r in found.values() if r.duplicate_of_id])
    return [
        LinkedCase(
            reference=found[i].reference,
            department=found[i].department_code,
            service=found[i].service_id,
            status=found[i].status,
            lead=i == lead_id,
            duplicate_of=_original(originals, found[i].duplicate_of_id),
        )
        for i in ids
        if i in found and i != row.id
    ]


def _original(originals: dict[int, str], case_id: int | None) -> str | None:
    return originals.get(case_id) if case_id is not None else None


def references_of(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {
        case_id: reference
        for case_id, reference in session.execute(select(CaseRow.id, CaseRow.reference).where(CaseRow.id.in_(ids)))
    }


def get_case(session: Session, reference: str, now: datetime) -> CaseDetail:
    """One case with everything an officer needs (contact details excepted: see `reveal_contact`)."""
    row = load_case(session, reference)
    duplicate_of = (
        references_of(session, [row.duplicate_of_id]).get(row.duplicate_of_id) if row.duplicate_of_id else None
    )
    duplicates = list(
        session.scalars(select(CaseRow.reference).where(CaseRow.duplicate_of_id == row.id).order_by(CaseRow.id))
    )
    return CaseDetail(
        summary=summarise(row, now),
        description=row.description,
        issue_text=row.issue_text,
        language=row.language,
        channel=row.channel,
        location=Location(row.location_text, row.latitude, row.longitude),
        category=row.category,
        routed_by=row.routed_by,
        routing_status=row.routing_status,
        model_version=row.model_version,
        auto_service=row.auto_service_id,
        explanation=dict(row.explanation or {}),
        has_contact=row.contact_encrypted is not None,
        reply=row.reply,
        reason=row.reason,
        duplicate_of=duplicate_of,
        duplicates=duplicates,
        linked=linked_cases(session, row),
        history=history(session, row.id),
        allowed_actions=allowed_actions(row.status),
        closed_at=as_utc(row.closed_at) if row.closed_at else None,
    )


def find_for_citizen(session: Session, reference: str, token: str) -> CaseRow:
    """The case for a reference and its token; one error (E610) whether the reference or the token is wrong."""
    canonical = parse_reference(reference or "")
    row = None
    if canonical is not None and token:
        row = session.scalars(select(CaseRow).where(CaseRow.reference == canonical)).one_or_none()
    if row is None or not token_matches(token, row.token_hash):
        raise errors.case_not_found()
    return row
