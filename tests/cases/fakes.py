"""Small stand-ins for the router, the redactor and the safety check, so domain rules are tested in isolation.

The real components run in tests/web (the app under a test client); these keep table-driven rule tests exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# keyword -> (service id, department, confidence)
RULES: dict[str, tuple[str, str, float]] = {
    "street light": ("hyd-street-light-fault-report", "HyD", 0.9),
    "街燈": ("hyd-street-light-fault-report", "HyD", 0.9),
    "drain": ("dsd-blocked-drain-flooding-report", "DSD", 0.85),
    "渠": ("dsd-blocked-drain-flooding-report", "DSD", 0.85),
    "rubbish": ("fehd-street-cleanliness-refuse-complaint", "FEHD", 0.8),
    "垃圾": ("fehd-street-cleanliness-refuse-complaint", "FEHD", 0.8),
    "rats": ("fehd-pest-rodent-mosquito-control", "FEHD", 0.8),
    "fire hazard": ("fire-hazard-complaint", "FSD", 0.9),
    "pothole": ("hyd-road-defect-report", "HyD", 0.55),
    "noise": ("police-neighbourhood-noise", "HKPF", 0.35),
}


@dataclass(frozen=True)
class Ranked:
    id: str
    department: str
    confidence: float


@dataclass(frozen=True)
class Explained:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@dataclass(frozen=True)
class Routing:
    status: str
    services: list[Ranked]
    explanation: Explained


class FakeRouter:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def route_many(self, texts: Sequence[str], k: int = 5) -> list[Routing]:
        self.calls.append(list(texts))
        return [self._route(t) for t in texts]

    def _route(self, text: str) -> Routing:
        lowered = text.casefold()
        found = [(lowered.find(key), rule) for key, rule in RULES.items() if key in lowered]
        found.sort()
        if not found:
            return Routing("out_of_scope", [], Explained({"model": "fake", "model_version": "fake-1"}))
        best = max(found, key=lambda item: item[1][2])[1]
        status = "answered" if best[2] >= 0.5 else "clarify"
        return Routing(status, [Ranked(*best)], Explained({"model": "fake", "model_version": "fake-1"}))


@dataclass(frozen=True)
class Finding:
    type: str


@dataclass(frozen=True)
class Redaction:
    text: str
    findings: list[Finding] = field(default_factory=list)


class FakeRedactor:
    PHONE = re.compile(r"\b\d{4} ?\d{4}\b")

    def redact(self, text: str) -> Redaction:
        found = [Finding("PHONE") for _ in self.PHONE.finditer(text)]
        return Redaction(self.PHONE.sub("[PHONE]", text), found)


@dataclass(frozen=True)
class Verdict:
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {"component": "safety.fake", "status": self.status}


def fake_safety(text: str, language: str) -> Verdict | None:
    lowered = text.casefold()
    if "collapsed" in lowered or "火警" in lowered:
        return Verdict("emergency")
    if "ignore previous instructions" in lowered:
        return Verdict("blocked")
    return None


class FakeCipher:
    """Reversible and obviously not plaintext; the real AES-GCM key ring is tested in tests/web."""

    def encrypt(self, plaintext: str) -> str:
        return "fake:" + plaintext.encode("utf-8").hex()

    def decrypt(self, ciphertext: str) -> str:
        return bytes.fromhex(ciphertext.removeprefix("fake:")).decode("utf-8")
