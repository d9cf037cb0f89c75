"""Classification metrics shared by training (cross-validated) and evaluation (held-out)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sklearn.metrics import f1_score


def confused_pairs(gold: Sequence[str], predicted: Sequence[str], n: int = 10) -> list[dict[str, Any]]:
    counts = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [{"gold": g, "predicted": p, "count": c} for (g, p), c in counts.most_common(n)]


def classification_metrics(
    gold: Sequence[str],
    predicted: Sequence[str],
    languages: Sequence[str] | None = None,
    departments: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Accuracy, macro-F1, accuracy per language, department accuracy and the most-confused pairs."""
    n = len(gold)
    if n == 0:
        return {"n": 0}
    hits = [g == p for g, p in zip(gold, predicted, strict=True)]
    out: dict[str, Any] = {
        "n": n,
        "accuracy": round(sum(hits) / n, 4),
        "macro_f1": round(float(f1_score(list(gold), list(predicted), average="macro", zero_division=0)), 4),
    }
    if languages is not None:
        per: dict[str, list[bool]] = {}
        for hit, lang in zip(hits, languages, strict=True):
            per.setdefault(lang or "unknown", []).append(hit)
        out["accuracy_by_language"] = {k: round(sum(v) / len(v), 4) for k, v in sorted(per.items())}
        out["n_by_language"] = {k: len(v) for k, v in sorted(per.items())}
    if departments:
        dept_hits = [departments.get(g, g) == departments.get(p, p) for g, p in zip(gold, predicted, strict=True)]
        out["department_accuracy"] = round(sum(dept_hits) / n, 4)
    out["confused_pairs"] = confused_pairs(gold, predicted)
    return out
