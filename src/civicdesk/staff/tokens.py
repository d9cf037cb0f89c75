"""Signed values: the session cookie and the CSRF tokens, HMAC-SHA256 with the secret key (no extra dependency).

A session token is 32 random bytes; the cookie carries `token.signature`, the database keeps only the token's
SHA-256, so a copy of the database cannot be replayed as cookies. The CSRF token of a session is derived from the
session token, so it needs no storage and dies with the session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SESSION_PURPOSE = "staff-session"
CSRF_PURPOSE = "staff-csrf"
LOGIN_CSRF_PURPOSE = "staff-login-csrf"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def sign(secret_key: str, purpose: str, value: str) -> str:
    """A signature binding `value` to `purpose` (so a CSRF token is never accepted as a session, and so on)."""
    mac = hmac.new(secret_key.encode("utf-8"), f"{purpose}\x00{value}".encode(), hashlib.sha256)
    return _b64(mac.digest())


def verify(secret_key: str, purpose: str, value: str, signature: str) -> bool:
    return hmac.compare_digest(sign(secret_key, purpose, value), signature)


def session_cookie_value(secret_key: str, token: str) -> str:
    return f"{token}.{sign(secret_key, SESSION_PURPOSE, token)}"


def token_from_cookie(secret_key: str, cookie: str | None) -> str | None:
    """The session token inside a cookie, or None when it is absent, malformed or not signed by us."""
    if not cookie or len(cookie) > 200 or cookie.count(".") != 1:
        return None
    token, signature = cookie.split(".")
    return token if verify(secret_key, SESSION_PURPOSE, token, signature) else None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def csrf_token(secret_key: str, session_token: str) -> str:
    return sign(secret_key, CSRF_PURPOSE, session_token)


def csrf_valid(secret_key: str, session_token: str, submitted: str | None) -> bool:
    return bool(submitted) and verify(secret_key, CSRF_PURPOSE, session_token, submitted or "")


def login_csrf_token(secret_key: str, nonce: str) -> str:
    """Before there is a session: double-submit, the form carries the signature of a random cookie."""
    return sign(secret_key, LOGIN_CSRF_PURPOSE, nonce)


def login_csrf_valid(secret_key: str, nonce: str | None, submitted: str | None) -> bool:
    return bool(nonce) and bool(submitted) and verify(secret_key, LOGIN_CSRF_PURPOSE, nonce or "", submitted or "")
