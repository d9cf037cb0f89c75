"""Citizen pages: /report (file a case, no account needed) and /track (reference + token, no login)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from civicdesk.cases import DISTRICTS, CaseRequest, Contact, Location
from civicdesk.cases.wiring import desk_for
from civicdesk.errors import CivicdeskError
from civicdesk.runtime import Runtime
from civicdesk.web.pages.rendering import render, ui_language

router = APIRouter(include_in_schema=False)
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def _districts(language: str) -> list[tuple[str, str]]:
    return [(d.id, d.name(language)) for d in DISTRICTS]


def _report_form(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    values = {
        "text": "",
        "district": "",
        "address": "",
        "name": "",
        "phone": "",
        "email": "",
        **context.pop("values", {}),
    }
    return render(
        request,
        "report_page.html",
        status_code=status,
        districts=_districts(ui_language(request)),
        values=values,
        **context,
    )


@router.get("/report", response_class=HTMLResponse)
def report_form(request: Request) -> HTMLResponse:
    return _report_form(request)


@router.post("/report", response_class=HTMLResponse)
async def report(
    request: Request,
    text: Annotated[str, Form()] = "",
    district: Annotated[str, Form()] = "",
    address: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    phone: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
) -> HTMLResponse:
    runtime: Runtime = request.app.state.runtime
    case_request = CaseRequest(
        text=text,
        channel="web",
        district=district or None,
        location=Location(address=address or None),
        contact=Contact(name=name or None, phone=phone or None, email=email or None),
        preferred_language=ui_language(request),
    )
    try:
        submission = await run_in_threadpool(desk_for(runtime).submit, case_request)
    except CivicdeskError as exc:
        values = {"text": text, "district": district, "address": address, "name": name, "phone": phone, "email": email}
        return _report_form(request, 422, error=exc.message, error_field=exc.field, values=values)
    response = render(request, "report_done.html", status_code=201, result=submission.body)
    response.headers.update(NO_STORE)
    return response


def _track(request: Request, reference: str, token: str) -> HTMLResponse:
    runtime: Runtime = request.app.state.runtime
    if not reference and not token:
        return render(request, "track_page.html", case=None, reference="", error=None)
    try:
        case = desk_for(runtime).track(reference, token, ui_language(request))
    except CivicdeskError as exc:
        response = render(
            request, "track_page.html", status_code=404, case=None, reference=reference, error=exc.message
        )
    else:
        response = render(request, "track_page.html", case=case, reference=reference, error=None)
    response.headers.update(NO_STORE)
    return response


@router.get("/track", response_class=HTMLResponse)
def track_form(request: Request, reference: str = "", token: str = "") -> HTMLResponse:
    return _track(request, reference.strip(), token.strip())


@router.post("/track", response_class=HTMLResponse)
def track(request: Request, reference: Annotated[str, Form()] = "", token: Annotated[str, Form()] = "") -> HTMLResponse:
    return _track(request, reference.strip(), token.strip())
