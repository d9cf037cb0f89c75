"""The router contract (scikit-learn style) and the shared fit / calibrate / rank machinery.

A router maps text to a ranking of labels with calibrated probabilities:
`fit(texts, labels) -> self`, `rank(text, k)`, `rank_many(texts, k)`, `predict_proba_many(texts)`,
`evidence(text, label)`. `__init__` only stores arguments; learned state ends in `_`.
Learned routers split into features (fitted once on all training text, label-free) and a head (fitted
on labels); calibration fits a temperature on out-of-fold head scores from k-fold cross-validation.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar, Self

import numpy as np
from numpy.typing import NDArray

from civicdesk.understanding.calibration import MISSING_SCORE, fit_temperature, fold_ids, softmax
from civicdesk.understanding.errors import BadTrainingData, NotFitted
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

    def __init__(self, calibrate: bool = True, n_folds: int = 5, seed: int = 0) -> None:
        self.calibrate = calibrate
        self.n_folds = n_folds
        self.seed = seed

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
        return {"calibrate": self.calibrate, "n_folds": self.n_folds, "seed": self.seed}

    def _fit(self, texts: list[str], labels: list[str]) -> Self:
        self.labels_ = sorted(set(labels))
        index = {label: i for i, label in enumerate(self.labels_)}
        y = np.array([index[label] for label in labels], dtype=np.int64)
        features = self._fit_features(texts)
        self.temperature_ = 1.0
        self.validation_proba_: FloatArray | None = None
        self.validation_y_ = y
        counts = np.bincount(y)
        n_folds = min(self.n_folds, int(counts.max()))
        if self.calibrate and n_folds >= 2:
            oof = self.cross_val_scores(features, y, n_folds)
            self.temperature_ = fit_temperature(oof, y)
            self.validation_proba_ = softmax(oof, self.temperature_)
        self.head_ = self._fit_head(features, y, len(self.labels_))
        return self

    def cross_val_scores(self, features: Any, y: IntArray, n_folds: int) -> FloatArray:
        folds = fold_ids(y, n_folds, self.seed)
        n_labels = len(self.labels_)
        out = np.full((len(y), n_labels), MISSING_SCORE)
        for fold in range(n_folds):
            test = np.flatnonzero(folds == fold)
            train = np.flatnonzero(folds != fold)
            if not len(test) or len(np.unique(y[train])) < 2:
                continue
            head = self._fit_head(_rows(features, train), y[train], n_labels)
            out[test] = self._head_scores(head, _rows(features, test), n_labels)
        return out

    def raw_scores_many(self, texts: Sequence[str]) -> FloatArray:
        self._require_fitted()
        return self._head_scores(self.head_, self._transform(texts), len(self.labels_))

    def predict_proba_many(self, texts: Sequence[str]) -> FloatArray:
        return softmax(self.raw_scores_many(texts), self.temperature_)


def _rows(features: Any, idx: IntArray) -> Any:
    if isinstance(features, list):
        return [features[i] for i in idx]
    return features[idx]
