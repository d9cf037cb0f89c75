"""The append-only history: one event per transition, with actor and time. Nothing here updates or deletes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.cases.calendar import as_utc
from civicdesk.cases.model import Event
from civicdesk.store.tables import CaseEventRow, CaseRow


def record_event(
    session: Session,
    case: CaseRow,
    action: str,
    actor: str,
    at: datetime,
    from_status: str | None,
    *,
    public: bool = True,
    note: str | None = None,
    details: dict[str, Any] | None = None,
    to_status: str | None = None,
) -> None:
    session.add(
        CaseEventRow(
            case_id=case.id,
            at=at,
            actor=actor[:80],
            action=action,
            from_status=from_status,
            to_status=to_status or case.status,
            public=public,
            note=note,
            details=details or {},
        )
    )


def history(session: Session, case_id: int, public_only: bool = False) -> list[Event]:
    query = select(CaseEventRow).where(CaseEventRow.case_id == case_id).order_by(CaseEventRow.id)
    if public_only:
        query = query.where(CaseEventRow.public.is_(True))
    return [
        Event(
            at=as_utc(row.at),
            actor=row.actor,
            action=row.action,
            from_status=row.from_status,
            to_status=row.to_status,
            public=row.public,
            note=row.note,
            details=dict(row.details or {}),
        )
        for row in session.scalars(query)
    ]
