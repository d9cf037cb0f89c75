"""Thresholds and the out-of-scope power, on hand-made validation rows whose right answer is known."""

from __future__ import annotations

import numpy as np
import pytest

from civicdesk.understanding.calibration import choose_oos_power, choose_thresholds, soften, softmax
from civicdesk.understanding.types import Thresholds


def test_soften_is_softmax_at_a_higher_temperature() -> None:
    scores = np.array([[2.0, 1.0, -1.0], [0.3, 0.2, 0.1]])
    assert soften(softmax(scores, 0.5), 0.5) == pytest.approx(softmax(scores, 1.0))
    assert np.allclose(soften(softmax(scores, 0.5), 1.0), softmax(scores, 0.5))


def _top(rows: np.ndarray) -> np.ndarray:
    return np.asarray(rows.max(axis=1), dtype=np.float64)


def test_a_softer_view_is_chosen_only_when_it_separates_out_of_scope_better() -> None:
    # In-scope rows: one sure label among many (a sharp peak). Out-of-scope rows: a moderately high top-1 but a
    # heavy tail, which the calibrated row hides and a flatter view exposes.
    n_labels = 20
    rng = np.random.default_rng(0)
    in_scope = np.full((200, n_labels), 0.02 / (n_labels - 1))
    in_scope[:, 0] = 0.98 - rng.uniform(0, 0.3, 200)
    in_scope[:, 1:] += (1 - in_scope.sum(axis=1, keepdims=True)) / (n_labels - 1)
    oos = np.full((100, n_labels), 0.3 / (n_labels - 1))
    oos[:, 0] = 0.7
    correct = np.ones(200, dtype=bool)
    assert choose_oos_power(in_scope, correct, oos, _top) < 1.0
    # When the calibrated row already separates them, it stays.
    clear_oos = np.full((100, n_labels), 1.0 / n_labels)
    assert choose_oos_power(in_scope, correct, clear_oos, _top) == 1.0


def test_thresholds_with_a_power_test_the_softened_score_first() -> None:
    top = np.linspace(0.5, 1.0, 100)
    correct = top > 0.55
    t = choose_thresholds(top, correct, np.full(20, 0.2), oos_power=0.5, oos_in_scope_top=top / 2)
    assert t.oos_power == 0.5 and "power 0.5" in t.chosen_on
    assert t.status(0.99, oos_top=0.1) == "out_of_scope"  # the softened score decides out of scope
    assert t.status(0.99, oos_top=0.9) == "answered"
    assert Thresholds.from_dict({"answer": 0.8, "out_of_scope": 0.3}).oos_power == 1.0  # older artefacts


def test_without_a_power_the_thresholds_are_those_of_the_calibrated_row() -> None:
    top = np.linspace(0.3, 1.0, 200)
    correct = top > 0.4
    oos_top = np.linspace(0.0, 0.5, 50)
    t = choose_thresholds(top, correct, oos_top, oos_share=0.2)
    # Brute force over the same grid: the expected accuracy it maximises.
    grid = np.unique(np.round(np.concatenate([top, [0.0, 1.0]]), 4))
    values = [0.8 * ((top >= g) & correct).mean() + 0.2 * (oos_top < g).mean() for g in grid]
    assert t.out_of_scope == pytest.approx(float(grid[int(np.argmax(values))]), abs=1e-4)
    assert t.answer >= t.out_of_scope and t.oos_power == 1.0


def test_a_required_recall_takes_the_lowest_threshold_that_meets_it() -> None:
    top = np.linspace(0.3, 1.0, 200)
    correct = np.ones(200, dtype=bool)
    oos_top = np.linspace(0.0, 0.6, 100)
    t = choose_thresholds(top, correct, oos_top, oos_recall=0.5)
    assert (oos_top < t.out_of_scope).mean() >= 0.5
    lower = max(g for g in np.round(top, 4) if g < t.out_of_scope) if (top < t.out_of_scope).any() else 0.0
    assert (oos_top < lower).mean() < 0.5 and "recall 50%" in t.chosen_on
