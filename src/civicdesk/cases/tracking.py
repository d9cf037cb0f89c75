"""What the citizen sees with a reference and token: status, department, public history, due date and reply.

Only public facts: no officer names, no internal notes, no routing scores. The JSON twin of the /track page.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.cases.calendar import as_utc, local
from civicdesk.cases.districts import district_name
from civicdesk.cases.history import history
from civicdesk.cases.model import OPEN_STATES
from civicdesk.cases.queries import linked_cases, references_of
from civicdesk.catalogue import Catalogue, pick
from civicdesk.store.tables import CaseRow


def public_view(
    session: Session, row: CaseRow, catalogue: Catalogue, now: datetime, language: str = "en"
) -> dict[str, Any]:
    department = catalogue.departments.get(row.department_code or "")
    service = catalogue.services.get(row.service_id or "")
    due = local(row.due_at).date() if row.due_at else None
    original = references_of(session, [row.duplicate_of_id]).get(row.duplicate_of_id) if row.duplicate_of_id else None
    events = [
        {
            "status": event.to_status,
            "action": event.action,
            "at": event.at.isoformat(),
            "note": event.note if event.action in ("resolve", "close", "reject", "duplicate") else None,
        }
        for event in history(session, row.id, public_only=True)
    ]
    return {
        "reference": row.reference,
        "status": row.status,
        "open": row.status in OPEN_STATES,
        "department": (
            {"code": department.code, "name": pick(department.name, language), "phone": department.phone}
            if department
            else None
        ),
        "service": {"id": service.id, "name": pick(service.name, language)} if service else None,
        "district": row.district,
        "district_name": district_name(row.district, language),
        "priority": "high" if row.priority == 1 else "normal",
        "submitted_at": as_utc(row.created_at).isoformat(),
        "updated_at": as_utc(row.updated_at).isoformat(),
        "due_date": due.isoformat() if due else None,
        "overdue": bool(row.is_open and row.due_at and as_utc(row.due_at) < now),
        "history": events,
        "reply": row.reply,
        "reason": row.reason,
        "duplicate_of": original,
        "linked": [link.to_dict() for link in linked_cases(session, row)],
    }
