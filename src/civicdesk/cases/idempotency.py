"""Idempotency keys: a retried submission with the same key gets the first answer, never a second case.

The key, a hash of the request and the answer are written in the same transaction as the case. Two concurrent
requests with one key both do the work, but only one commits: the other's insert of the key fails on the primary
key (PostgreSQL makes it wait for the first to commit), its case is rolled back, and it answers with the stored
response. A key reused for a different request is refused (E607).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from civicdesk.cases.errors import idempotency_mismatch, invalid_idempotency_key
from civicdesk.store.tables import IdempotencyKeyRow

KEEP_FOR = timedelta(hours=24)


def check_key(key: str) -> str:
    if not 1 <= len(key) <= 200 or not key.isascii() or not key.isprintable():
        raise invalid_idempotency_key()
    return key


def request_hash(fingerprint: dict[str, Any]) -> str:
    canonical = json.dumps(fingerprint, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_answer(session: Session, scope: str, key: str, digest: str) -> tuple[int, dict[str, Any]] | None:
    """The stored (status, body) for this key, None if unseen; E607 if the key was used for another request."""
    row = session.get(IdempotencyKeyRow, (scope, key))
    if row is None:
        return None
    if row.request_hash != digest:
        raise idempotency_mismatch()
    return row.status_code, dict(row.response)


def remember(
    session: Session, scope: str, key: str, digest: str, status: int, body: dict[str, Any], now: datetime
) -> None:
    session.add(
        IdempotencyKeyRow(scope=scope, key=key, request_hash=digest, status_code=status, response=body, created_at=now)
    )


def forget_old(session: Session, now: datetime, keep_for: timedelta = KEEP_FOR) -> int:
    """Delete keys older than `keep_for` (their stored answers hold tracking tokens); returns how many."""
    result = session.execute(delete(IdempotencyKeyRow).where(IdempotencyKeyRow.created_at < now - keep_for))
    return int(getattr(result, "rowcount", 0) or 0)
