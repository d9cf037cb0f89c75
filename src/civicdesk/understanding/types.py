"""Plain result types: ranked services, evidence, thresholds and the explanation of a routing decision."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["answered", "clarify", "out_of_scope"]
COMPONENT = "understanding.router"


@dataclass(frozen=True)
class Evidence:
    """Why a label scored: a training example it resembles, or a term that matched."""

    label: str
    kind: Literal["example", "term", "keyword"]
    text: str
    score: float


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds on the calibrated top-1 probability, chosen on validation data.

    top-1 >= `answer` -> answered; `out_of_scope` <= top-1 < `answer` -> clarify (offering the services whose
    probability is >= `clarify_min`, at most `clarify_max`); top-1 < `out_of_scope` -> out_of_scope.

    The out-of-scope test reads the top-1 of the probability row raised to `oos_power` and renormalised (1: the
    calibrated row itself). Calibration fits the temperature that best predicts *which* service is right; a softer
    view of the same scores can separate out-of-scope messages better, and the power is chosen on validation data
    (`calibration.choose_oos_power`).
    """

    answer: float = 0.5
    out_of_scope: float = 0.1
    clarify_min: float = 0.05
    clarify_max: int = 4
    chosen_on: str = "default"
    oos_power: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Thresholds:
        return cls(
            answer=float(data["answer"]),
            out_of_scope=float(data["out_of_scope"]),
            clarify_min=float(data.get("clarify_min", 0.05)),
            clarify_max=int(data.get("clarify_max", 4)),
            chosen_on=str(data.get("chosen_on", "default")),
            oos_power=float(data.get("oos_power", 1.0)),  # artefacts saved before it existed used 1
        )

    def status(self, top: float, oos_top: float | None = None) -> Status:
        """`top`: the calibrated top-1 probability; `oos_top`: the top-1 after `oos_power` (default `top`)."""
        if (top if oos_top is None else oos_top) < self.out_of_scope:
            return "out_of_scope"
        return "answered" if top >= self.answer else "clarify"


@dataclass(frozen=True)
class RankedService:
    """One ranked service: `id` (the label), its department and the calibrated probability."""

    id: str
    department: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "department": self.department, "confidence": round(self.confidence, 4)}


@dataclass(frozen=True)
class Explanation:
    """Why the router decided as it did; stored with the redacted message for audit and corrections."""

    model: str
    model_version: str
    scores: dict[str, float]
    threshold: dict[str, float]
    decision: Status
    evidence: list[Evidence] = field(default_factory=list)
    runner_up: list[str] = field(default_factory=list)
    stage: str = ""
    component: str = COMPONENT
    # The three departments holding the most probability: the first service comes from the first of them.
    department_scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["scores"] = {k: round(v, 4) for k, v in self.scores.items()}
        data["department_scores"] = {k: round(v, 4) for k, v in self.department_scores.items()}
        data["evidence"] = [{**asdict(e), "score": round(e.score, 4)} for e in self.evidence]
        return data


@dataclass(frozen=True)
class Routing:
    """The router's answer for one message: a status, ranked services (best first) and the explanation."""

    status: Status
    services: list[RankedService]
    explanation: Explanation
    choices: list[RankedService] = field(default_factory=list)  # for `clarify`: the services to offer

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "services": [s.to_dict() for s in self.services],
            "choices": [s.to_dict() for s in self.choices],
            "explanation": self.explanation.to_dict(),
        }
