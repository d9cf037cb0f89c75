"""Sign-in: argon2 check, one error for every kind of failure, and the sliding-window rate limit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from civicdesk.errors import CivicdeskError
from civicdesk.staff import InvalidCredentials, LoginThrottled, RateLimitPolicy, authenticate, create_user, update_user
from civicdesk.staff.clock import utcnow
from civicdesk.store import Database
from tests.staff.conftest import DEPARTMENTS, PASSWORD

POLICY = RateLimitPolicy(max_failures_per_username=3, max_failures_per_ip=5, window=timedelta(minutes=10))


@pytest.fixture
def officer(database: Database) -> Database:
    with database.session() as session:
        create_user(session, "chan", "Chan", PASSWORD, "officer", ["FEHD"], DEPARTMENTS)
        create_user(session, "retired", "Retired", PASSWORD, "officer", ["FEHD"], DEPARTMENTS)
        update_user(session, "retired", active=False)
    return database


def _try(database: Database, username: str, password: str, ip: str = "10.0.0.1", at: object = None) -> str:
    try:
        with database.session() as session:
            user = authenticate(session, username, password, ip, POLICY, now=at)  # type: ignore[arg-type]
    except CivicdeskError as exc:
        return exc.code
    return user.username


def test_right_password_signs_in_and_records_the_time(officer: Database) -> None:
    assert _try(officer, "Chan", PASSWORD) == "chan"


@pytest.mark.parametrize(
    ("username", "password"), [("chan", PASSWORD + "!"), ("nobody", PASSWORD), ("retired", PASSWORD), ("chan", "")]
)
def test_every_failure_gives_the_same_error(officer: Database, username: str, password: str) -> None:
    with pytest.raises(InvalidCredentials) as raised, officer.session() as session:
        authenticate(session, username, password, "10.0.0.1", POLICY)
    assert raised.value.code == "E565" and raised.value.kind == "unauthorised"


def test_username_is_locked_after_the_limit_even_with_the_right_password(officer: Database) -> None:
    start = utcnow()
    for minute in range(3):
        assert _try(officer, "chan", "wrong password!", at=start + timedelta(minutes=minute)) == "E565"
    with pytest.raises(LoginThrottled) as raised, officer.session() as session:
        authenticate(session, "chan", PASSWORD, "10.9.9.9", POLICY, now=start + timedelta(minutes=3))
    assert raised.value.code == "E566" and raised.value.scope == "username"
    # The oldest failure (at start) leaves the 10-minute window at start + 10 min: 7 minutes later.
    assert raised.value.retry_after == 7 * 60
    # Sliding: once the first failure is out of the window, one more attempt is allowed.
    assert _try(officer, "chan", PASSWORD, at=start + timedelta(minutes=10, seconds=1)) == "chan"


def test_one_address_is_limited_across_usernames(officer: Database) -> None:
    start = utcnow()
    for i in range(5):
        assert _try(officer, f"guess{i}", "wrong password!", ip="203.0.113.7", at=start) == "E565"
    assert _try(officer, "chan", PASSWORD, ip="203.0.113.7", at=start) == "E566"
    assert _try(officer, "chan", PASSWORD, ip="198.51.100.1", at=start) == "chan"


def test_successes_do_not_count_towards_the_limit(officer: Database) -> None:
    start = utcnow()
    for _ in range(6):
        assert _try(officer, "chan", PASSWORD, at=start) == "chan"
