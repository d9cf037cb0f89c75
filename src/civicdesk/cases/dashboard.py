"""Dashboard figures: volumes by department, service and district, overdue cases, hotspots, and the auto-routing
accuracy measured from officers' corrections.

Each figure is one indexed query (see the `cases` indexes in store/tables.py), so the dashboard stays fast at a
million cases: volumes read the (created_at, department, service, district, status, auto_routed) index only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.cases.calendar import as_utc
from civicdesk.cases.model import SUBMITTED, TRIAGED, CaseSummary
from civicdesk.cases.policy import Policy
from civicdesk.cases.queries import summarise
from civicdesk.store.tables import CaseRow, RoutingCorrectionRow

UNREVIEWED = frozenset({SUBMITTED, TRIAGED})


@dataclass(frozen=True)
class Hotspot:
    service: str
    district: str
    count: int
    first_at: datetime
    latest_at: datetime

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["first_at"] = self.first_at.isoformat()
        data["latest_at"] = self.latest_at.isoformat()
        return data


@dataclass(frozen=True)
class Accuracy:
    """Of the auto-routed cases an officer has handled, the share whose final service / department is the router's."""

    auto_routed: int
    reviewed: int
    wrong_service: int
    wrong_department: int

    @property
    def service_accuracy(self) -> float | None:
        return round(1 - self.wrong_service / self.reviewed, 4) if self.reviewed else None

    @property
    def department_accuracy(self) -> float | None:
        return round(1 - self.wrong_department / self.reviewed, 4) if self.reviewed else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "service_accuracy": self.service_accuracy,
            "department_accuracy": self.department_accuracy,
        }


@dataclass(frozen=True)
class Dashboard:
    since: datetime
    total: int
    open: int
    overdue: int
    by_department: list[tuple[str | None, int]]
    by_service: list[tuple[str | None, int]]
    by_district: list[tuple[str | None, int]]
    by_status: list[tuple[str, int]]
    overdue_by_department: list[tuple[str | None, int]]
    hotspots: list[Hotspot]
    accuracy: Accuracy
    hotspot_rule: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: list[tuple[Any, int]]) -> list[dict[str, Any]]:
            return [{"key": key, "count": count} for key, count in items]

        return {
            "since": self.since.isoformat(),
            "total": self.total,
            "open": self.open,
            "overdue": self.overdue,
            "by_department": pairs(self.by_department),
            "by_service": pairs(self.by_service),
            "by_district": pairs(self.by_district),
            "by_status": pairs(self.by_status),
            "overdue_by_department": pairs(self.overdue_by_department),
            "hotspots": [h.to_dict() for h in self.hotspots],
            "hotspot_rule": self.hotspot_rule,
            "accuracy": self.accuracy.to_dict(),
        }


def hotspots(session: Session, now: datetime, min_cases: int, window_days: int) -> list[Hotspot]:
    """Services with at least `min_cases` cases in one district within the window (the urban-management alert)."""
    count = func.count()
    query = (
        select(CaseRow.service_id, CaseRow.district, count, func.min(CaseRow.created_at), func.max(CaseRow.created_at))
        .where(
            CaseRow.created_at >= now - timedelta(days=window_days),
            CaseRow.service_id.is_not(None),
            CaseRow.district.is_not(None),
        )
        .group_by(CaseRow.service_id, CaseRow.district)
        .having(count >= min_cases)
        .order_by(count.desc())
    )
    return [
        Hotspot(str(service), str(district), int(n), as_utc(first), as_utc(latest))
        for service, district, n, first, latest in session.execute(query)
    ]


def overdue_cases(session: Session, now: datetime, department: str | None = None, limit: int = 20) -> list[CaseSummary]:
    """The open cases past their pledge, most overdue first."""
    query = select(CaseRow).where(CaseRow.is_open, CaseRow.due_at < now, CaseRow.duplicate_of_id.is_(None))
    if department is not None:
        query = query.where(CaseRow.department_code == department)
    return [summarise(row, now) for row in session.scalars(query.order_by(CaseRow.due_at).limit(limit))]


def routing_accuracy(session: Session, since: datetime, auto_routed: int, reviewed_by_status: int) -> Accuracy:
    corrected = session.execute(
        select(
            CaseRow.status,
            CaseRow.service_id,
            CaseRow.auto_service_id,
            CaseRow.department_code,
            CaseRow.auto_department_code,
        ).where(
            CaseRow.id.in_(select(RoutingCorrectionRow.case_id).where(RoutingCorrectionRow.at >= since)),
            CaseRow.auto_routed,
            CaseRow.created_at >= since,
        )
    ).all()
    wrong_service = sum(1 for _, service, auto, _, _ in corrected if service != auto)
    wrong_department = sum(1 for _, _, _, dept, auto_dept in corrected if dept != auto_dept)
    unreviewed_but_corrected = sum(1 for status, *_ in corrected if status in UNREVIEWED)
    return Accuracy(auto_routed, reviewed_by_status + unreviewed_but_corrected, wrong_service, wrong_department)


def dashboard(session: Session, now: datetime, policy: Policy, period_days: int = 30) -> Dashboard:
    since = now - timedelta(days=period_days)
    rows = session.execute(
        select(
            CaseRow.department_code,
            CaseRow.service_id,
            CaseRow.district,
            CaseRow.status,
            CaseRow.auto_routed,
            func.count(),
        )
        .where(CaseRow.created_at >= since)
        .group_by(CaseRow.department_code, CaseRow.service_id, CaseRow.district, CaseRow.status, CaseRow.auto_routed)
    ).all()
    departments: Counter[str | None] = Counter()
    services: Counter[str | None] = Counter()
    districts: Counter[str | None] = Counter()
    statuses: Counter[str] = Counter()
    auto_routed = reviewed = 0
    for department, service, district, status, auto, n in rows:
        departments[department] += n
        services[service] += n
        districts[district] += n
        statuses[status] += n
        if auto:
            auto_routed += n
            reviewed += n if status not in UNREVIEWED else 0
    overdue_rows = session.execute(
        select(CaseRow.department_code, func.count())
        .where(CaseRow.is_open, CaseRow.due_at < now, CaseRow.duplicate_of_id.is_(None))
        .group_by(CaseRow.department_code)
    ).all()
    overdue = Counter({department: int(n) for department, n in overdue_rows})
    open_count = session.scalar(
        select(func.count()).select_from(CaseRow).where(CaseRow.is_open, CaseRow.duplicate_of_id.is_(None))
    )
    return Dashboard(
        since=since,
        total=sum(statuses.values()),
        open=int(open_count or 0),
        overdue=sum(overdue.values()),
        by_department=departments.most_common(),
        by_service=services.most_common(),
        by_district=districts.most_common(),
        by_status=statuses.most_common(),
        overdue_by_department=overdue.most_common(),
        hotspots=hotspots(session, now, policy.hotspot_min_cases, policy.hotspot_window_days),
        accuracy=routing_accuracy(session, since, auto_routed, reviewed),
        hotspot_rule={"min_cases": policy.hotspot_min_cases, "window_days": policy.hotspot_window_days},
    )
