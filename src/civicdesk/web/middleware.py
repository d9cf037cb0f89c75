"""ASGI middleware: request ids, the body size limit, access logs and Prometheus metrics."""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civicdesk.web.logs import request_id_var

log = logging.getLogger("civicdesk.access")

REQUESTS = Counter("civicdesk_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram(
    "civicdesk_http_request_duration_seconds",
    "HTTP request latency",
    ["route"],
    buckets=(0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)


class BodyTooLarge(Exception):
    pass


def _error_body(code: str, message: str, request_id: str) -> bytes:
    return json.dumps(
        {"error": {"code": code, "message": message, "request_id": request_id}}, ensure_ascii=False
    ).encode()


class PlatformMiddleware:
    """Wraps every HTTP request: assigns an id, enforces the size limit, logs and measures it."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            declared = headers.get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
                await self._too_large(send_wrapper, request_id)
                return
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > self.max_body_bytes:
                        raise BodyTooLarge
                return message

            try:
                await self.app(scope, limited_receive, send_wrapper)
            except BodyTooLarge:
                if not response_started:
                    await self._too_large(send_wrapper, request_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            REQUESTS.labels(scope.get("method", ""), route, str(status)).inc()
            LATENCY.labels(route).observe(elapsed)
            log.info(
                "request",
                extra={
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )
            request_id_var.reset(token)

    async def _too_large(self, send: Send, request_id: str) -> None:
        body = _error_body(
            "E413", f"the request body is larger than the limit of {self.max_body_bytes} bytes", request_id
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _route_template(scope: Scope) -> str:
    # The matched route's template keeps metric labels few ("/api/v1/services/{service_id}").
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"
