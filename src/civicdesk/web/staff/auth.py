"""Sign in and out: /staff/login, /staff/logout, /staff (the console's start page), /staff/api/session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from civicdesk.errors import CivicdeskError
from civicdesk.staff import (
    CsrfRejected,
    InvalidCredentials,
    LoginThrottled,
    SignedIn,
    can_manage_users,
    can_view_coordination,
    can_view_dashboard,
    login_csrf_token,
    login_csrf_valid,
    new_token,
    sign_in,
)
from civicdesk.staff.sessions import end_session
from civicdesk.web.staff.context import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    as_json,
    check_csrf,
    clear_cookie,
    client_ip,
    console,
    current,
    error_response,
    page,
    rate_limit_policy,
    redirect,
    require_user,
    runtime_of,
    safe_next,
    session_policy,
    set_cookie,
    settings_of,
    wants_json,
)

router = APIRouter(include_in_schema=False)


class LoginIn(BaseModel):
    username: str = Field(max_length=200)
    password: str = Field(max_length=1000)


def _links(signed_in: SignedIn) -> dict[str, object]:
    user = signed_in.user
    return {
        "queues": [f"/staff/queue/{code}" for code in sorted(user.departments)],
        "coordination": "/staff/coordination" if can_view_coordination(user) else None,
        "dashboard": "/staff/dashboard" if can_view_dashboard(user) else None,
        "users": "/staff/users" if can_manage_users(user) else None,
    }


def _session_json(request: Request, signed_in: SignedIn) -> dict[str, object]:
    return {
        "user": signed_in.user.to_dict(),
        "csrf_token": signed_in.csrf(settings_of(request).secret_key),
        "expires_at": signed_in.expires_at.isoformat(),
        "links": _links(signed_in),
    }


def _login_page(request: Request, status_code: int = 200, error: CivicdeskError | None = None) -> Response:
    nonce = new_token()
    response = page(
        request,
        "staff/login.html",
        status_code=status_code,
        login_csrf=login_csrf_token(settings_of(request).secret_key, nonce),
        next=safe_next(request.query_params.get("next") or None),
        error=error,
        username=request.query_params.get("username", ""),
    )
    set_cookie(request, response, LOGIN_COOKIE, nonce)
    if isinstance(error, LoginThrottled):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _sign_in(request: Request, username: str, password: str) -> tuple[SignedIn, str]:
    settings = settings_of(request)
    with runtime_of(request).database.session() as session:
        return sign_in(
            session,
            username,
            password,
            client_ip(request),
            request.headers.get("user-agent", ""),
            settings.secret_key,
            rate_limit_policy(settings),
            session_policy(settings),
        )


@router.get("/staff/login")
def login_form(request: Request) -> Response:
    if current(request) is not None:
        return redirect(safe_next(request.query_params.get("next")))
    return _login_page(request)


@router.post("/staff/login")
def login_submit(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token_field: Annotated[str, Form(alias="csrf_token")] = "",
    next_path: Annotated[str, Form(alias="next")] = "/staff",
) -> Response:
    if not login_csrf_valid(settings_of(request).secret_key, request.cookies.get(LOGIN_COOKIE), csrf_token_field):
        return _login_page(request, 403, CsrfRejected())
    try:
        _signed_in, cookie = _sign_in(request, username, password)
    except (InvalidCredentials, LoginThrottled) as exc:
        return _login_page(request, 429 if isinstance(exc, LoginThrottled) else 401, exc)
    response = redirect(safe_next(next_path))
    set_cookie(request, response, SESSION_COOKIE, cookie, max_age=settings_of(request).staff_session_max_hours * 3600)
    clear_cookie(request, response, LOGIN_COOKIE)
    return response


@router.post("/staff/api/login")
def login_json(request: Request, body: LoginIn) -> Response:
    # A JSON body cannot be sent cross-site without a CORS preflight, which this app never grants: no CSRF token.
    try:
        signed_in, cookie = _sign_in(request, body.username, body.password)
    except CivicdeskError as exc:
        return error_response(request, exc)
    response = as_json(_session_json(request, signed_in))
    set_cookie(request, response, SESSION_COOKIE, cookie, max_age=settings_of(request).staff_session_max_hours * 3600)
    return response


@router.post("/staff/logout")
@router.post("/staff/api/logout")
@console
def logout(request: Request, csrf_token_field: Annotated[str, Form(alias="csrf_token")] = "") -> Response:
    signed_in = require_user(request)
    check_csrf(request, signed_in, csrf_token_field)
    with runtime_of(request).database.session() as session:
        end_session(session, request.cookies.get(SESSION_COOKIE), settings_of(request).secret_key)
    response = as_json({"signed_out": True}) if wants_json(request) else redirect("/staff/login")
    clear_cookie(request, response, SESSION_COOKIE)
    return response


@router.get("/staff")
@router.get("/staff/api/session")
@console
def start_page(request: Request) -> Response:
    signed_in = require_user(request)
    if wants_json(request):
        return as_json(_session_json(request, signed_in))
    return page(request, "staff/home.html", links=_links(signed_in))
