"""Calibration: temperature scaling of raw scores fitted on cross-validated (out-of-fold) scores, and the
answered / clarify / out-of-scope thresholds chosen on those same validation predictions."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize_scalar

from civicdesk.understanding.types import Thresholds

FloatArray = NDArray[np.float64]
MISSING_SCORE = -1e4  # score of a label absent from a cross-validation fold
# The share of real messages assumed to be out of scope when the out-of-scope threshold is chosen. An assumption
# (one in five), not a measured figure: replace it with the share seen in a pilot's logs (docs/decisions/0302).
OOS_SHARE = 0.2
# Softer views of the calibrated probabilities tried for the out-of-scope score (powers < 1 flatten a row), and
# the gain in expected accuracy one must bring to replace the calibrated row itself (0.1 points).
OOS_POWERS = (0.75, 0.5, 0.33, 0.2)
MIN_POWER_GAIN = 0.001


def softmax(scores: FloatArray, temperature: float = 1.0) -> FloatArray:
    z = np.asarray(scores, dtype=np.float64) / max(temperature, 1e-6)
    z = z - z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return np.asarray(z, dtype=np.float64)


def soften(probs: FloatArray, power: float) -> FloatArray:
    """Rows raised to `power` and renormalised: softmax at the temperature divided by `power`, without raw scores."""
    if power == 1.0:
        return probs
    out = np.power(np.clip(probs, 0.0, None), power)
    out /= np.maximum(out.sum(axis=-1, keepdims=True), 1e-300)
    return np.asarray(out, dtype=np.float64)


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


def _oos_threshold(
    top_prob: FloatArray,
    correct: NDArray[np.bool_],
    oos_top_prob: FloatArray,
    oos_share: float,
    oos_recall: float | None = None,
) -> tuple[float, float]:
    """(value, threshold). By default the threshold maximising the expected accuracy when a share `oos_share` of
    messages is out of scope. With `oos_recall`, the lowest threshold that rejects at least that share of the
    out-of-scope examples (an operating point set by a requirement), valued by the in-scope accuracy it keeps."""
    grid = np.unique(np.round(np.concatenate([top_prob, [0.0, 1.0]]), 4))
    accepted = np.searchsorted(np.sort(top_prob[correct]), grid, side="left")
    accuracy = (correct.sum() - accepted) / max(len(top_prob), 1)
    recall = np.searchsorted(np.sort(oos_top_prob), grid, side="left") / max(len(oos_top_prob), 1)
    if oos_recall is not None:
        best = int(np.argmax(recall >= oos_recall - 1e-9)) if (recall >= oos_recall - 1e-9).any() else len(grid) - 1
        return float(accuracy[best]), float(grid[best])
    value = (1.0 - oos_share) * accuracy + oos_share * recall
    best = int(np.argmax(value))
    return float(value[best]), float(grid[best])


def choose_oos_power(
    in_scope_probs: FloatArray,
    correct: NDArray[np.bool_],
    oos_probs: FloatArray,
    top_of: Callable[[FloatArray], FloatArray],
    oos_share: float = OOS_SHARE,
    oos_recall: float | None = None,
) -> float:
    """The power (`Thresholds.oos_power`) under which the out-of-scope threshold reaches the best expected accuracy
    on validation rows; 1 unless a softer view gains at least `MIN_POWER_GAIN`. `top_of` maps rows to the score
    the threshold reads (the best in-scope probability). The value compared is the threshold rule's own
    (`_oos_threshold`): expected accuracy, or in-scope accuracy at the required recall."""
    base, _ = _oos_threshold(top_of(in_scope_probs), correct, top_of(oos_probs), oos_share, oos_recall)
    best_power, best = 1.0, base + MIN_POWER_GAIN
    for power in OOS_POWERS:
        in_top, oos_top = top_of(soften(in_scope_probs, power)), top_of(soften(oos_probs, power))
        value, _ = _oos_threshold(in_top, correct, oos_top, oos_share, oos_recall)
        if value > best + 1e-9:
            best_power, best = power, value
    return best_power


def choose_thresholds(
    top_prob: FloatArray,
    correct: NDArray[np.bool_],
    oos_top_prob: FloatArray | None = None,
    answer_precision: float = 0.9,
    in_scope_reject: float = 0.02,
    oos_share: float = OOS_SHARE,
    oos_power: float = 1.0,
    oos_in_scope_top: FloatArray | None = None,
    oos_recall: float | None = None,
    rows: str = "cross-validated",
) -> Thresholds:
    """Thresholds from validation predictions (never from a held-out test set); `rows` names them in `chosen_on`.

    `out_of_scope`: with out-of-scope validation examples, the value maximising the expected accuracy when a
    share `oos_share` of real messages is out of scope, (1 - share) x in-scope accuracy + share x out-of-scope
    recall (the validation sets' own mix is an accident of how they were written: 1% in CLINC150's training data);
    with `oos_recall`, the lowest value that rejects that share of the out-of-scope examples;
    without them, the quantile that rejects `in_scope_reject` of in-scope messages.
    `answer`: the lowest value at which the answered in-scope messages are at least `answer_precision` right.
    With `oos_power` != 1, `oos_top_prob` and `oos_in_scope_top` are top-1s of the softened rows (`soften`).
    """
    grid = np.unique(np.round(np.concatenate([top_prob, [0.0, 1.0]]), 4))
    if oos_top_prob is not None and len(oos_top_prob):
        in_top = top_prob if oos_in_scope_top is None else oos_in_scope_top
        _, oos_t = _oos_threshold(in_top, correct, oos_top_prob, oos_share, oos_recall)
        rule = (
            f"out-of-scope recall {oos_recall:.0%}"
            if oos_recall is not None
            else f"{oos_share:.0%} out of scope expected"
        )
        chosen_on = f"{rows} in-scope and out-of-scope examples, {rule}"
        if oos_power != 1.0:
            chosen_on += f", out-of-scope score at power {oos_power:g}"
    else:
        oos_t = float(np.quantile(top_prob, in_scope_reject)) if len(top_prob) else 0.0
        chosen_on = f"{rows} in-scope examples ({in_scope_reject:.0%} rejected)"
    answer_t = 1.0
    for t in sorted(grid, reverse=True):
        accepted = top_prob >= t
        if accepted.sum() and correct[accepted].mean() >= answer_precision:
            answer_t = float(t)
        elif accepted.sum() >= 20:
            break
    if oos_power == 1.0:
        answer_t = max(answer_t, oos_t)
    return Thresholds(
        answer=round(answer_t, 4),
        out_of_scope=round(oos_t, 4),
        clarify_min=round(max(oos_t / 2, 0.02), 4),
        chosen_on=chosen_on,
        oos_power=oos_power,
    )
