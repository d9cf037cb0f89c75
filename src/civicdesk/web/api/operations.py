"""/healthz (alive), /readyz (database and catalogue loaded), /metrics (Prometheus)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

router = APIRouter(tags=["operations"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> Response:
    runtime = getattr(request.app.state, "runtime", None)
    checks: dict[str, Any] = {
        "database": bool(runtime and runtime.database.ping()),
        "catalogue": bool(runtime and runtime.catalogue.services),
        "components": bool(runtime and runtime.ready),
    }
    body: dict[str, Any] = {"status": "ready" if all(checks.values()) else "not ready", "checks": checks}
    if runtime is not None:
        body["catalogue_version"] = runtime.catalogue.version
        body["services"] = len(runtime.catalogue.services)
    return JSONResponse(body, status_code=200 if all(checks.values()) else 503)


@router.get("/metrics")
def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
