"""Triage: the assistant's own components (language, safety, privacy, router) applied to a complaint.

The case domain depends on small protocols, not on the concrete classes, so intake runs with the real warmed-up
components in the app and with a keyword router in fast tests. Each part of a complaint is routed as well, in one
`route_many` call with the whole text, for the multi-issue check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from civicdesk import language
from civicdesk.cases.split import split_issues


class RankedLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def confidence(self) -> float: ...


class ExplanationLike(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class RoutingLike(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def services(self) -> Sequence[RankedLike]: ...
    @property
    def explanation(self) -> ExplanationLike: ...


class RouterLike(Protocol):
    def route_many(self, texts: Sequence[str], k: int = 5) -> Sequence[RoutingLike]: ...


class RedactionLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def findings(self) -> Sequence[Any]: ...


class RedactorLike(Protocol):
    def redact(self, text: str) -> RedactionLike: ...


class VerdictLike(Protocol):
    @property
    def status(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...


SafetyCheck = Callable[[str, str], VerdictLike | None]


@dataclass(frozen=True)
class Decision:
    """One routing decision (of the whole text or of one part), flattened for storage."""

    text: str
    status: str
    service: str | None
    department: str | None
    confidence: float | None
    explanation: dict[str, Any]

    @classmethod
    def of(cls, text: str, routing: RoutingLike) -> Decision:
        top = routing.services[0] if routing.services else None
        usable = top is not None and routing.status in ("answered", "clarify")
        return cls(
            text=text,
            status=routing.status,
            service=top.id if usable and top else None,
            department=top.department if usable and top else None,
            confidence=float(top.confidence) if top else None,
            explanation=routing.explanation.to_dict(),
        )


@dataclass(frozen=True)
class Assessment:
    language: str
    detection: dict[str, Any]
    emergency: bool
    blocked: bool
    safety: dict[str, Any] | None
    redacted: str
    privacy: dict[str, Any]
    whole: Decision
    parts: list[Decision] = field(default_factory=list)


def _finding_type(finding: Any) -> str:
    return str(getattr(finding, "type", getattr(finding, "entity_type", "PII")))


class Triage:
    """Language → safety → redaction → routing of the whole text and of its parts."""

    def __init__(self, router: RouterLike, redactor: RedactorLike, safety: SafetyCheck | None = None) -> None:
        self.router = router
        self.redactor = redactor
        self.safety = safety

    def assess(self, text: str, preferred_language: str | None = None) -> Assessment:
        normalised = language.normalise(text)
        detection = language.detect(normalised)
        lang = detection.language
        if preferred_language in language.LANGUAGES and detection.confidence < 0.5:
            lang = preferred_language
        verdict = self.safety(normalised, lang) if self.safety else None
        redaction = self.redactor.redact(normalised)
        redacted = redaction.text
        privacy = {
            "component": "privacy.analyzer",
            "removed": sorted({_finding_type(f) for f in redaction.findings}),
            "count": len(redaction.findings),
        }
        parts = split_issues(redacted)
        texts = [redacted, *parts] if len(parts) > 1 else [redacted]
        routings = list(self.router.route_many(texts))
        whole = Decision.of(redacted, routings[0])
        decisions = [Decision.of(t, r) for t, r in zip(texts[1:], routings[1:], strict=True)]
        status = verdict.status if verdict is not None else None
        return Assessment(
            language=lang,
            detection=_as_dict(detection),
            emergency=status == "emergency",
            blocked=status == "blocked",
            safety=verdict.to_dict() if verdict is not None else None,
            redacted=redacted,
            privacy=privacy,
            whole=whole,
            parts=decisions,
        )


def _as_dict(detection: Any) -> dict[str, Any]:
    to_dict = getattr(detection, "to_dict", None)
    return dict(to_dict()) if callable(to_dict) else {"language": str(getattr(detection, "language", ""))}
