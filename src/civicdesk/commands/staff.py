"""`civicdesk staff create-user|set-password|list`: manage officer console accounts from the command line.

Passwords are read with a hidden prompt, or from the first line of standard input with `--password-stdin`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from civicdesk.commands import load_settings
from civicdesk.errors import CivicdeskError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("staff", help="manage officer console accounts")
    actions = parser.add_subparsers(dest="staff_action", required=True, metavar="ACTION")

    create = actions.add_parser("create-user", help="create a staff account")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=("officer", "coordinator", "admin"))
    create.add_argument(
        "--department", action="append", default=[], metavar="CODE", help="an officer's department (repeatable)"
    )
    create.add_argument("--display-name", default="", help="name shown in the console and in case history")
    create.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    create.set_defaults(handler=run_create)

    password = actions.add_parser("set-password", help="set a new password (ends the user's sessions)")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    password.set_defaults(handler=run_set_password)

    listing = actions.add_parser("list", help="list staff accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CivicdeskError("E571", "no terminal to prompt for a password: pass --password-stdin and pipe it in")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise CivicdeskError("E571", "the two passwords differ; run the command again")
    return first


def _database() -> Any:
    from civicdesk.runtime import database_is_current
    from civicdesk.store import Database, upgrade

    settings = load_settings()
    database = Database(settings.resolved_database_url)
    if database.is_sqlite:
        upgrade(database.url)
    else:
        current, revision, head = database_is_current(database)
        if not current:
            database.dispose()
            raise CivicdeskError(
                "E002", f"the database is at revision {revision}, the code needs {head}: run `civicdesk db upgrade`"
            )
    return database


def _fail(exc: CivicdeskError) -> int:
    print(f"{exc.code}: {exc.message}", file=sys.stderr)
    return 1


def run_create(args: argparse.Namespace) -> int:
    from civicdesk.catalogue import load_catalogue
    from civicdesk.staff import create_user

    try:
        password = _read_password(args.password_stdin)
        database = _database()
        try:
            with database.session() as session:
                user = create_user(
                    session,
                    args.username,
                    args.display_name,
                    password,
                    args.role,
                    args.department,
                    known_departments=set(load_catalogue().departments),
                )
        finally:
            database.dispose()
    except CivicdeskError as exc:
        return _fail(exc)
    departments = f" in {', '.join(sorted(user.departments))}" if user.departments else ""
    print(f"created {user.role.value} '{user.username}'{departments}")
    return 0


def run_set_password(args: argparse.Namespace) -> int:
    from civicdesk.staff import set_password

    try:
        password = _read_password(args.password_stdin)
        database = _database()
        try:
            with database.session() as session:
                user = set_password(session, args.username, password)
        finally:
            database.dispose()
    except CivicdeskError as exc:
        return _fail(exc)
    print(f"password changed for '{user.username}'; their sessions have ended")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from civicdesk.staff import list_users

    try:
        database = _database()
        try:
            with database.session() as session:
                users = list_users(session)
        finally:
            database.dispose()
    except CivicdeskError as exc:
        return _fail(exc)
    if args.json:
        print(json.dumps([user.to_dict() for user in users], ensure_ascii=False, indent=2))
        return 0
    for user in users:
        state = "active" if user.active else "inactive"
        departments = ",".join(sorted(user.departments)) or "-"
        print(f"{user.username:<24} {user.role.value:<12} {departments:<20} {state:<9} {user.display_name}")
    return 0
