"""One case: /staff/cases/{reference} (the routing explanation, the redacted text, history), and the officer's
actions on it — transition, one-click re-route, reply and close, show contact details. JSON twins under /staff/api.

Every action carries the version the officer saw; if someone else changed the case meanwhile the answer is 409
with the case as it is now (the officer's unsent text kept in the form), never a silent overwrite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from civicdesk.cases import Contact, get_case
from civicdesk.console import act, reply_close, reroute_case, show_contact
from civicdesk.errors import CivicdeskError
from civicdesk.staff import SignedIn, can_update_case, can_view_case, can_view_contact, officers_of, require
from civicdesk.store.tables import CaseRow
from civicdesk.web.staff.context import (
    as_json,
    case_cipher,
    case_policy,
    check_csrf,
    client_ip,
    console,
    error_status,
    page,
    redirect,
    require_user,
    runtime_of,
    wants_json,
)

router = APIRouter(include_in_schema=False)
CONFLICT_CODES = frozenset({"E611", "E612", "E620"})


class TransitionIn(BaseModel):
    action: str = Field(max_length=20)
    expected_version: int
    assignee: str | None = Field(None, max_length=64)
    message: str | None = Field(None, max_length=4000)
    note: str | None = Field(None, max_length=4000)


class RerouteIn(BaseModel):
    expected_version: int
    reason: str = Field(max_length=1000)
    service: str | None = Field(None, max_length=80)
    department: str | None = Field(None, max_length=16)


class ReplyIn(BaseModel):
    expected_version: int
    message: str = Field(max_length=4000)
    resolution: str = Field("closed", max_length=10)


def _case_json(request: Request, signed_in: SignedIn, reference: str, contact: Contact | None = None) -> dict[str, Any]:
    with runtime_of(request).database.session() as session:
        detail = get_case(session, reference, datetime.now(UTC))
    require(can_view_case(signed_in.user, detail.summary.department), f"see case {detail.summary.reference}")
    data = detail.to_dict()
    data["permissions"] = {
        "update": can_update_case(signed_in.user, detail.summary.department),
        "contact": can_view_contact(signed_in.user, detail.summary.department),
    }
    if contact is not None:
        data["contact"] = contact.to_dict()
    return data


def _case_page(
    request: Request,
    signed_in: SignedIn,
    reference: str,
    *,
    status_code: int = 200,
    contact: Contact | None = None,
    error: CivicdeskError | None = None,
    form: dict[str, Any] | None = None,
) -> Response:
    runtime = runtime_of(request)
    with runtime.database.session() as session:
        detail = get_case(session, reference, datetime.now(UTC))
        require(can_view_case(signed_in.user, detail.summary.department), f"see case {detail.summary.reference}")
        officers = officers_of(session, detail.summary.department) if detail.summary.department else []
    routing = detail.explanation.get("routing") if isinstance(detail.explanation.get("routing"), dict) else {}
    alternatives = [s for s in (routing or {}).get("runner_up", []) if s in runtime.catalogue.services]
    departments = sorted(runtime.catalogue.departments.values(), key=lambda d: d.code)
    services_by_department = {
        d.code: sorted((s for s in runtime.catalogue.services.values() if s.department == d.code), key=lambda s: s.id)
        for d in departments
    }
    return page(
        request,
        "staff/case.html",
        status_code=status_code,
        case=detail,
        routing=routing or {},
        alternatives=alternatives,
        departments=departments,
        services_by_department=services_by_department,
        officers=officers,
        can_update=can_update_case(signed_in.user, detail.summary.department),
        can_contact=can_view_contact(signed_in.user, detail.summary.department),
        contact=contact,
        error=error,
        form=form or {},
        notice=request.query_params.get("notice"),
    )


def _after_action(request: Request, signed_in: SignedIn, row: CaseRow, notice: str) -> Response:
    """Where an officer lands: back on the case, or on their queue when the case has left their departments."""
    if wants_json(request):
        if can_view_case(signed_in.user, row.department_code):
            return as_json(_case_json(request, signed_in, row.reference))
        return as_json(
            {
                "reference": row.reference,
                "status": row.status,
                "department": row.department_code,
                "version": row.version,
            }
        )
    if can_view_case(signed_in.user, row.department_code) and notice != "closed":
        return redirect(f"/staff/cases/{row.reference}?notice={notice}")
    home = sorted(signed_in.user.departments)
    target = f"/staff/queue/{home[0]}" if home else "/staff/coordination"
    to = quote(row.department_code or "", safe="")
    return redirect(f"{target}?notice={notice}&case={row.reference}&to={to}")


def _failed(
    request: Request, signed_in: SignedIn, reference: str, exc: CivicdeskError, form: dict[str, Any]
) -> Response:
    """A refused action: JSON error, or the case page again with the message and the officer's text kept."""
    if wants_json(request) or exc.kind in ("forbidden", "not_found", "unauthorised"):
        raise exc
    return _case_page(request, signed_in, reference, status_code=error_status(exc), error=exc, form=form)


