"""Sign-in rate limiting: a sliding window over failed attempts, per username and per client address.

Attempts live in the database (`login_attempts`), so the limit holds across worker processes and restarts and
the table doubles as a sign-in audit trail; see docs/decisions/0561-login-rate-limiting.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from civicdesk.staff.clock import as_utc, utcnow
from civicdesk.staff.errors import LoginThrottled
from civicdesk.store.tables import LoginAttemptRow

KEEP_ATTEMPTS = timedelta(days=30)


@dataclass(frozen=True)
class RateLimitPolicy:
    max_failures_per_username: int = 5
    max_failures_per_ip: int = 20
    window: timedelta = timedelta(minutes=15)


def _retry_after(
    session: Session, column: InstrumentedAttribute[str], value: str, limit: int, policy: RateLimitPolicy, now: datetime
) -> int:
    """Seconds until fewer than `limit` failures remain in the window (0: not limited)."""
    since = now - policy.window
    recent = list(
        session.scalars(
            select(LoginAttemptRow.attempted_at)
            .where(column == value, LoginAttemptRow.attempted_at > since, LoginAttemptRow.succeeded.is_(False))
            .order_by(LoginAttemptRow.attempted_at.desc())
            .limit(limit)
        )
    )
    if len(recent) < limit:
        return 0
    # The limit-th most recent failure must leave the window before another attempt is allowed.
    frees_at = as_utc(recent[limit - 1]) + policy.window
    return max(1, math.ceil((frees_at - now).total_seconds()))


def check_login_allowed(
    session: Session, username: str, client_ip: str, policy: RateLimitPolicy, now: datetime | None = None
) -> None:
    """Raise LoginThrottled (E566) when this username or this address has too many recent failures."""
    now = now or utcnow()
    by_user = _retry_after(session, LoginAttemptRow.username, username, policy.max_failures_per_username, policy, now)
    if by_user:
        raise LoginThrottled(by_user, "username")
    by_ip = _retry_after(session, LoginAttemptRow.client_ip, client_ip, policy.max_failures_per_ip, policy, now)
    if by_ip:
        raise LoginThrottled(by_ip, "ip")


def record_attempt(
    session: Session, username: str, client_ip: str, succeeded: bool, now: datetime | None = None
) -> None:
    now = now or utcnow()
    session.add(LoginAttemptRow(username=username, client_ip=client_ip, attempted_at=now, succeeded=succeeded))
    if not succeeded:
        # Pruning on failures only keeps the table bounded without a write on every good sign-in.
        session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.attempted_at < now - KEEP_ATTEMPTS))
