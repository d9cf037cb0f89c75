"""Retrain the catalogue router with officers' corrections, and measure the gain on corrections held out.

The corrections are split once (seeded, per label so every corrected service is represented on both sides when it
can be): the "before" router is trained on the catalogue alone, the "after" router on the catalogue plus the
training part of the corrections, with the same kind and procedure; both are evaluated on the held-out part, which
neither has seen. The "after" model is the artefact that gets saved.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from civicdesk.catalogue import Catalogue
from civicdesk.errors import CivicdeskError
from civicdesk.language import detect
from civicdesk.understanding import EvaluationReport, evaluate, train_router
from civicdesk.understanding.model import RouterModel
from civicdesk.understanding.training import CATALOGUE_MODEL_NAME, OUT_OF_SCOPE, TrainingData, catalogue_training_data


@dataclass(frozen=True)
class RetrainResult:
    model: RouterModel
    corrections: int
    trained_on: int
    held_out: int
    before: EvaluationReport | None
    after: EvaluationReport | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model.meta.model_id,
            "corrections": self.corrections,
            "trained_on": self.trained_on,
            "held_out": self.held_out,
            "before": self.before.to_dict() if self.before else None,
            "after": self.after.to_dict() if self.after else None,
        }


def split_corrections(
    rows: Sequence[tuple[str, str]], holdout: float, seed: int = 0
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(train, held out): per label, a `holdout` share (rounded, at least one when a label has two rows or more)."""
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)
    rng = random.Random(seed)
    train: list[tuple[str, str]] = []
    held: list[tuple[str, str]] = []
    for label in sorted(by_label):
        group = by_label[label][:]
        rng.shuffle(group)
        n_held = min(len(group) - 1, max(1, round(len(group) * holdout))) if holdout > 0 and len(group) > 1 else 0
        held.extend(group[:n_held])
        train.extend(group[n_held:])
    return train, held


def _languages(texts: Sequence[str]) -> list[str]:
    return [str(detect(text).language) for text in texts]


def retrain_with_corrections(
    catalogue: Catalogue,
    corrections: Sequence[tuple[str, str]],
    kind: str,
    *,
    holdout: float = 0.3,
    seed: int = 0,
) -> RetrainResult:
    """Train before/after routers and evaluate both on held-out corrections (E577 when there is nothing to use)."""
    usable = [(text, label) for text, label in corrections if label in catalogue.services and text.strip()]
    if not usable:
        raise CivicdeskError(
            "E577",
            "no usable correction in the database: re-route cases to a service in the officer console first "
            "(department-only re-routes carry no service label)",
        )
    train, held = split_corrections(usable, holdout, seed)
    base = catalogue_training_data(catalogue)
    departments = {s.id: s.department for s in catalogue.services.values()}
    augmented = TrainingData(
        base.texts + [t for t, _ in train],
        base.labels + [label for _, label in train],
        (base.languages or [""] * len(base.texts)) + _languages([t for t, _ in train]),
        source=f"{base.source} + {len(train)} officer corrections",
    )
    after = train_router(augmented, kind, name=CATALOGUE_MODEL_NAME, departments=departments, oos_label=OUT_OF_SCOPE)
    after.meta.training_data["catalogue_version"] = catalogue.version
    after.meta.training_data["corrections"] = len(train)
    before_report = after_report = None
    if held:
        before = train_router(base, kind, name=CATALOGUE_MODEL_NAME, departments=departments, oos_label=OUT_OF_SCOPE)
        texts, labels = [t for t, _ in held], [label for _, label in held]
        languages = _languages(texts)
        before_report = evaluate(before.warm_up(), texts, labels, languages)
        after_report = evaluate(after.warm_up(), texts, labels, languages)
        after.meta.metrics["held_out_corrections"] = {
            "n": len(held),
            "accuracy_before": before_report.in_scope.get("accuracy"),
            "accuracy_after": after_report.in_scope.get("accuracy"),
        }
    return RetrainResult(after, len(usable), len(train), len(held), before_report, after_report)
