"""Open311 GeoReport v2: services, service definitions, and service requests (JSON).

Errors use the standard's list `[{"code", "description"}]`; XML is not offered (JSON is the required format).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from civicdesk.cases import CaseError, open311
from civicdesk.cases.wiring import desk_for
from civicdesk.errors import CivicdeskError
from civicdesk.runtime import Runtime

router = APIRouter(prefix="/open311/v2", tags=["open311"])
LANGS = ("en", "zh-Hant", "zh-Hans")


def _language(request: Request) -> str:
    wanted = request.query_params.get("lang") or request.query_params.get("locale") or "en"
    return wanted if wanted in LANGS else "en"


def _error(exc: CivicdeskError) -> JSONResponse:
    status, body = open311.error_list(exc)
    return JSONResponse(body, status_code=status)


def _format_error(fmt: str) -> JSONResponse:
    return _error(CaseError("E625", f"format '{fmt[:10]}' is not offered: use .json", field="format"))


@router.get("/services.{fmt}")
def services(request: Request, fmt: str) -> JSONResponse:
    if fmt != "json":
        return _format_error(fmt)
    runtime: Runtime = request.app.state.runtime
    return JSONResponse(open311.services(runtime.catalogue, _language(request)))


@router.get("/services/{service_code}.{fmt}")
def service_definition(request: Request, service_code: str, fmt: str) -> JSONResponse:
    if fmt != "json":
        return _format_error(fmt)
    runtime: Runtime = request.app.state.runtime
    try:
        return JSONResponse(open311.service_definition(runtime.catalogue, service_code, _language(request)))
    except CivicdeskError as exc:
        return _error(exc)


@router.post("/requests.{fmt}")
async def post_request(request: Request, fmt: str) -> JSONResponse:
    if fmt != "json":
        return _format_error(fmt)
    runtime: Runtime = request.app.state.runtime
    try:
        form = await _form(request)
        if not open311.key_is_valid(form.get("api_key"), runtime.settings.open311_api_keys):
            raise open311.bad_api_key()
        case_request = open311.parse_post(form, runtime.catalogue)
        key = request.headers.get("idempotency-key")
        scope = "open311:" + open311.key_scope(form.get("api_key") or "")
        desk = desk_for(runtime)
        submission = await run_in_threadpool(desk.submit, case_request, idempotency_key=key, scope=scope)
    except CivicdeskError as exc:
        return _error(exc)
    headers = {"Idempotent-Replayed": "true"} if submission.replayed else {}
    return JSONResponse(open311.post_answer(submission.body), status_code=201, headers=headers)


async def _form(request: Request) -> dict[str, str]:
    content_type = request.headers.get("content-type", "")
    if "json" in content_type:
        raise CaseError(
            "E626", "send the request form-encoded (application/x-www-form-urlencoded), as Open311 says", field="body"
        )
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


@router.get("/requests.{fmt}")
def list_requests(request: Request, fmt: str) -> JSONResponse:
    if fmt != "json":
        return _format_error(fmt)
    runtime: Runtime = request.app.state.runtime
    params = dict(request.query_params)
    try:
        wanted = open311.parse_filter(params)
    except CivicdeskError as exc:
        return _error(exc)
    detailed = open311.key_is_valid(params.get("api_key"), runtime.settings.open311_api_keys)
    language = _language(request)
    with runtime.database.session() as session:
        rows = open311.find_requests(session, wanted, datetime.now(UTC))
        body: list[dict[str, Any]] = [open311.record(r, runtime.catalogue, detailed, language) for r in rows]
    return JSONResponse(body)


@router.get("/requests/{request_id}.{fmt}")
def get_request(request: Request, request_id: str, fmt: str) -> JSONResponse:
    if fmt != "json":
        return _format_error(fmt)
    runtime: Runtime = request.app.state.runtime
    detailed = open311.key_is_valid(request.query_params.get("api_key"), runtime.settings.open311_api_keys)
    with runtime.database.session() as session:
        rows = open311.find_requests(session, open311.RequestFilter(ids=[request_id]), datetime.now(UTC))
        if not rows:
            return _error(open311.unknown_request(request_id))
        body = [open311.record(rows[0], runtime.catalogue, detailed, _language(request))]
    return JSONResponse(body)
