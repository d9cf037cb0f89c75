"""Evaluation of a trained router on held-out rows: accuracy, macro-F1, accuracy per language, the
most-confused pairs and, when the data has an out-of-scope label, out-of-scope recall with the model's
threshold-based reject."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from civicdesk.understanding.metrics import classification_metrics
from civicdesk.understanding.model import RouterModel


@dataclass
class EvaluationReport:
    model: str
    n: int
    in_scope: dict[str, Any]
    out_of_scope: dict[str, Any] | None
    thresholds: dict[str, float]
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "n": self.n,
            "in_scope": self.in_scope,
            "out_of_scope": self.out_of_scope,
            "thresholds": self.thresholds,
            "seconds": round(self.seconds, 3),
            "ms_per_message": round(1000 * self.seconds / max(self.n, 1), 3),
            **self.extra,
        }

    def to_text(self) -> str:
        m = self.in_scope
        lines = [f"model {self.model}: {self.n} messages, {1000 * self.seconds / max(self.n, 1):.2f} ms each"]
        lines.append(
            f"in-scope: n={m.get('n', 0)} accuracy={m.get('accuracy', 0):.4f} macro-F1={m.get('macro_f1', 0):.4f}"
        )
        if "accuracy_with_reject" in m:
            lines.append(f"in-scope accuracy counting rejections as errors: {m['accuracy_with_reject']:.4f}")
        if "department_accuracy" in m:
            lines.append(f"department accuracy: {m['department_accuracy']:.4f}")
        for lang, acc in m.get("accuracy_by_language", {}).items():
            lines.append(f"  {lang:8} accuracy={acc:.4f} (n={m['n_by_language'][lang]})")
        if self.out_of_scope:
            o = self.out_of_scope
            lines.append(
                f"out-of-scope: n={o['n']} recall={o['recall']:.4f} "
                f"(threshold {o['threshold']:.4f}; in-scope falsely rejected {o['in_scope_rejected']:.4f})"
            )
        if m.get("confused_pairs"):
            lines.append("most confused (gold -> predicted: count):")
            lines.extend(f"  {p['gold']} -> {p['predicted']}: {p['count']}" for p in m["confused_pairs"])
        return "\n".join(lines)


def evaluate(
    model: RouterModel,
    texts: Sequence[str],
    labels: Sequence[str],
    languages: Sequence[str] | None = None,
    oos_label: str | None = None,
    batch_size: int = 256,
) -> EvaluationReport:
    """Score `model` on held-out rows; rows labelled `oos_label` should be rejected as out of scope."""
    texts, labels = list(texts), [str(label) for label in labels]
    started = time.perf_counter()
    probs = np.vstack(
        [model.proba_many(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        or [np.zeros((0, len(model.router.labels_)))]
    )
    seconds = time.perf_counter() - started
    predicted = [model.router.labels_[model.order(row)[0]] for row in probs]
    rejected = np.array([model.status_of(row) == "out_of_scope" for row in probs], dtype=bool)
    gold = np.array(labels)
    is_oos = gold == oos_label if oos_label is not None else np.zeros(len(gold), dtype=bool)
    keep = ~is_oos
    in_scope = classification_metrics(
        list(gold[keep]),
        [p for p, k in zip(predicted, keep, strict=True) if k],
        [lang for lang, k in zip(languages, keep, strict=True) if k] if languages is not None else None,
        model.meta.departments or None,
    )
    out_of_scope = None
    if is_oos.any():
        hits = np.array([p == g for p, g in zip(predicted, gold, strict=True)])
        in_scope["accuracy_with_reject"] = round(float((hits & ~rejected)[keep].mean()), 4) if keep.any() else 0.0
        out_of_scope = {
            "n": int(is_oos.sum()),
            "recall": round(float(rejected[is_oos].mean()), 4),
            "threshold": model.meta.thresholds.out_of_scope,
            "in_scope_rejected": round(float(rejected[keep].mean()), 4) if keep.any() else 0.0,
        }
    return EvaluationReport(
        model=model.meta.model_id,
        n=len(texts),
        in_scope=in_scope,
        out_of_scope=out_of_scope,
        thresholds=model.thresholds,
        seconds=seconds,
    )
