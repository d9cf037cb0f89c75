"""What every console route needs: who is signed in, CSRF checks, JSON-or-HTML, the cookies, safe headers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, ParamSpec, cast
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from civicdesk.cases import CipherLike, Policy, district_name
from civicdesk.cases.contact import ContactCipher
from civicdesk.errors import CivicdeskError
from civicdesk.privacy.factory import keyring_from
from civicdesk.runtime import Runtime
from civicdesk.settings import Settings
from civicdesk.staff import (
    CsrfRejected,
    LoginThrottled,
    NotSignedIn,
    RateLimitPolicy,
    SessionPolicy,
    SignedIn,
    csrf_valid,
)
from civicdesk.staff.sessions import resolve_session
from civicdesk.web.errors import STATUS_BY_KIND
from civicdesk.web.pages.rendering import render, ui_language

P = ParamSpec("P")
HONG_KONG = ZoneInfo("Asia/Hong_Kong")

SESSION_COOKIE = "civicdesk_staff"
LOGIN_COOKIE = "civicdesk_staff_login"
COOKIE_PATH = "/staff"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
# Console pages hold personal data and one-click actions: never cached, never framed.
SAFE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def session_policy(settings: Settings) -> SessionPolicy:
    return SessionPolicy(
        idle_timeout=timedelta(minutes=settings.staff_session_idle_minutes),
        max_age=timedelta(hours=settings.staff_session_max_hours),
    )


def rate_limit_policy(settings: Settings) -> RateLimitPolicy:
    return RateLimitPolicy(
        max_failures_per_username=settings.staff_login_max_failures_per_username,
        max_failures_per_ip=settings.staff_login_max_failures_per_ip,
        window=timedelta(seconds=settings.staff_login_window_seconds),
    )


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def wants_json(request: Request) -> bool:
    """The JSON twin: /staff/api/..., ?format=json, or a client that asks for JSON and not HTML."""
    if request.url.path.startswith("/staff/api/") or request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def cookie_secure(request: Request) -> bool:
    settings = settings_of(request)
    if settings.staff_cookie_secure is not None:
        return settings.staff_cookie_secure
    return settings.environment == "production" or request.url.scheme == "https"


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int | None = None) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=cookie_secure(request),
        httponly=True,
        samesite="lax",
    )


def clear_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(name, path=COOKIE_PATH, secure=cookie_secure(request), httponly=True, samesite="lax")


def current(request: Request) -> SignedIn | None:
    """The signed-in staff user of this request (resolved once per request), or None."""
    if hasattr(request.state, "staff"):
        cached: SignedIn | None = request.state.staff
        return cached
    settings = settings_of(request)
    with runtime_of(request).database.session() as session:
        signed_in = resolve_session(
            session, request.cookies.get(SESSION_COOKIE), settings.secret_key, session_policy(settings)
        )
    request.state.staff = signed_in
    return signed_in


def require_user(request: Request) -> SignedIn:
    signed_in = current(request)
    if signed_in is None:
        raise NotSignedIn
    return signed_in


def check_csrf(request: Request, signed_in: SignedIn, submitted: str | None = None) -> None:
    """A state-changing request must carry its session's token: the form field or the X-CSRF-Token header."""
    token = submitted if submitted else request.headers.get(CSRF_HEADER)
    if not csrf_valid(settings_of(request).secret_key, signed_in.token, token):
        raise CsrfRejected


def login_redirect(request: Request) -> RedirectResponse:
    if request.method != "GET":  # a form posted after the session ended: start again from the console
        return RedirectResponse("/staff/login", status_code=303, headers=SAFE_HEADERS)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/staff/login?next={quote(target, safe='')}", status_code=303, headers=SAFE_HEADERS)


def safe_next(value: str | None) -> str:
    """Only console paths on this site (no `//host`, no scheme): an open redirect would aid phishing."""
    if value and value.startswith("/staff") and not value.startswith("//") and "\\" not in value and "://" not in value:
        return value
    return "/staff"


def hong_kong_time(moment: datetime | None) -> str:
    """A time as officers read it: Hong Kong local time, to the minute."""
    if moment is None:
        return "—"
    return moment.astimezone(HONG_KONG).strftime("%Y-%m-%d %H:%M")


def _district(language: str, district_id: str | None) -> str:
    return district_name(district_id, language) or "—"


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    signed_in = current(request)
    csrf = signed_in.csrf(settings_of(request).secret_key) if signed_in else ""
    response = render(
        request,
        template,
        status_code=status_code,
        staff=signed_in,
        csrf_token=csrf,
        catalogue=runtime_of(request).catalogue,
        when=hong_kong_time,
        district=functools.partial(_district, ui_language(request)),
        **context,
    )
    response.headers.update(SAFE_HEADERS)
    return response


def as_json(content: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(content, status_code=status_code, headers={**SAFE_HEADERS, **(headers or {})})


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303, headers=SAFE_HEADERS)


def error_status(exc: CivicdeskError) -> int:
    if isinstance(exc, LoginThrottled):
        return 429
    return STATUS_BY_KIND.get(exc.kind, 400)


def error_response(
    request: Request, exc: CivicdeskError, template: str = "staff/error.html", **context: Any
) -> Response:
    """A domain error as JSON `{"error": {...}}` or as a console page, with the right status."""
    status = error_status(exc)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, LoginThrottled) else {}
    if wants_json(request):
        body: dict[str, Any] = {"code": exc.code, "message": exc.message}
        if exc.field:
            body["field"] = exc.field
        request_id = getattr(request.state, "request_id", None)
        if request_id:
            body["request_id"] = request_id
        return as_json({"error": body}, status_code=status, headers=headers)
    response = page(request, template, status_code=status, error=exc, status=status, **context)
    response.headers.update(headers)
    return response


def console(endpoint: Callable[P, Response]) -> Callable[P, Response]:
    """Wrap a console route: no session sends a browser to the sign-in page; domain errors become 401/403/404/409/
    422/429 pages or JSON, never the public error page. The route must take `request: Request` by keyword."""

    @functools.wraps(endpoint)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Response:
        request = kwargs["request"]
        assert isinstance(request, Request)
        try:
            return endpoint(*args, **kwargs)
        except NotSignedIn as exc:
            if wants_json(request):
                return error_response(request, exc)
            return login_redirect(request)
        except CivicdeskError as exc:
            return error_response(request, exc)

    return wrapper


def case_policy(request: Request) -> Policy:
    """The running case desk's policy, or the settings' (the desk may be absent in a minimal runtime)."""
    desk = runtime_of(request).components.get("cases")
    policy = getattr(desk, "policy", None)
    return policy if isinstance(policy, Policy) else Policy.from_settings(settings_of(request))


def case_cipher(request: Request) -> CipherLike | None:
    """The key ring contact details were sealed with: the case desk's, else the privacy module's from settings."""
    desk = runtime_of(request).components.get("cases")
    cipher = getattr(desk, "cipher", None)
    if cipher is not None:
        return cast(CipherLike, cipher)
    keyring = runtime_of(request).components.get("keyring") or keyring_from(settings_of(request))
    return ContactCipher(keyring) if keyring is not None else None
