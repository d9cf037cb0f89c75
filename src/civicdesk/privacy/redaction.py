"""Redaction results, and turning an operator name into an operator."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from civicdesk.privacy.errors import MissingKeyError, UnknownOperatorError
from civicdesk.privacy.finding import Finding
from civicdesk.privacy.keyring import KeyRing
from civicdesk.privacy.operators import OPERATOR_NAMES, Encrypt, Mask, Operator, Pseudonymise, Redact


@dataclass(frozen=True)
class Redaction:
    """The new text, the findings (offsets into the original text) and what replaced each of them."""

    text: str
    findings: list[Finding]
    replacements: list[str] = field(default_factory=list)
    operator: str = "redact"

    def as_dict(self) -> dict[str, Any]:
        entities = []
        for finding, replacement in zip(self.findings, self.replacements, strict=True):
            entities.append({**finding.as_dict(), "replacement": replacement})
        return {"text": self.text, "operator": self.operator, "entities": entities}


def make_operator(
    operator: str | Operator, *, pseudonym_key: bytes | None = None, keyring: KeyRing | None = None
) -> Operator:
    if not isinstance(operator, str):
        return operator
    if operator == "redact":
        return Redact()
    if operator == "mask":
        return Mask()
    if operator in ("pseudonymise", "pseudonymize"):
        if pseudonym_key is None:
            raise MissingKeyError("pseudonymisation needs a key: set CIVICDESK_PSEUDONYM_KEY")
        return Pseudonymise(pseudonym_key)
    if operator == "encrypt":
        if keyring is None:
            raise MissingKeyError("encryption needs a key ring: set CIVICDESK_ENCRYPTION_KEYS")
        return Encrypt(keyring)
    raise UnknownOperatorError(f"unknown operator {operator!r}; use one of {', '.join(OPERATOR_NAMES)}", "operator")
