"""Case references and tracking tokens.

A reference is `CD-` and ten Crockford base-32 symbols in two groups of five, e.g. `CD-7K4Q9-MXTR5`: nine random
symbols (45 bits) and a check symbol (mod 37, drawn so that it is always one of the 32 plain symbols), so a
mistyped reference is caught before any look-up. Crockford's alphabet has no I, L, O or U; input is read
leniently (lower case, spaces, O for 0, I and L for 1).

A tracking token is 128 random bits (URL-safe base64). Only its SHA-256 digest is stored: a token has full
entropy, so a slow password hash adds nothing; comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
PREFIX = "CD"
_READ = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_symbol(symbols: str) -> str:
    value = 0
    for char in symbols:
        value = value * 32 + ALPHABET.index(char)
    return CHECK_ALPHABET[value % 37]


def new_reference() -> str:
    while True:  # keep references free of the five extra check symbols (*~$=U): 32 in 37 draws qualify
        body = "".join(secrets.choice(ALPHABET) for _ in range(9))
        check = _check_symbol(body)
        if check in ALPHABET:
            break
    full = body + check
    return f"{PREFIX}-{full[:5]}-{full[5:]}"


def parse_reference(value: str) -> str | None:
    """The canonical reference for what a person typed, or None when it cannot be one (bad check symbol)."""
    cleaned = "".join(value.split()).upper().replace("-", "")
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    if len(cleaned) != 10:
        return None
    body = cleaned[:9].translate(_READ)
    check = cleaned[9].translate(_READ)
    if any(char not in ALPHABET for char in body) or _check_symbol(body) != check:
        return None
    full = body + check
    return f"{PREFIX}-{full[:5]}-{full[5:]}"


def new_token() -> str:
    return secrets.token_urlsafe(16)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, digest: str) -> bool:
    return hmac.compare_digest(token_digest(token), digest)
