"""Accounts: creation rules, password changes, deactivation, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from civicdesk.errors import CivicdeskError
from civicdesk.staff import (
    Role,
    SessionPolicy,
    create_user,
    get_user_by_username,
    list_users,
    resolve_session,
    set_password,
    start_session,
    update_user,
    verify_password,
)
from civicdesk.store import Database
from civicdesk.store.tables import StaffUserRow
from tests.staff.conftest import DEPARTMENTS, PASSWORD

SECRET = "test-secret"


def test_create_users_of_each_role(database: Database) -> None:
    with database.session() as session:
        officer = create_user(session, " Chan.TM ", "Chan Tai Man", PASSWORD, "officer", ["FEHD", "HyD"], DEPARTMENTS)
        create_user(session, "coord", "Coordinator", PASSWORD, "coordinator", known_departments=DEPARTMENTS)
        create_user(session, "root", "", PASSWORD, "admin")
    assert officer.username == "chan.tm" and officer.role is Role.OFFICER
    assert officer.departments == {"FEHD", "HyD"}
    with database.session() as session:
        users = list_users(session)
        row = session.query(StaffUserRow).filter_by(username="chan.tm").one()
    assert [u.username for u in users] == ["chan.tm", "coord", "root"]
    assert users[2].display_name == "root"
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert verify_password(row.password_hash, PASSWORD) and not verify_password(row.password_hash, PASSWORD + "x")


@pytest.mark.parametrize(
    ("username", "password", "role", "departments", "code"),
    [
        ("a", PASSWORD, "officer", ["FEHD"], "E562"),
        ("has space", PASSWORD, "officer", ["FEHD"], "E562"),
        ("ok-name", "short", "officer", ["FEHD"], "E563"),
        ("ok-name", " " + PASSWORD, "officer", ["FEHD"], "E563"),
        ("ok-name", PASSWORD, "superuser", [], "E560"),
        ("ok-name", PASSWORD, "officer", [], "E561"),
        ("ok-name", PASSWORD, "coordinator", ["FEHD"], "E561"),
        ("ok-name", PASSWORD, "officer", ["NOPE"], "E561"),
    ],
)
def test_invalid_accounts_are_refused_with_a_code(
    database: Database, username: str, password: str, role: str, departments: list[str], code: str
) -> None:
    with pytest.raises(CivicdeskError) as raised, database.session() as session:
        create_user(session, username, "", password, role, departments, DEPARTMENTS)
    assert raised.value.code == code


def test_a_taken_username_is_a_conflict(database: Database) -> None:
    with database.session() as session:
        create_user(session, "lee", "", PASSWORD, "admin")
    with pytest.raises(CivicdeskError) as raised, database.session() as session:
        create_user(session, "LEE", "", PASSWORD, "admin")
    assert raised.value.code == "E562" and raised.value.kind == "conflict"


def test_password_change_and_deactivation_end_sessions(database: Database) -> None:
    policy = SessionPolicy()
    with database.session() as session:
        user = create_user(session, "wong", "", PASSWORD, "officer", ["TD"], DEPARTMENTS)
        cookie = start_session(session, user, SECRET, policy, "10.0.0.1", "pytest")
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, policy) is not None
        set_password(session, "wong", "another long password")
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, policy) is None
        cookie = start_session(session, get_user_by_username(session, "wong"), SECRET, policy, "10.0.0.1", "pytest")
    with database.session() as session:
        changed = update_user(session, "wong", active=False)
        assert not changed.active
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, policy) is None


def test_update_role_and_departments(database: Database) -> None:
    with database.session() as session:
        create_user(session, "ho", "", PASSWORD, "officer", ["TD"], DEPARTMENTS)
    with database.session() as session:
        moved = update_user(session, "ho", departments=["BD", "LCSD"], known_departments=DEPARTMENTS)
        assert moved.departments == {"BD", "LCSD"}
        promoted = update_user(session, "ho", role="coordinator", departments=[])
        assert promoted.role is Role.COORDINATOR and promoted.departments == frozenset()
    with pytest.raises(CivicdeskError) as raised, database.session() as session:
        update_user(session, "nobody", active=False)
    assert raised.value.code == "E564" and raised.value.kind == "not_found"
