"""What the analyzer returns: a finding per piece of personal data, each with the explanation of why."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

COMPONENT_VERSION = "privacy-1.0.0"


class EntityType(StrEnum):
    """The entity types, named exactly as the API and the benchmarks use them."""

    HKID = "HKID"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    CREDIT_CARD = "CREDIT_CARD"
    PASSPORT = "PASSPORT"
    CN_RESIDENT_ID = "CN_RESIDENT_ID"
    PERSON = "PERSON"
    ADDRESS = "ADDRESS"
    BANK_ACCOUNT = "BANK_ACCOUNT"
    BR_NUMBER = "BR_NUMBER"
    CAR_PLATE = "CAR_PLATE"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    IP_ADDRESS = "IP_ADDRESS"


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a span was reported: the pattern that matched, what validated it and which context words were seen."""

    recognizer: str
    pattern: str
    score: float
    validation: str | None = None
    context: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    threshold: float | None = None
    component: str = "privacy"
    version: str = COMPONENT_VERSION

    def as_dict(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "version": self.version,
            "recognizer": self.recognizer,
            "pattern": self.pattern,
            "validation": self.validation,
            "context": list(self.context),
            "evidence": list(self.evidence),
            "score": round(self.score, 4),
            "threshold": self.threshold,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of personal data: `text[start:end]` of the analysed string (Python string offsets)."""

    type: str
    start: int
    end: int
    score: float
    text: str
    recognizer: str
    explanation: Explanation = field(compare=False)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "text": self.text,
            "recognizer": self.recognizer,
            "explanation": self.explanation.as_dict(),
        }
