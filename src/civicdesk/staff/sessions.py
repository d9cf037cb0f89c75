"""Server-side sessions: a random token in a signed cookie, its SHA-256 in `staff_sessions`.

Server-side so that signing out, deactivating a user or changing a password ends the session at once (a purely
signed cookie could not be revoked); see docs/decisions/0560-staff-sessions-and-csrf.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from civicdesk.staff.accounts import get_user
from civicdesk.staff.clock import as_utc, utcnow
from civicdesk.staff.model import StaffUser
from civicdesk.staff.tokens import csrf_token, new_token, session_cookie_value, token_digest, token_from_cookie
from civicdesk.store.tables import StaffSessionRow

TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SessionPolicy:
    idle_timeout: timedelta = timedelta(minutes=30)
    max_age: timedelta = timedelta(hours=10)


@dataclass(frozen=True)
class SignedIn:
    """A resolved session: who, the session token (for the CSRF token), when it ends."""

    user: StaffUser
    token: str
    expires_at: datetime

    def csrf(self, secret_key: str) -> str:
        return csrf_token(secret_key, self.token)


def start_session(
    session: Session,
    user: StaffUser,
    secret_key: str,
    policy: SessionPolicy,
    client_ip: str,
    user_agent: str,
    now: datetime | None = None,
) -> str:
    """Create a session for `user`; returns the cookie value to set."""
    now = now or utcnow()
    token = new_token()
    session.add(
        StaffSessionRow(
            id=token_digest(token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + policy.max_age,
            client_ip=client_ip[:45],
            user_agent=user_agent[:200],
        )
    )
    # Expired sessions of anyone go when someone signs in: the table stays small without a scheduler.
    session.execute(delete(StaffSessionRow).where(StaffSessionRow.expires_at < now))
    session.flush()
    return session_cookie_value(secret_key, token)


def resolve_session(
    session: Session, cookie: str | None, secret_key: str, policy: SessionPolicy, now: datetime | None = None
) -> SignedIn | None:
    """The signed-in user behind a cookie, or None (unsigned, unknown, expired, idle too long, user inactive)."""
    token = token_from_cookie(secret_key, cookie)
    if token is None:
        return None
    now = now or utcnow()
    row = session.get(StaffSessionRow, token_digest(token))
    if row is None:
        return None
    last_seen = as_utc(row.last_seen_at)
    expires_at = as_utc(row.expires_at)
    if expires_at <= now or now - last_seen > policy.idle_timeout:
        session.delete(row)
        return None
    user = get_user(session, row.user_id)
    if user is None or not user.active:
        return None
    if now - last_seen > TOUCH_EVERY:
        row.last_seen_at = now
    return SignedIn(user=user, token=token, expires_at=expires_at)


def end_session(session: Session, cookie: str | None, secret_key: str) -> None:
    token = token_from_cookie(secret_key, cookie)
    if token is not None:
        session.execute(delete(StaffSessionRow).where(StaffSessionRow.id == token_digest(token)))


def end_all_sessions(session: Session, user_id: int) -> None:
    session.execute(delete(StaffSessionRow).where(StaffSessionRow.user_id == user_id))


def count_sessions(session: Session, user_id: int) -> int:
    return int(
        session.scalar(select(func.count()).select_from(StaffSessionRow).where(StaffSessionRow.user_id == user_id)) or 0
    )
