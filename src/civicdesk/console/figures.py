"""Dashboard figures that stay fast at a million cases (see docs/decisions/0562-dashboard-aggregation.md).

`civicdesk.cases.dashboard` computes the `Dashboard` from `cases` with one GROUP BY over every (department, service,
district, status, auto-routed) combination; at a million cases that is ~14,000 groups for 30 days and a scan that
grows with the period. On PostgreSQL this module reads the same figures from the daily counts that triggers keep
(`civicdesk.console.counts`), takes the open and overdue counts per department in one pass over the queue's partial
index, and uses the cases module's own hotspot rule. On SQLite it is `cases.dashboard` itself.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.cases import Accuracy, Dashboard, Policy, dashboard, hotspots
from civicdesk.cases.dashboard import UNREVIEWED
from civicdesk.console.counts import compact, read_counts
from civicdesk.store.tables import CaseRow


def _open_and_overdue(session: Session, now: datetime) -> tuple[int, Counter[str | None]]:
    """All open cases (duplicates folded) and the overdue ones per department: one pass over the queue index."""
    rows = session.execute(
        select(CaseRow.department_code, func.count(), func.count().filter(CaseRow.due_at < now))
        .where(CaseRow.is_open, CaseRow.duplicate_of_id.is_(None))
        .group_by(CaseRow.department_code)
    ).all()
    open_count = sum(int(n) for _, n, _ in rows)
    return open_count, Counter({department: int(late) for department, _, late in rows if late})


def _ranked(counter: Counter[str]) -> list[tuple[str | None, int]]:
    return [(key or None, n) for key, n in counter.most_common()]


def dashboard_figures(session: Session, now: datetime, policy: Policy, period_days: int = 30) -> Dashboard:
    """The dashboard for the cases received in the last `period_days`, plus the open and overdue ones now."""
    if session.get_bind().dialect.name != "postgresql":
        return dashboard(session, now, policy, period_days)
    since = now - timedelta(days=period_days)
    compact(session)
    counts = read_counts(session, since)
    statuses: Counter[str] = Counter()
    auto_routed = reviewed = 0
    for key, n in counts.get("status", Counter()).items():
        status, _, how = key.partition("|")
        statuses[status] += n
        if how == "auto":
            auto_routed += n
            reviewed += n if status not in UNREVIEWED else 0
    accuracy = counts.get("accuracy", Counter())
    open_count, overdue = _open_and_overdue(session, now)
    return Dashboard(
        since=since,
        total=sum(statuses.values()),
        open=open_count,
        overdue=sum(overdue.values()),
        by_department=_ranked(counts.get("department", Counter())),
        by_service=_ranked(counts.get("service", Counter())),
        by_district=_ranked(counts.get("district", Counter())),
        by_status=statuses.most_common(),
        overdue_by_department=overdue.most_common(),
        hotspots=hotspots(session, now, policy.hotspot_min_cases, policy.hotspot_window_days),
        accuracy=Accuracy(
            auto_routed,
            reviewed + accuracy["corrected_unreviewed"],
            accuracy["wrong_service"],
            accuracy["wrong_department"],
        ),
        hotspot_rule={"min_cases": policy.hotspot_min_cases, "window_days": policy.hotspot_window_days},
    )
