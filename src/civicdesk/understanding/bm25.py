"""BM25 over the training examples (bm25s) used as a nearest-neighbour router.

A label's score is the mean of its `k` best-matching examples' BM25 scores, divided by the message's own
best score plus one so that long messages do not look more certain than short ones.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import bm25s
import numpy as np

from civicdesk.understanding.base import Arrays, FloatArray, IntArray, LearnedRouter
from civicdesk.understanding.calibration import MISSING_SCORE
from civicdesk.understanding.text import TextAnalyser
from civicdesk.understanding.types import Evidence

_ANALYSER = TextAnalyser(word_char_ngrams=None)


class Bm25Index:
    def __init__(self, docs: list[list[str]], y: IntArray, k1: float, b: float) -> None:
        self.y = y
        self.retriever = bm25s.BM25(method="lucene", k1=k1, b=b)
        self.retriever.index([d or ["\x00"] for d in docs], show_progress=False)

    def doc_scores(self, tokens: list[str]) -> FloatArray:
        known = [t for t in tokens if t in self.retriever.vocab_dict]
        if not known:
            return np.zeros(len(self.y))
        return np.asarray(self.retriever.get_scores(known), dtype=np.float64)


def _bigrams(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


class Bm25Router(LearnedRouter):
    kind = "bm25"

    def __init__(
        self,
        k: int = 2,
        k1: float = 1.2,
        b: float = 0.75,
        calibrate: bool = True,
        n_folds: int = 5,
        seed: int = 0,
        short_calibration: bool = True,
    ) -> None:
        super().__init__(calibrate=calibrate, n_folds=n_folds, seed=seed, short_calibration=short_calibration)
        self.k = k
        self.k1 = k1
        self.b = b

    def params(self) -> dict[str, Any]:
        return {"k": self.k, "k1": self.k1, "b": self.b, **self.base_params()}

    def _tokens(self, text: str) -> list[str]:
        return _bigrams(_ANALYSER.tokens(text))

    def _fit_features(self, texts: list[str]) -> Any:
        self.examples_ = texts
        return [self._tokens(t) for t in texts]

    def _transform(self, texts: Sequence[str]) -> Any:
        return [self._tokens(t) for t in texts]

    def _fit_head(self, features: Any, y: IntArray, n_labels: int) -> Bm25Index:
        return Bm25Index(list(features), y, self.k1, self.b)

    def _head_scores(self, head: Any, features: Any, n_labels: int) -> FloatArray:
        assert isinstance(head, Bm25Index)
        out = np.full((len(features), n_labels), MISSING_SCORE)
        out[:, np.unique(head.y)] = 0.0
        for i, tokens in enumerate(features):
            scores = head.doc_scores(tokens)
            m = min(len(scores), 50 * self.k)
            top = np.argpartition(-scores, m - 1)[:m]
            top = top[np.argsort(-scores[top], kind="stable")]
            sums = np.zeros(n_labels)
            seen = np.zeros(n_labels, dtype=np.int64)
            for j in top:
                label = head.y[j]
                if seen[label] < self.k:
                    sums[label] += scores[j]
                    seen[label] += 1
            scale = 1.0 + (scores[top[0]] if m else 0.0)
            hit = seen > 0
            out[i, hit] = sums[hit] / self.k / scale
        return out

    def evidence(self, text: str, label: str, n: int = 3) -> list[Evidence]:
        self._require_fitted()
        row = self.labels_.index(label)
        scores = self.head_.doc_scores(self._tokens(text))
        idx = np.flatnonzero(self.head_.y == row)
        best = idx[np.argsort(-scores[idx])[:n]]
        return [
            Evidence(label=label, kind="example", text=self.examples_[i], score=float(scores[i]))
            for i in best
            if scores[i] > 0
        ]

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        self._require_fitted()
        with tempfile.TemporaryDirectory() as tmp:
            self.head_.retriever.save(tmp, show_progress=False)
            files = {p.name: p for p in Path(tmp).iterdir()}
            index_json = {n: json.loads(p.read_text()) for n, p in files.items() if n.endswith(".json")}
            arrays: Arrays = {n.removesuffix(".index.npy"): np.load(p) for n, p in files.items() if n.endswith(".npy")}
        arrays["y"] = self.head_.y
        state = {
            "labels": self.labels_,
            **self.calibration_state(),
            "examples": self.examples_,
            "bm25s": index_json,
        }
        return state, arrays

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> Self:
        router = cls(**params)
        router.labels_ = list(state["labels"])
        router.set_calibration(state)
        router.examples_ = list(state["examples"])
        head = Bm25Index.__new__(Bm25Index)
        head.y = arrays["y"]
        with tempfile.TemporaryDirectory() as tmp:
            for name, data in state["bm25s"].items():
                (Path(tmp) / name).write_text(json.dumps(data))
            for name, array in arrays.items():
                if name != "y":
                    np.save(Path(tmp) / f"{name}.index.npy", array)
            head.retriever = bm25s.BM25.load(tmp, show_progress=False, verbosity=0)
        router.head_ = head
        return router
