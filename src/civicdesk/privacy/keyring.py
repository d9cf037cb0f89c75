"""Encryption of values an officer must still read (a contact phone on a case): AES-256-GCM via `cryptography`.

The key ring comes from CIVICDESK_ENCRYPTION_KEYS: comma-separated keys (url-safe base64 of 32 bytes, as printed by
`civicdesk keys generate`). The first key encrypts; every key decrypts. Each ciphertext carries the id of its key:

    cdenc1:<key id>:<base64url(nonce | ciphertext | tag)>

so adding a new key in front and running `civicdesk keys rotate` re-encrypts stored values under it, after which
the old key can be dropped. The key id is a hash of the key, never the key. The header is authenticated with the
value, and callers may bind a value to its place (e.g. "cases.contact_phone") as associated data, so a ciphertext
copied to another column does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from civicdesk.privacy.errors import DecryptionError, InvalidKeyError, MissingKeyError

PREFIX = "cdenc1"
KEY_BYTES = 32
NONCE_BYTES = 12


def generate_key() -> str:
    """A new random key in the form CIVICDESK_ENCRYPTION_KEYS expects."""
    return base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode("ascii")


def key_id(secret: bytes) -> str:
    return hashlib.sha256(b"civicdesk key id\x00" + secret).hexdigest()[:8]


def derive_key(secret: str, purpose: str) -> bytes:
    """A 32-byte key derived from another secret (used for development defaults)."""
    return hmac.new(secret.encode("utf-8"), f"civicdesk {purpose} v1".encode(), hashlib.sha256).digest()


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Key:
    id: str
    secret: bytes = field(repr=False)


class KeyRing:
    """Encrypts with the first key, decrypts with any. Also importable as `Encryptor`."""

    def __init__(self, secrets: Sequence[bytes]) -> None:
        if not secrets:
            raise MissingKeyError(
                "no encryption key; set CIVICDESK_ENCRYPTION_KEYS (generate one with `civicdesk keys generate`)"
            )
        keys = []
        for position, secret in enumerate(secrets, 1):
            if len(secret) != KEY_BYTES:
                raise InvalidKeyError(
                    f"encryption key #{position} is {len(secret)} bytes, not {KEY_BYTES}; "
                    "generate one with `civicdesk keys generate`"
                )
            keys.append(Key(key_id(secret), secret))
        self.keys: tuple[Key, ...] = tuple(keys)
        self._by_id = {k.id: k for k in reversed(self.keys)}

    @classmethod
    def from_string(cls, value: str) -> KeyRing:
        """Parse a comma-separated list of url-safe base64 keys (whitespace ignored). Never echoes a key."""
        secrets = []
        for position, item in enumerate((p.strip() for p in value.split(",")), 1):
            if not item:
                continue
            try:
                secrets.append(_b64decode(item))
            except (binascii.Error, ValueError) as exc:
                raise InvalidKeyError(
                    f"encryption key #{position} in CIVICDESK_ENCRYPTION_KEYS is not url-safe base64; "
                    "generate one with `civicdesk keys generate`"
                ) from exc
        return cls(secrets)

    @property
    def primary(self) -> Key:
        return self.keys[0]

    @property
    def ids(self) -> list[str]:
        return [k.id for k in self.keys]

    def encrypt(self, plaintext: str, associated_data: str = "") -> str:
        key = self.primary
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(key.secret).encrypt(nonce, plaintext.encode("utf-8"), self._aad(key.id, associated_data))
        body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
        return f"{PREFIX}:{key.id}:{body}"

    def decrypt(self, token: str, associated_data: str = "") -> str:
        kid, body = self._split(token)
        key = self._by_id.get(kid)
        if key is None:
            raise DecryptionError(
                f"value was encrypted with key {kid}, which is not in CIVICDESK_ENCRYPTION_KEYS "
                f"(ring: {', '.join(self.ids)}); add the old key back after the new one"
            )
        try:
            raw = _b64decode(body)
            plain = AESGCM(key.secret).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], self._aad(kid, associated_data))
        except (InvalidTag, ValueError, binascii.Error) as exc:
            raise DecryptionError(
                "value does not decrypt: it was altered, or belongs to another field (associated data differs)"
            ) from exc
        return plain.decode("utf-8")

    def key_id_of(self, token: str) -> str:
        return self._split(token)[0]

    def needs_rotation(self, token: str) -> bool:
        return self.key_id_of(token) != self.primary.id

    def rotate(self, token: str, associated_data: str = "") -> str:
        """The value re-encrypted under the primary key (unchanged if it already is)."""
        if not self.needs_rotation(token):
            return token
        return self.encrypt(self.decrypt(token, associated_data), associated_data)

    @staticmethod
    def is_token(value: str) -> bool:
        return value.startswith(PREFIX + ":") and value.count(":") == 2

    @staticmethod
    def _aad(kid: str, associated_data: str) -> bytes:
        return f"{PREFIX}:{kid}:{associated_data}".encode()

    @classmethod
    def _split(cls, token: str) -> tuple[str, str]:
        if not cls.is_token(token):
            raise DecryptionError(f"not an encrypted value (expected `{PREFIX}:<key id>:<data>`)")
        _, kid, body = token.split(":")
        return kid, body


Encryptor = KeyRing
