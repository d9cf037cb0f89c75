"""Calibration: temperature scaling of raw scores fitted on cross-validated (out-of-fold) scores, and the
answered / clarify / out-of-scope thresholds chosen on those same validation predictions."""

from __future__ import annotations

import itertools

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize_scalar

from civicdesk.understanding.types import Thresholds

FloatArray = NDArray[np.float64]
MISSING_SCORE = -1e4  # score of a label absent from a cross-validation fold
# The share of real messages assumed to be out of scope when the out-of-scope threshold is chosen. An assumption
# (one in five), not a measured figure: replace it with the share seen in a pilot's logs (docs/decisions/0302).
OOS_SHARE = 0.2


def softmax(scores: FloatArray, temperature: float = 1.0) -> FloatArray:
    z = np.asarray(scores, dtype=np.float64) / max(temperature, 1e-6)
    z = z - z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return np.asarray(z, dtype=np.float64)


def fit_temperature(scores: FloatArray, y: NDArray[np.int64]) -> float:
    """The temperature T minimising the negative log-likelihood of softmax(scores / T)."""
    rows = np.arange(len(y))

    def nll(log_t: float) -> float:
        probs = softmax(scores, float(np.exp(log_t)))
        return float(-np.log(np.clip(probs[rows, y], 1e-12, None)).mean())

    result = minimize_scalar(nll, bounds=(-7.0, 5.0), method="bounded", options={"xatol": 1e-3})
    return float(np.exp(result.x))


def fold_ids(y: NDArray[np.int64], n_folds: int, seed: int = 0) -> NDArray[np.int64]:
    """Stratified fold assignment: each label's examples are dealt round-robin after a shuffle."""
    rng = np.random.default_rng(seed)
    folds = np.empty(len(y), dtype=np.int64)
    offset = 0
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        folds[idx] = (np.arange(len(idx)) + offset) % n_folds
        offset += len(idx)
    return folds


def expected_calibration_error(probs: FloatArray, y: NDArray[np.int64], bins: int = 10) -> float:
    top = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in itertools.pairwise(edges):
        mask = (top > lo) & (top <= hi)
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - top[mask].mean())
    return float(ece)


def choose_thresholds(
    top_prob: FloatArray,
    correct: NDArray[np.bool_],
    oos_top_prob: FloatArray | None = None,
    answer_precision: float = 0.9,
    in_scope_reject: float = 0.02,
    oos_share: float = OOS_SHARE,
) -> Thresholds:
    """Thresholds from validation predictions (never from a held-out test set).

    `out_of_scope`: with out-of-scope validation examples, the value maximising the expected accuracy when a
    share `oos_share` of real messages is out of scope, (1 - share) x in-scope accuracy + share x out-of-scope
    recall (the validation sets' own mix is an accident of how they were written: 1% in CLINC150's training data);
    without them, the quantile that rejects `in_scope_reject` of in-scope messages.
    `answer`: the lowest value at which the answered in-scope messages are at least `answer_precision` right.
    """
    grid = np.unique(np.round(np.concatenate([top_prob, [0.0, 1.0]]), 4))
    if oos_top_prob is not None and len(oos_top_prob):
        best, oos_t = -1.0, 0.0
        for t in grid:
            accuracy, recall = ((top_prob >= t) & correct).mean(), (oos_top_prob < t).mean()
            value = float((1.0 - oos_share) * accuracy + oos_share * recall)
            if value > best + 1e-9:
                best, oos_t = value, float(t)
        chosen_on = f"cross-validated in-scope and out-of-scope examples, {oos_share:.0%} out of scope expected"
    else:
        oos_t = float(np.quantile(top_prob, in_scope_reject)) if len(top_prob) else 0.0
        chosen_on = f"cross-validated in-scope examples ({in_scope_reject:.0%} rejected)"
    answer_t = 1.0
    for t in sorted(grid, reverse=True):
        accepted = top_prob >= t
        if accepted.sum() and correct[accepted].mean() >= answer_precision:
            answer_t = float(t)
        elif accepted.sum() >= 20:
            break
    answer_t = max(answer_t, oos_t)
    return Thresholds(
        answer=round(answer_t, 4),
        out_of_scope=round(oos_t, 4),
        clarify_min=round(max(oos_t / 2, 0.02), 4),
        chosen_on=chosen_on,
    )
