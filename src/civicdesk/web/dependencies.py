"""Request-scoped access to the running platform."""

from __future__ import annotations

from fastapi import Request

from civicdesk.runtime import Runtime


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime
