"""Staff accounts: create, change, list, and authenticate (with the sign-in rate limit)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from civicdesk.errors import Conflict, NotFound
from civicdesk.staff.clock import as_utc, utcnow
from civicdesk.staff.errors import InvalidCredentials, StaffError
from civicdesk.staff.model import Role, StaffUser
from civicdesk.staff.passwords import dummy_hash, hash_password, needs_rehash, verify_password
from civicdesk.staff.ratelimit import RateLimitPolicy, check_login_allowed, record_attempt
from civicdesk.store.tables import StaffDepartmentRow, StaffUserRow

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


def normalise_username(username: str) -> str:
    return username.strip().lower()


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise StaffError("E560", f"unknown role '{value[:20]}': choose one of {choices}", field="role") from None


def _departments(role: Role, departments: Iterable[str], known: Collection[str] | None) -> frozenset[str]:
    chosen = frozenset(d.strip() for d in departments if d.strip())
    if role is Role.OFFICER and not chosen:
        raise StaffError("E561", "an officer belongs to at least one department: name one", field="departments")
    if role is not Role.OFFICER and chosen:
        raise StaffError("E561", f"a {role.value} has no departments: leave them out", field="departments")
    unknown = sorted(chosen - set(known)) if known is not None else []
    if unknown:
        raise StaffError(
            "E561", f"unknown department code(s): {', '.join(unknown)}; use the catalogue's codes", field="departments"
        )
    return chosen


def _to_user(session: Session, row: StaffUserRow) -> StaffUser:
    departments = session.scalars(
        select(StaffDepartmentRow.department_code).where(StaffDepartmentRow.user_id == row.id)
    )
    return StaffUser(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        departments=frozenset(departments),
        active=row.active,
        created_at=as_utc(row.created_at) if row.created_at else None,
        last_login_at=as_utc(row.last_login_at) if row.last_login_at else None,
    )


def _row(session: Session, username: str) -> StaffUserRow:
    row = session.scalar(select(StaffUserRow).where(StaffUserRow.username == normalise_username(username)))
    if row is None:
        raise NotFound("E564", f"no staff user called '{username[:64]}'; `civicdesk staff list` shows them")
    return row


def create_user(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    role: str,
    departments: Iterable[str] = (),
    known_departments: Collection[str] | None = None,
) -> StaffUser:
    name = normalise_username(username)
    if not USERNAME_PATTERN.match(name):
        raise StaffError(
            "E562",
            "a username is 2-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit",
            field="username",
        )
    if session.scalar(select(StaffUserRow.id).where(StaffUserRow.username == name)) is not None:
        raise Conflict("E562", f"the username '{name}' is taken; choose another")
    chosen_role = _role(role)
    chosen_departments = _departments(chosen_role, departments, known_departments)
    display = display_name.strip() or name
    row = StaffUserRow(
        username=name,
        display_name=display[:120],
        password_hash=hash_password(password),
        role=chosen_role.value,
        active=True,
        password_changed_at=utcnow(),
    )
    session.add(row)
    session.flush()
    session.add_all(StaffDepartmentRow(user_id=row.id, department_code=code) for code in sorted(chosen_departments))
    session.flush()
    return _to_user(session, row)


def set_password(session: Session, username: str, password: str) -> StaffUser:
    """Change a password and end every session of that user."""
    from civicdesk.staff.sessions import end_all_sessions

    row = _row(session, username)
    row.password_hash = hash_password(password)
    row.password_changed_at = utcnow()
    end_all_sessions(session, row.id)
    session.flush()
    return _to_user(session, row)


def update_user(
    session: Session,
    username: str,
    *,
    display_name: str | None = None,
    role: str | None = None,
    departments: Iterable[str] | None = None,
    active: bool | None = None,
    known_departments: Collection[str] | None = None,
) -> StaffUser:
    """Change a user's name, role, departments or active flag; deactivating ends their sessions."""
    from civicdesk.staff.sessions import end_all_sessions

    row = _row(session, username)
    new_role = _role(role) if role is not None else Role(row.role)
    if departments is not None or role is not None:
        current = session.scalars(
            select(StaffDepartmentRow.department_code).where(StaffDepartmentRow.user_id == row.id)
        )
        wanted = _departments(new_role, departments if departments is not None else list(current), known_departments)
        session.execute(delete(StaffDepartmentRow).where(StaffDepartmentRow.user_id == row.id))
        session.add_all(StaffDepartmentRow(user_id=row.id, department_code=code) for code in sorted(wanted))
        row.role = new_role.value
    if display_name is not None and display_name.strip():
        row.display_name = display_name.strip()[:120]
    if active is not None:
        row.active = active
        if not active:
            end_all_sessions(session, row.id)
    session.flush()
    return _to_user(session, row)


def get_user(session: Session, user_id: int) -> StaffUser | None:
    row = session.get(StaffUserRow, user_id)
    return _to_user(session, row) if row is not None else None


def get_user_by_username(session: Session, username: str) -> StaffUser:
    return _to_user(session, _row(session, username))


def list_users(session: Session) -> list[StaffUser]:
    rows = session.scalars(select(StaffUserRow).order_by(StaffUserRow.username))
    return [_to_user(session, row) for row in rows]


def authenticate(
    session: Session,
    username: str,
    password: str,
    client_ip: str,
    policy: RateLimitPolicy,
    now: datetime | None = None,
) -> StaffUser:
    """The user, if the password is right, the account active and the rate limit not reached.

    Raises LoginThrottled (E566) before checking the password when limited, InvalidCredentials (E565) otherwise.
    A failed attempt is committed before raising, so the caller's rollback cannot erase it from the rate limit.
    """
    now = now or utcnow()
    name = normalise_username(username)[:64]
    check_login_allowed(session, name, client_ip, policy, now)
    row = session.scalar(select(StaffUserRow).where(StaffUserRow.username == name))
    # An unknown user costs one argon2 verification too, so timing does not reveal which usernames exist.
    ok = verify_password(row.password_hash if row is not None else dummy_hash(), password)
    if row is None or not ok or not row.active:
        record_attempt(session, name, client_ip, succeeded=False, now=now)
        session.commit()
        raise InvalidCredentials
    record_attempt(session, name, client_ip, succeeded=True, now=now)
    if needs_rehash(row.password_hash):
        row.password_hash = hash_password(password)
    row.last_login_at = now
    session.flush()
    return _to_user(session, row)


def officers_of(session: Session, department: str) -> list[StaffUser]:
    """The active officers of one department (who a case can be assigned to), by username."""
    rows = session.scalars(
        select(StaffUserRow)
        .join(StaffDepartmentRow, StaffDepartmentRow.user_id == StaffUserRow.id)
        .where(StaffDepartmentRow.department_code == department, StaffUserRow.active.is_(True))
        .order_by(StaffUserRow.username)
    )
    return [_to_user(session, row) for row in rows]
