"""`civicdesk db upgrade`: run the database migrations."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk.commands import load_settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="database migrations")
    actions = parser.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    up = actions.add_parser("upgrade", help="migrate the database to the latest revision")
    up.add_argument("--revision", default="head")
    up.set_defaults(handler=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    from civicdesk.store import upgrade

    settings = load_settings()
    upgrade(settings.resolved_database_url, args.revision)
    print(f"database at {args.revision}: {settings.resolved_database_url.split('@')[-1]}")
    return 0
