"""The dashboard: volumes by department, service and district, overdue cases, hotspots, and the auto-routing
accuracy measured from officers' corrections. /staff/dashboard, JSON twin /staff/api/dashboard.

Aggregates are for every case-working role; the list of overdue cases (which quotes redacted case text) shows an
officer only their own departments' cases.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from civicdesk.cases import CaseSummary, overdue_cases
from civicdesk.console.figures import dashboard_figures
from civicdesk.staff import Role, can_view_dashboard, require
from civicdesk.web.staff.context import as_json, case_policy, console, page, require_user, runtime_of, wants_json

router = APIRouter(include_in_schema=False)
OVERDUE_SHOWN = 20


@router.get("/staff/dashboard")
@router.get("/staff/api/dashboard")
@console
def dashboard_page(request: Request, days: int = Query(30, ge=1, le=366)) -> Response:
    signed_in = require_user(request)
    user = signed_in.user
    require(can_view_dashboard(user), "see the dashboard")
    now = datetime.now(UTC)
    with runtime_of(request).database.session() as session:
        figures = dashboard_figures(session, now, case_policy(request), period_days=days)
        if user.role is Role.COORDINATOR:
            overdue: list[CaseSummary] = overdue_cases(session, now, limit=OVERDUE_SHOWN)
        else:
            overdue = [c for d in sorted(user.departments) for c in overdue_cases(session, now, d, OVERDUE_SHOWN)]
            overdue = sorted(overdue, key=lambda c: (c.due_at or now, c.reference))[:OVERDUE_SHOWN]
    if wants_json(request):
        return as_json({**figures.to_dict(), "days": days, "overdue_cases": [c.to_dict() for c in overdue]})
    return page(request, "staff/dashboard.html", figures=figures, overdue=overdue, days=days)