@router.get("/staff/cases/{reference}")
@router.get("/staff/api/cases/{reference}")
@console
def case_page(request: Request, reference: str) -> Response:
    signed_in = require_user(request)
    if wants_json(request):
        return as_json(_case_json(request, signed_in, reference))
    return _case_page(request, signed_in, reference)


def _transition(request: Request, signed_in: SignedIn, reference: str, data: TransitionIn) -> Response:
    form = data.model_dump()
    try:
        with runtime_of(request).database.session() as session:
            row = act(
                session,
                signed_in.user,
                reference,
                data.action,
                data.expected_version,
                datetime.now(UTC),
                assignee=data.assignee,
                message=data.message,
                note=data.note,
            )
    except CivicdeskError as exc:
        return _failed(request, signed_in, reference, exc, form)
    return _after_action(request, signed_in, row, "closed" if data.action == "close" else data.action)


@router.post("/staff/cases/{reference}/transition")
@console
def transition_form(
    request: Request,
    reference: str,
    action: Annotated[str, Form(max_length=20)] = "",
    expected_version: Annotated[int, Form()] = 0,
    assignee: Annotated[str, Form(max_length=64)] = "",
    message: Annotated[str, Form(max_length=4000)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in, csrf_token)
    data = TransitionIn(
        action=action,
        expected_version=expected_version,
        assignee=assignee or None,
        message=message or None,
        note=note or None,
    )
    return _transition(request, signed_in, reference, data)


@router.post("/staff/api/cases/{reference}/transition")
@console
def transition_json(request: Request, reference: str, body: TransitionIn) -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in)
    return _transition(request, signed_in, reference, body)


def _reroute(request: Request, signed_in: SignedIn, reference: str, data: RerouteIn) -> Response:
    runtime = runtime_of(request)
    try:
        with runtime.database.session() as session:
            row = reroute_case(
                session,
                signed_in.user,
                reference,
                data.expected_version,
                datetime.now(UTC),
                reason=data.reason,
                catalogue=runtime.catalogue,
                policy=case_policy(request),
                service=data.service,
                department=data.department,
            )
    except CivicdeskError as exc:
        return _failed(request, signed_in, reference, exc, {"reroute": data.model_dump()})
    return _after_action(request, signed_in, row, "rerouted")


@router.post("/staff/cases/{reference}/reroute")
@console
def reroute_form(
    request: Request,
    reference: str,
    expected_version: Annotated[int, Form()] = 0,
    reason: Annotated[str, Form(max_length=1000)] = "",
    service: Annotated[str, Form(max_length=80)] = "",
    department: Annotated[str, Form(max_length=16)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in, csrf_token)
    data = RerouteIn(
        expected_version=expected_version, reason=reason, service=service or None, department=department or None
    )
    return _reroute(request, signed_in, reference, data)


@router.post("/staff/api/cases/{reference}/reroute")
@console
def reroute_json(request: Request, reference: str, body: RerouteIn) -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in)
    return _reroute(request, signed_in, reference, body)


def _reply(request: Request, signed_in: SignedIn, reference: str, data: ReplyIn) -> Response:
    try:
        with runtime_of(request).database.session() as session:
            row = reply_close(
                session,
                signed_in.user,
                reference,
                data.expected_version,
                data.message,
                datetime.now(UTC),
                resolution=data.resolution,
            )
    except CivicdeskError as exc:
        return _failed(request, signed_in, reference, exc, {"reply": data.model_dump()})
    return _after_action(request, signed_in, row, "closed" if data.resolution == "closed" else "resolved")


@router.post("/staff/cases/{reference}/reply")
@console
def reply_form(
    request: Request,
    reference: str,
    expected_version: Annotated[int, Form()] = 0,
    message: Annotated[str, Form(max_length=4000)] = "",
    resolution: Annotated[str, Form(max_length=10)] = "closed",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in, csrf_token)
    data = ReplyIn(expected_version=expected_version, message=message, resolution=resolution)
    return _reply(request, signed_in, reference, data)


@router.post("/staff/api/cases/{reference}/reply")
@console
def reply_json(request: Request, reference: str, body: ReplyIn) -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in)
    return _reply(request, signed_in, reference, body)


@router.post("/staff/cases/{reference}/contact")
@router.post("/staff/api/cases/{reference}/contact")
@console
def contact_view(request: Request, reference: str, csrf_token: Annotated[str, Form()] = "") -> Response:
    """Decrypt and show the citizen's contact details (POST: it is logged, and must not be prefetched)."""
    signed_in = require_user(request)
    check_csrf(request, signed_in, csrf_token)
    with runtime_of(request).database.session() as session:
        contact = show_contact(
            session, signed_in.user, reference, case_cipher(request), client_ip(request), datetime.now(UTC)
        )
    if wants_json(request):
        return as_json(
            {"reference": reference, "contact": contact.to_dict() if contact else None, "logged": contact is not None}
        )
    return _case_page(request, signed_in, reference, contact=contact or Contact())
