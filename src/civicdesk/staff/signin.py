"""Sign-in as one step: authenticate under the rate limit, then open a session."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from civicdesk.staff.accounts import authenticate
from civicdesk.staff.clock import utcnow
from civicdesk.staff.ratelimit import RateLimitPolicy
from civicdesk.staff.sessions import SessionPolicy, SignedIn, start_session
from civicdesk.staff.tokens import token_from_cookie


def sign_in(
    session: Session,
    username: str,
    password: str,
    client_ip: str,
    user_agent: str,
    secret_key: str,
    rate_limit: RateLimitPolicy,
    session_policy: SessionPolicy,
    now: datetime | None = None,
) -> tuple[SignedIn, str]:
    """The new session and the cookie value that carries it. Raises E565 (wrong credentials) or E566 (limited)."""
    now = now or utcnow()
    user = authenticate(session, username, password, client_ip, rate_limit, now=now)
    cookie = start_session(session, user, secret_key, session_policy, client_ip, user_agent, now=now)
    token = token_from_cookie(secret_key, cookie)
    assert token is not None
    return SignedIn(user=user, token=token, expires_at=now + session_policy.max_age), cookie
