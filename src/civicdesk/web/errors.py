"""Every error reaches the client as JSON `{"error": {"code", "message", ...}}` (or a page), never a trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from civicdesk.errors import CivicdeskError

log = logging.getLogger("civicdesk.web")

STATUS_BY_KIND = {
    "invalid": 422,
    "not_found": 404,
    "conflict": 409,
    "too_large": 413,
    "forbidden": 403,
    "unauthorised": 401,
    "unavailable": 503,
}


def error_response(request: Request, status: int, code: str, message: str, **extra: Any) -> Response:
    body: dict[str, Any] = {"code": code, "message": message, **extra}
    request_id = getattr(request.state, "request_id", None)
    if request_id:
        body["request_id"] = request_id
    if _wants_html(request):
        from civicdesk.web.pages.rendering import render_error

        return render_error(request, status, message)
    return JSONResponse({"error": body}, status_code=status)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/open311/")) or path in ("/healthz", "/readyz", "/metrics"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _field_name(location: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or str(location[-1] if location else "body")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(CivicdeskError)
    async def domain_error(request: Request, exc: CivicdeskError) -> Response:
        extra = {"field": exc.field} if exc.field else {}
        return error_response(request, STATUS_BY_KIND.get(exc.kind, 400), exc.code, exc.message, **extra)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        fields = []
        for err in exc.errors():
            fields.append({"field": _field_name(err.get("loc", ())), "message": err.get("msg", "invalid")})
        if any(err.get("type") == "json_invalid" for err in exc.errors()):
            message = "the request body is not valid JSON (it must be UTF-8 encoded JSON)"
        else:
            message = "invalid " + ", ".join(sorted({f["field"] for f in fields}))
        return error_response(request, 422, "E422", message, fields=fields)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "not found", 405: "method not allowed"}
        message = exc.detail if isinstance(exc.detail, str) else messages.get(exc.status_code, "error")
        return error_response(request, exc.status_code, f"E{exc.status_code}", message)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error")
        return error_response(
            request, 500, "E500", "an internal error occurred; it has been logged with this request id"
        )
