"""`civicdesk serve`: run the web app (the default command)."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk.commands import load_settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="run the web app (default)")
    parser.add_argument("--host", help="address to listen on (CIVICDESK_HOST, default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (CIVICDESK_PORT, default 8000)")
    parser.add_argument("--smoke", action="store_true", help="start, check readiness, and exit")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from civicdesk.web.app import create_app

    settings = load_settings(host=args.host, port=args.port)
    app = create_app(settings)
    if args.smoke:
        from fastapi.testclient import TestClient

        with TestClient(app) as client:
            response = client.get("/readyz")
            print(response.text)
            return 0 if response.status_code == 200 else 1
    uvicorn.run(app, host=settings.host, port=settings.port, log_config=None, access_log=False)
    return 0
