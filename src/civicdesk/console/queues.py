"""Queue pages for the console: a page of cases from `cases.list_queue` plus the counts shown above it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.cases import CaseSummary, list_coordination, list_queue
from civicdesk.cases.queries import coordination_condition
from civicdesk.store.tables import CaseRow

PER_PAGE = 50


@dataclass(frozen=True)
class QueuePage:
    name: str
    cases: list[CaseSummary]
    page: int
    per_page: int
    has_next: bool
    open_count: int
    overdue_count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "queue": self.name,
            "page": self.page,
            "per_page": self.per_page,
            "has_next": self.has_next,
            "open": self.open_count,
            "overdue": self.overdue_count,
            "cases": [case.to_dict() for case in self.cases],
        }


def _department_counts(session: Session, department: str, now: datetime) -> tuple[int, int]:
    """Open and overdue cases of a department's queue, both read from the partial queue index."""
    open_cases = CaseRow.department_code == department, CaseRow.is_open, CaseRow.duplicate_of_id.is_(None)
    total = session.scalar(select(func.count()).select_from(CaseRow).where(*open_cases))
    overdue = session.scalar(select(func.count()).select_from(CaseRow).where(*open_cases, CaseRow.due_at < now))
    return int(total or 0), int(overdue or 0)


def department_queue(
    session: Session,
    department: str,
    now: datetime,
    *,
    page: int = 1,
    per_page: int = PER_PAGE,
    statuses: Sequence[str] | None = None,
    assigned_to: str | None = None,
) -> QueuePage:
    """One page of a department's open cases, by priority then SLA deadline (one row more tells if there is a next)."""
    page = max(1, page)
    rows = list_queue(
        session,
        department,
        now,
        statuses=statuses,
        assigned_to=assigned_to,
        limit=per_page + 1,
        offset=(page - 1) * per_page,
    )
    open_count, overdue = _department_counts(session, department, now)
    return QueuePage(department, rows[:per_page], page, per_page, len(rows) > per_page, open_count, overdue)


def coordination_queue(session: Session, now: datetime, *, page: int = 1, per_page: int = PER_PAGE) -> QueuePage:
    """One page of the cases nobody owns."""
    page = max(1, page)
    rows = list_coordination(session, now, limit=per_page + 1, offset=(page - 1) * per_page)
    condition = (CaseRow.is_open, coordination_condition(now))
    total = int(session.scalar(select(func.count()).select_from(CaseRow).where(*condition)) or 0)
    overdue = int(
        session.scalar(select(func.count()).select_from(CaseRow).where(*condition, CaseRow.due_at < now)) or 0
    )
    return QueuePage("coordination", rows[:per_page], page, per_page, len(rows) > per_page, total, overdue)
