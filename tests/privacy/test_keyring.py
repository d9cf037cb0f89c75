"""The AES-GCM key ring: ids, rotation, tampering, associated data, settings."""

from __future__ import annotations

import base64

import pytest

from civicdesk.privacy import DecryptionError, InvalidKeyError, KeyRing, generate_key, keyring_from
from civicdesk.settings import Settings


def test_encrypt_decrypt_and_the_key_id_travels_with_the_value() -> None:
    ring = KeyRing.from_string(generate_key())
    token = ring.encrypt("+85291234567")
    assert token.startswith(f"cdenc1:{ring.primary.id}:")
    assert ring.decrypt(token) == "+85291234567"
    assert ring.encrypt("+85291234567") != token  # fresh nonce each time


def test_the_first_key_encrypts_and_every_key_decrypts() -> None:
    old, new = generate_key(), generate_key()
    old_ring = KeyRing.from_string(old)
    token = old_ring.encrypt("陳大文")
    ring = KeyRing.from_string(f"{new}, {old}")
    assert ring.decrypt(token) == "陳大文"
    assert ring.needs_rotation(token)
    rotated = ring.rotate(token)
    assert ring.key_id_of(rotated) == ring.primary.id != old_ring.primary.id
    assert not ring.needs_rotation(rotated)
    assert ring.rotate(rotated) == rotated


def test_a_value_from_an_unknown_key_names_the_key() -> None:
    token = KeyRing.from_string(generate_key()).encrypt("x")
    ring = KeyRing.from_string(generate_key())
    with pytest.raises(DecryptionError, match=token.split(":")[1]) as raised:
        ring.decrypt(token)
    assert raised.value.code == "E435"


@pytest.mark.parametrize("damage", ["flipped byte", "other field", "other key id in header", "not a token"])
def test_tampering_or_a_wrong_field_does_not_decrypt(damage: str) -> None:
    first, second = generate_key(), generate_key()
    ring = KeyRing.from_string(f"{first},{second}")
    token = ring.encrypt("secret", "cases.contact")
    prefix, kid, body = token.split(":")
    field = "cases.contact"
    if damage == "flipped byte":
        token = f"{prefix}:{kid}:{'A' if body[0] != 'A' else 'B'}{body[1:]}"
    elif damage == "other field":
        field = "other.column"
    elif damage == "other key id in header":
        token = f"{prefix}:{ring.keys[1].id}:{body}"
    else:
        token = "secret"
    with pytest.raises(DecryptionError):
        ring.decrypt(token, field)


@pytest.mark.parametrize(
    "value", ["not base64 !!", base64.urlsafe_b64encode(b"short").decode(), ""], ids=["garbage", "short", "empty"]
)
def test_bad_key_strings_are_refused_without_echoing_them(value: str) -> None:
    with pytest.raises((InvalidKeyError, Exception)) as raised:
        KeyRing.from_string(value)
    assert value not in str(raised.value) or not value
    assert raised.value.code in {"E433", "E434"}  # type: ignore[attr-defined]


def test_settings_give_a_derived_key_in_development_and_none_in_production(tmp_path: object) -> None:
    development = keyring_from(Settings(environment="development"))
    assert development is not None and development.decrypt(development.encrypt("x")) == "x"
    production = Settings(environment="production", secret_key="a-long-random-production-secret-value")
    assert keyring_from(production) is None
    key = generate_key()
    configured = keyring_from(production.model_copy(update={"encryption_keys": key}))
    assert configured is not None and configured.ids == KeyRing.from_string(key).ids
