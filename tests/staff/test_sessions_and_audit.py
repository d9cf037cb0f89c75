"""Sessions (signed cookie, server-side, idle and absolute expiry), CSRF tokens and the contact-view log."""

from __future__ import annotations

from datetime import timedelta

import pytest

from civicdesk.staff import (
    SessionPolicy,
    contact_views,
    create_user,
    csrf_valid,
    end_session,
    log_contact_view,
    login_csrf_token,
    login_csrf_valid,
    resolve_session,
    start_session,
)
from civicdesk.staff.clock import utcnow
from civicdesk.staff.tokens import token_digest, token_from_cookie
from civicdesk.store import Database
from civicdesk.store.tables import StaffSessionRow
from tests.staff.conftest import DEPARTMENTS, PASSWORD

SECRET = "test-secret"
POLICY = SessionPolicy(idle_timeout=timedelta(minutes=30), max_age=timedelta(hours=8))


@pytest.fixture
def cookie(database: Database) -> str:
    with database.session() as session:
        user = create_user(session, "chan", "Chan", PASSWORD, "officer", ["FEHD"], DEPARTMENTS)
        return start_session(session, user, SECRET, POLICY, "10.0.0.1", "pytest")


def test_a_session_resolves_to_its_user_and_stores_only_a_digest(database: Database, cookie: str) -> None:
    with database.session() as session:
        signed_in = resolve_session(session, cookie, SECRET, POLICY)
        token = token_from_cookie(SECRET, cookie)
        assert token is not None
        assert session.get(StaffSessionRow, token) is None
        assert session.get(StaffSessionRow, token_digest(token)) is not None
    assert signed_in is not None and signed_in.user.username == "chan"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda c: c[:-2] + ("AA" if not c.endswith("AA") else "BB"),
        lambda c: "x" + c,
        lambda c: c.split(".")[0],
        lambda c: "",
    ],
)
def test_a_tampered_cookie_is_nobody(database: Database, cookie: str, mangle: object) -> None:
    with database.session() as session:
        assert resolve_session(session, mangle(cookie), SECRET, POLICY) is None  # type: ignore[operator]
        assert resolve_session(session, cookie, "another secret", POLICY) is None


def test_idle_and_absolute_expiry(database: Database, cookie: str) -> None:
    now = utcnow()
    with database.session() as session:
        for minutes in (10, 35, 60):  # stays alive while used at least every 30 minutes
            assert resolve_session(session, cookie, SECRET, POLICY, now=now + timedelta(minutes=minutes)) is not None
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, POLICY, now=now + timedelta(hours=9)) is None


def test_idle_timeout_ends_the_session(database: Database, cookie: str) -> None:
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, POLICY, now=utcnow() + timedelta(minutes=31)) is None
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, POLICY) is None


def test_sign_out_ends_the_session(database: Database, cookie: str) -> None:
    with database.session() as session:
        end_session(session, cookie, SECRET)
    with database.session() as session:
        assert resolve_session(session, cookie, SECRET, POLICY) is None


def test_csrf_tokens_are_bound_to_their_session(database: Database, cookie: str) -> None:
    with database.session() as session:
        signed_in = resolve_session(session, cookie, SECRET, POLICY)
        assert signed_in is not None
        other = start_session(session, signed_in.user, SECRET, POLICY, "10.0.0.2", "pytest")
        other_signed_in = resolve_session(session, other, SECRET, POLICY)
        assert other_signed_in is not None
    token = signed_in.csrf(SECRET)
    assert csrf_valid(SECRET, signed_in.token, token)
    assert not csrf_valid(SECRET, other_signed_in.token, token)
    assert not csrf_valid(SECRET, signed_in.token, None)
    assert not csrf_valid(SECRET, signed_in.token, "")
    nonce = "random-login-nonce"
    assert login_csrf_valid(SECRET, nonce, login_csrf_token(SECRET, nonce))
    assert not login_csrf_valid(SECRET, "other-nonce", login_csrf_token(SECRET, nonce))
    assert not login_csrf_valid(SECRET, nonce, token)


def test_contact_views_are_logged_newest_first(database: Database, cookie: str) -> None:
    now = utcnow()
    with database.session() as session:
        user = resolve_session(session, cookie, SECRET, POLICY)
        assert user is not None
        log_contact_view(session, user.user, "HK-2026-000001", "10.0.0.1", now=now)
        log_contact_view(session, user.user, "HK-2026-000002", "10.0.0.1", now=now + timedelta(seconds=5))
    with database.session() as session:
        views = contact_views(session)
        one = contact_views(session, case_reference="HK-2026-000001")
    assert [v.case_reference for v in views] == ["HK-2026-000002", "HK-2026-000001"]
    assert len(one) == 1 and one[0].username == "chan" and one[0].viewed_at.tzinfo is not None
