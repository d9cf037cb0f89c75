"""Password hashing with argon2id (argon2-cffi, RFC 9106 low-memory profile) and the password rule."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from civicdesk.staff.errors import StaffError

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256


@cache
def hasher() -> PasswordHasher:
    return PasswordHasher()


def check_password_rule(password: str) -> None:
    """Length is what matters (NIST SP 800-63B): at least 12 characters, no composition rules."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffError(
            "E563", f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise StaffError(
            "E563", f"the password is too long: use at most {MAX_PASSWORD_LENGTH} characters", field="password"
        )
    if password.strip() != password or not password.isprintable():
        raise StaffError(
            "E563", "the password must not start or end with spaces or contain control characters", field="password"
        )


def hash_password(password: str) -> str:
    check_password_rule(password)
    return str(hasher().hash(password))


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return bool(hasher().verify(stored_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's; rehash at the next sign-in."""
    try:
        return bool(hasher().check_needs_rehash(stored_hash))
    except InvalidHashError:
        return True


@cache
def dummy_hash() -> str:
    """Verified against when the username is unknown, so both cases take the same time."""
    return str(hasher().hash("civicdesk-no-such-user-timing-equaliser"))
