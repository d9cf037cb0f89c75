"""Operators: what replaces a finding. Redact ([HKID]), mask (A123***(*)), pseudonymise ([PERSON:3f9a2c1b07d4])
and encrypt ([PHONE:enc:cdenc1:...])."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import unicodedata
from functools import lru_cache
from typing import Literal, Protocol

import opencc
import phonenumbers

from civicdesk.privacy.finding import EntityType, Finding
from civicdesk.privacy.keyring import KeyRing
from civicdesk.privacy.recognizers.date_of_birth import parse_date

OperatorName = Literal["redact", "mask", "pseudonymise", "encrypt"]
OPERATOR_NAMES: tuple[str, ...] = ("redact", "mask", "pseudonymise", "encrypt")
_MASKABLE = re.compile(r"[^\W_]", re.UNICODE)  # letters, digits and Chinese characters; not spaces or brackets
_ENCRYPTED = re.compile(r"\[([A-Z][A-Z0-9_]*):enc:(cdenc1:[0-9a-f]{8}:[A-Za-z0-9_\-]+)\]")


class Operator(Protocol):
    name: str

    def replace(self, finding: Finding) -> str: ...


class Redact:
    """`[TYPE]`: nothing of the value remains."""

    name = "redact"

    def replace(self, finding: Finding) -> str:
        return f"[{finding.type}]"


def _mask(value: str, keep: set[int]) -> str:
    chars = list(value)
    for i, char in enumerate(chars):
        if i not in keep and _MASKABLE.match(char):
            chars[i] = "*"
    return "".join(chars)


def _positions(value: str, pattern: str) -> list[int]:
    return [m.start() for m in re.finditer(pattern, value)]


class Mask:
    """Keep enough to recognise the value, star out the rest: A123***(*), **** 4567, c***@example.com."""

    name = "mask"

    def replace(self, finding: Finding) -> str:
        value, kind = finding.text, finding.type
        if kind == EntityType.HKID:  # the letters and the first three digits
            prefix = re.match(r"[A-Za-z]{1,2}", value)
            digits = _positions(value, r"\d")[:3]
            return _mask(value, set(range(prefix.end() if prefix else 0)) | set(digits))
        if kind in {EntityType.PHONE, EntityType.CREDIT_CARD, EntityType.BANK_ACCOUNT}:
            digits = _positions(value, r"\d")
            keep = set(digits[-4:])
            if value.lstrip("(").startswith("+") or value.startswith("(852)"):
                prefix = re.match(r"\(?\+?\d{1,3}\)?", value)
                keep |= set(range(prefix.end())) if prefix else set()
            return _mask(value, keep)
        if kind == EntityType.EMAIL:
            local, _, domain = value.partition("@")
            return local[:1] + "***@" + domain  # a fixed run of stars: the length stays hidden
        if kind == EntityType.DATE_OF_BIRTH:  # the year stays (ages are often needed)
            year = re.search(r"(19|20)\d{2}", value)
            return _mask(value, set(range(year.start(), year.end())) if year else set())
        if kind in {EntityType.CN_RESIDENT_ID, EntityType.PASSPORT, EntityType.BR_NUMBER}:
            return _mask(value, set(range(max(0, len(value) - 2), len(value))))
        if kind == EntityType.IP_ADDRESS:
            first = re.match(r"[0-9A-Fa-f]+", value)
            return _mask(value, set(range(first.end())) if first else set())
        return _mask(value, {0})  # names, addresses, plates: the first character


class Pseudonymise:
    """`[TYPE:hmac]`: a keyed HMAC-SHA256 of the normalised value, so one person gets one token under one key
    (A123456(3) and a123456 (3) alike) and analytics can count without seeing. Without the key, tokens cannot be
    linked back by trying values."""

    name = "pseudonymise"

    def __init__(self, key: bytes, length: int = 12) -> None:
        self.key = key
        self.length = length

    def token(self, kind: str, value: str) -> str:
        message = f"{kind}\x00{canonical(kind, value)}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()[: self.length]

    def replace(self, finding: Finding) -> str:
        return f"[{finding.type}:{self.token(finding.type, finding.text)}]"


class Encrypt:
    """`[TYPE:enc:<ciphertext>]`: reversible by whoever holds the key ring (see `reveal`)."""

    name = "encrypt"

    def __init__(self, keyring: KeyRing) -> None:
        self.keyring = keyring

    def replace(self, finding: Finding) -> str:
        return f"[{finding.type}:enc:{self.keyring.encrypt(finding.text, finding.type)}]"


def reveal(text: str, keyring: KeyRing) -> str:
    """Undo the encrypt operator: put the decrypted values back. Only for roles allowed to see them."""
    return _ENCRYPTED.sub(lambda m: keyring.decrypt(m.group(2), m.group(1)), text)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def canonical(kind: str, value: str) -> str:
    """The form two spellings of one value share (for pseudonyms)."""
    text = unicodedata.normalize("NFKC", value).strip()
    if kind in {EntityType.HKID, EntityType.CN_RESIDENT_ID, EntityType.PASSPORT, EntityType.CREDIT_CARD}:
        return re.sub(r"[\s()\-]", "", text).upper()
    if kind in {EntityType.BANK_ACCOUNT, EntityType.BR_NUMBER, EntityType.CAR_PLATE}:
        return re.sub(r"[\s\-]", "", text).upper()
    if kind == EntityType.PHONE:
        try:
            number = phonenumbers.parse(text, "HK")
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            return re.sub(r"\D", "", text)
    if kind == EntityType.EMAIL:
        return text.lower()
    if kind == EntityType.DATE_OF_BIRTH:
        parsed = parse_date(text)
        return parsed.isoformat() if parsed else text
    if kind == EntityType.IP_ADDRESS:
        try:
            return str(ipaddress.ip_address(text))
        except ValueError:
            return text
    simplified = str(_t2s().convert(text)).casefold()
    return " ".join(re.sub(r"[,\-.]", " ", simplified).split())


def apply(text: str, findings: list[Finding], operator: Operator) -> tuple[str, list[str]]:
    """The text with every finding replaced, and the replacements in finding order. Findings must not overlap."""
    parts: list[str] = []
    replacements: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        replacement = operator.replace(finding)
        parts.append(text[position : finding.start])
        parts.append(replacement)
        replacements.append(replacement)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts), replacements
