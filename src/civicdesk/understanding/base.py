"""The router contract (scikit-learn style) and the shared fit / calibrate / rank machinery.

A router maps text to a ranking of labels with calibrated probabilities:
`fit(texts, labels) -> self`, `rank(text, k)`, `rank_many(texts, k)`, `predict_proba_many(texts)`,
`evidence(text, label)`. `__init__` only stores arguments; learned state ends in `_`.
Learned routers split into features (fitted once on all training text, label-free) and a head (fitted
on labels); calibration fits a temperature on out-of-fold head scores from k-fold cross-validation, and
a second one for short messages on out-of-fold scores of short fragments of the examples (a one-word query
carries far less evidence than the full sentences the first temperature was fitted on).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar, Self

import numpy as np
from numpy.typing import NDArray

from civicdesk.understanding.calibration import MISSING_SCORE, fit_temperature, fold_ids, softmax
from civicdesk.understanding.errors import BadTrainingData, NotFitted
from civicdesk.understanding.text import is_short, short_fragments
from civicdesk.understanding.types import Evidence

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
Arrays = dict[str, NDArray[Any]]


def _check(texts: Sequence[str], labels: Sequence[str]) -> None:
    if len(texts) != len(labels):
        raise BadTrainingData(f"{len(texts)} texts but {len(labels)} labels: give one label per text")
    if len(set(labels)) < 2:
        raise BadTrainingData("training data needs at least two different labels")


class Router(ABC):
    """Anything that ranks labels for a text with calibrated probabilities."""

    kind: ClassVar[str] = "router"
    labels_: list[str]

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> Self:
        _check(texts, labels)
        return self._fit(list(texts), [str(label) for label in labels])

    @abstractmethod
    def _fit(self, texts: list[str], labels: list[str]) -> Self: ...

    @abstractmethod
    def predict_proba_many(self, texts: Sequence[str]) -> FloatArray:
        """Calibrated probabilities, shape (len(texts), len(labels_))."""

    def evidence(self, text: str, label: str, n: int = 3) -> list[Evidence]:
        return []

    def params(self) -> dict[str, Any]:
        """Constructor arguments, JSON-serialisable."""
        return {}

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        """Learned state as JSON data plus numpy arrays (no pickles)."""
        return {"labels": self.labels_}, {}

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> Self:
        router = cls(**params)
        router.labels_ = list(state["labels"])
        return router

    def warm_up(self) -> None:  # noqa: B027 - optional hook
        """Load heavy resources (the encoder engine); cheap routers need nothing."""

    @property
    def fitted(self) -> bool:
        return hasattr(self, "labels_")

    def _require_fitted(self) -> None:
        if not self.fitted:
            raise NotFitted(type(self).__name__)

    def rank(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        return self.rank_many([text], k)[0]

    def rank_many(self, texts: Sequence[str], k: int = 5) -> list[list[tuple[str, float]]]:
        self._require_fitted()
        probs = self.predict_proba_many(texts)
        k = min(k, probs.shape[1])
        top = np.argsort(-probs, axis=1, kind="stable")[:, :k]
        return [[(self.labels_[j], float(row[j])) for j in order] for row, order in zip(probs, top, strict=True)]

    def predict(self, texts: Sequence[str]) -> list[str]:
        probs = self.predict_proba_many(texts)
        return [self.labels_[i] for i in probs.argmax(axis=1)]


class LearnedRouter(Router):
    """Features + head + temperature; `fit` also keeps out-of-fold probabilities in `validation_proba_`."""

    def __init__(self, calibrate: bool = True, n_folds: int = 5, seed: int = 0, short_calibration: bool = True) -> None:
        self.calibrate = calibrate
        self.n_folds = n_folds
        self.seed = seed
        self.short_calibration = short_calibration

    # -- what a concrete router provides ---------------------------------------------------------
    @abstractmethod
    def _fit_features(self, texts: list[str]) -> Any:
        """Fit the label-free featuriser on all training texts and return their features."""

    @abstractmethod
    def _transform(self, texts: Sequence[str]) -> Any: ...

    @abstractmethod
    def _fit_head(self, features: Any, y: IntArray, n_labels: int) -> Any:
        """Fit and return a head on these rows; labels absent from y get MISSING_SCORE later."""

    @abstractmethod
    def _head_scores(self, head: Any, features: Any, n_labels: int) -> FloatArray: ...

    # -- shared machinery --------------------------------------------------------------------------
    def base_params(self) -> dict[str, Any]:
        return {
            "calibrate": self.calibrate,
            "n_folds": self.n_folds,
            "seed": self.seed,
            "short_calibration": self.short_calibration,
        }

    def _fit(self, texts: list[str], labels: list[str]) -> Self:
        self.labels_ = sorted(set(labels))
        index = {label: i for i, label in enumerate(self.labels_)}
        y = np.array([index[label] for label in labels], dtype=np.int64)
        features = self._fit_features(texts)
        self.temperature_ = 1.0
        self.short_temperature_ = 1.0
        self.validation_proba_: FloatArray | None = None
        self.validation_y_ = y
        counts = np.bincount(y)
        n_folds = min(self.n_folds, int(counts.max()))
        if self.calibrate and n_folds >= 2:
            pieces = short_fragments(texts, self.seed) if self.short_calibration else {}
            rows = np.array(sorted(pieces), dtype=np.int64)
            extra = self._transform([pieces[int(i)] for i in rows]) if len(rows) else None
            oof, oof_short = self.cross_val_scores(features, y, n_folds, extra, rows if len(rows) else None)
            self.temperature_ = fit_temperature(oof, y)
            self.validation_proba_ = softmax(oof, self.temperature_)
            self.short_temperature_ = self.temperature_
            if oof_short is not None:
                # Never sharper than on full sentences: a short message cannot carry more evidence.
                self.short_temperature_ = max(self.temperature_, fit_temperature(oof_short, y[rows]))
        self.head_ = self._fit_head(features, y, len(self.labels_))
        return self

    def cross_val_scores(
        self, features: Any, y: IntArray, n_folds: int, extra: Any = None, extra_rows: IntArray | None = None
    ) -> tuple[FloatArray, FloatArray | None]:
        """Out-of-fold scores of every row, and of `extra` rows (derived from training rows `extra_rows`,
        so each is scored by the head that did not see its source row)."""
        folds = fold_ids(y, n_folds, self.seed)
        n_labels = len(self.labels_)
        out = np.full((len(y), n_labels), MISSING_SCORE)
        extra_out = None if extra_rows is None else np.full((len(extra_rows), n_labels), MISSING_SCORE)
        for fold in range(n_folds):
            test = np.flatnonzero(folds == fold)
            train = np.flatnonzero(folds != fold)
            if not len(test) or len(np.unique(y[train])) < 2:
                continue
            head = self._fit_head(_rows(features, train), y[train], n_labels)
            out[test] = self._head_scores(head, _rows(features, test), n_labels)
            if extra_out is not None and extra_rows is not None:
                mine = np.flatnonzero(folds[extra_rows] == fold)
                if len(mine):
                    extra_out[mine] = self._head_scores(head, _rows(extra, mine), n_labels)
        return out, extra_out

    def raw_scores_many(self, texts: Sequence[str]) -> FloatArray:
        self._require_fitted()
        return self._head_scores(self.head_, self._transform(texts), len(self.labels_))

    def predict_proba_many(self, texts: Sequence[str]) -> FloatArray:
        scores = self.raw_scores_many(texts)
        short = np.array([is_short(t) for t in texts], dtype=bool)
        if not short.any() or self.short_temperature_ == self.temperature_:
            return softmax(scores, self.temperature_)
        out = np.empty_like(scores)
        out[~short] = softmax(scores[~short], self.temperature_)
        out[short] = softmax(scores[short], self.short_temperature_)
        return out

    def calibration_state(self) -> dict[str, float]:
        return {"temperature": self.temperature_, "short_temperature": self.short_temperature_}

    def set_calibration(self, state: dict[str, Any]) -> None:
        self.temperature_ = float(state["temperature"])
        # Models saved before short-message calibration use one temperature for every message.
        self.short_temperature_ = float(state.get("short_temperature", self.temperature_))


def _rows(features: Any, idx: IntArray) -> Any:
    if isinstance(features, list):
        return [features[i] for i in idx]
    return features[idx]
