"""Queues: /staff/queue/{department} (a department's open cases) and /staff/coordination (cases nobody owns).

Sorted by priority, then SLA deadline. JSON twins: /staff/api/queue/{department}, /staff/api/coordination.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from civicdesk.cases import OPEN_STATES
from civicdesk.console import coordination_queue, department_queue
from civicdesk.errors import NotFound
from civicdesk.staff import can_view_coordination, can_view_department, require
from civicdesk.web.staff.context import as_json, console, page, require_user, runtime_of, wants_json

router = APIRouter(include_in_schema=False)


@router.get("/staff/queue/{department}")
@router.get("/staff/api/queue/{department}")
@console
def queue_page(
    request: Request,
    department: str,
    page_number: int = Query(1, alias="page", ge=1, le=10000),
    status: str | None = Query(None, max_length=20),
    mine: bool = False,
) -> Response:
    signed_in = require_user(request)
    runtime = runtime_of(request)
    if department not in runtime.catalogue.departments:
        raise NotFound("E574", f"there is no department '{department[:20]}': use a catalogue code such as FEHD")
    require(can_view_department(signed_in.user, department), f"see the queue of {department}")
    statuses = [status] if status in OPEN_STATES else None
    with runtime.database.session() as session:
        queue = department_queue(
            session,
            department,
            datetime.now(UTC),
            page=page_number,
            statuses=statuses,
            assigned_to=signed_in.user.username if mine else None,
        )
    if wants_json(request):
        return as_json(queue.to_dict())
    return page(
        request,
        "staff/queue.html",
        queue=queue,
        department=runtime.catalogue.departments[department],
        statuses=sorted(OPEN_STATES),
        chosen_status=status if statuses else "",
        mine=mine,
    )


@router.get("/staff/coordination")
@router.get("/staff/api/coordination")
@console
def coordination_page(request: Request, page_number: int = Query(1, alias="page", ge=1, le=10000)) -> Response:
    signed_in = require_user(request)
    require(can_view_coordination(signed_in.user), "see the coordination queue")
    with runtime_of(request).database.session() as session:
        queue = coordination_queue(session, datetime.now(UTC), page=page_number)
    if wants_json(request):
        return as_json(queue.to_dict())
    return page(request, "staff/queue.html", queue=queue, department=None, statuses=[], chosen_status="", mine=False)
