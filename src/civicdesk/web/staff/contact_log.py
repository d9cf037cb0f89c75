"""/staff/contact-log: who saw which citizen's contact details, when (coordinators and admins). JSON twin
/staff/api/contact-log; filters `case` and `user`."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from civicdesk.staff import can_view_contact_log, contact_views, require
from civicdesk.web.staff.context import as_json, console, page, require_user, runtime_of, wants_json

router = APIRouter(include_in_schema=False)


@router.get("/staff/contact-log")
@router.get("/staff/api/contact-log")
@console
def contact_log_page(
    request: Request,
    case: str | None = Query(None, max_length=40),
    user: str | None = Query(None, max_length=64),
) -> Response:
    signed_in = require_user(request)
    require(can_view_contact_log(signed_in.user), "read the contact view log")
    with runtime_of(request).database.session() as session:
        views = contact_views(session, case_reference=case or None, username=(user or "").lower() or None)
    if wants_json(request):
        return as_json({"count": len(views), "views": [v.to_dict() for v in views]})
    return page(request, "staff/contact_log.html", views=views, case=case or "", user=user or "")
