"""The FastAPI application: create_app(settings) wires the platform, the API and the pages."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from civicdesk import __version__
from civicdesk.runtime import Runtime
from civicdesk.settings import Settings
from civicdesk.web.errors import install_error_handlers
from civicdesk.web.logs import configure_logging
from civicdesk.web.middleware import PlatformMiddleware

STATIC_DIR = Path(__file__).parent / "static"

# Router modules, each exposing `router`. API routers before pages so /api paths win.
ROUTERS = (
    "civicdesk.web.api.operations",
    "civicdesk.web.api.catalogue",
    "civicdesk.web.api.assistant",
    "civicdesk.web.api.cases",
    "civicdesk.web.api.open311",
    "civicdesk.web.api.privacy",
    "civicdesk.web.pages.catalogue",
    "civicdesk.web.pages.assistant",
    "civicdesk.web.pages.cases",
    "civicdesk.web.staff",
)


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    settings = settings or Settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        started = runtime or Runtime.start(settings)
        app.state.runtime = started
        try:
            yield
        finally:
            if runtime is None:
                started.close()

    app = FastAPI(
        title="civicdesk",
        version=__version__,
        description="An open platform for AI in public services: catalogue, assistant, cases and privacy.",
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    install_error_handlers(app)
    for name in ROUTERS:
        app.include_router(importlib.import_module(name).router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(PlatformMiddleware, max_body_bytes=settings.max_body_bytes)
    return app
