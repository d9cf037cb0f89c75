"""TF-IDF over character and word n-grams with a linear classifier (LinearSVC, logistic regression or SGD)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.svm import LinearSVC

from civicdesk.understanding.base import Arrays, FloatArray, IntArray, LearnedRouter
from civicdesk.understanding.calibration import MISSING_SCORE
from civicdesk.understanding.text import TextAnalyser
from civicdesk.understanding.types import Evidence

CLASSIFIERS = ("svm", "logreg", "sgd")
_MANY = 64  # batches larger than this go through scikit-learn's transform (training, evaluation)
_RECENT = 512  # texts whose tf-idf row is remembered


class LinearHead:
    """A fitted linear map: scores = X @ coef.T + intercept, over the labels in `classes`."""

    def __init__(self, coef: sp.csr_matrix, intercept: FloatArray, classes: IntArray) -> None:
        self.coef = coef
        self.coef_t = sp.csr_matrix(coef.T)  # (features x labels): a message touches only its own rows
        self.intercept = intercept
        self.classes = classes

    def scores(self, features: sp.csr_matrix, n_labels: int) -> FloatArray:
        raw = np.asarray((features @ self.coef_t).toarray(), dtype=np.float64) + self.intercept
        if len(self.classes) == n_labels:
            return raw
        out = np.full((features.shape[0], n_labels), MISSING_SCORE)
        out[:, self.classes] = raw
        return out


def fit_linear(features: Any, y: IntArray, classifier: str, c: float, seed: int) -> LinearHead:
    classes = np.unique(y)
    model: LinearSVC | LogisticRegression | SGDClassifier
    if classifier == "svm":
        model = LinearSVC(C=c, random_state=seed)
    elif classifier == "logreg":
        model = LogisticRegression(C=c, max_iter=2000)
    else:
        model = SGDClassifier(loss="modified_huber", alpha=1e-4 / c, random_state=seed, max_iter=50, tol=None)
    model.fit(features, y)
    coef = np.asarray(model.coef_, dtype=np.float32)
    intercept = np.asarray(model.intercept_, dtype=np.float64)
    if len(classes) == 2 and coef.shape[0] == 1:  # binary problems have one row: make it two
        coef = np.vstack([-coef, coef])
        intercept = np.array([-intercept[0], intercept[0]])
    coef[np.abs(coef) < 1e-6] = 0.0
    return LinearHead(sp.csr_matrix(coef), intercept, classes)


class TfidfLinearRouter(LearnedRouter):
    """Sublinear TF-IDF of `TextAnalyser` features, then a linear classifier; temperature-calibrated."""

    kind = "tfidf"

    def __init__(
        self,
        classifier: str = "svm",
        c: float = 1.0,
        analyser: TextAnalyser | None = None,
        min_df: int = 1,
        calibrate: bool = True,
        n_folds: int = 5,
        seed: int = 0,
        short_calibration: bool = True,
    ) -> None:
        super().__init__(calibrate=calibrate, n_folds=n_folds, seed=seed, short_calibration=short_calibration)
        self.classifier = classifier
        self.c = c
        self.analyser = analyser
        self.min_df = min_df
        self._row_cache: Callable[[str], sp.csr_matrix] | None = None
        self._idf_array: FloatArray | None = None

    def params(self) -> dict[str, Any]:
        analyser = self.analyser or TextAnalyser()
        return {
            "classifier": self.classifier,
            "c": self.c,
            "analyser": analyser.to_dict(),
            "min_df": self.min_df,
            **self.base_params(),
        }

    def _vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(
            analyzer=self.analyser or TextAnalyser(), sublinear_tf=True, min_df=self.min_df, dtype=np.float32
        )

    def _fit_features(self, texts: list[str]) -> Any:
        self.vectorizer_ = self._vectorizer()
        self._row_cache = self._idf_array = None  # rows and idf of an earlier fit are stale
        self._examples = texts
        return self.vectorizer_.fit_transform(texts)

    def _transform(self, texts: Sequence[str]) -> Any:
        """The same rows as `vectorizer_.transform`, without scikit-learn's per-call input validation (about
        1 ms a call, a third of a whole `ask`); each text's row is remembered, since `route` transforms a
        message once for its scores and again for its evidence."""
        if len(texts) > _MANY:
            return self.vectorizer_.transform(list(texts))
        rows = [self._row(text) for text in texts]
        return sp.vstack(rows, format="csr") if rows else self.vectorizer_.transform([])

    def _row(self, text: str) -> sp.csr_matrix:
        cached = self._row_cache
        if cached is None:
            cached = self._row_cache = lru_cache(maxsize=_RECENT)(self._tfidf_row)
        row: sp.csr_matrix = cached(text)
        return row

    def _tfidf_row(self, text: str) -> sp.csr_matrix:
        """Sublinear tf (1 + log count) x idf, l2-normalised: scikit-learn's TfidfVectorizer for one text."""
        vocabulary = self.vectorizer_.vocabulary_
        counts = Counter(j for feature in self.vectorizer_.analyzer(text) if (j := vocabulary.get(feature)) is not None)
        columns = np.fromiter(sorted(counts), dtype=np.int32, count=len(counts))
        values = (np.log(np.array([counts[j] for j in columns], dtype=np.float64)) + 1.0) * self._idf()[columns]
        norm = float(np.sqrt(np.dot(values, values)))
        if norm > 0:
            values /= norm
        shape = (1, len(vocabulary))
        return sp.csr_matrix((values.astype(np.float32), columns, np.array([0, len(columns)])), shape=shape)

    def _idf(self) -> FloatArray:
        idf = self._idf_array
        if idf is None:
            idf = self._idf_array = np.asarray(self.vectorizer_.idf_, dtype=np.float64)
        return idf

    def _fit_head(self, features: Any, y: IntArray, n_labels: int) -> LinearHead:
        return fit_linear(features, y, self.classifier, self.c, self.seed)

    def _head_scores(self, head: Any, features: Any, n_labels: int) -> FloatArray:
        assert isinstance(head, LinearHead)
        return head.scores(features, n_labels)

    def evidence(self, text: str, label: str, n: int = 3) -> list[Evidence]:
        """The features of `text` that pushed hardest towards `label` (weight x tf-idf)."""
        self._require_fitted()
        row = self.labels_.index(label)
        x = self._transform([text])
        contrib = x.multiply(self.head_.coef[row]).tocsr()
        if not contrib.nnz:
            return []
        names = self._feature_names()
        out: list[Evidence] = []
        for i in np.argsort(-contrib.data):
            name = names[contrib.indices[i]]
            if contrib.data[i] <= 0 or len(out) >= n:
                break
            if _readable(name):  # words and Chinese n-grams; not fragments of words or single characters
                out.append(Evidence(label=label, kind="term", text=_pretty(name), score=float(contrib.data[i])))
        return out

    def _feature_names(self) -> list[str]:
        names: list[str] | None = getattr(self, "_names", None)
        if names is None:
            names = [""] * len(self.vectorizer_.vocabulary_)
            for term, i in self.vectorizer_.vocabulary_.items():
                names[i] = term
            self._names = names
        return names

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        self._require_fitted()
        coef: sp.csr_matrix = self.head_.coef
        state = {
            "labels": self.labels_,
            **self.calibration_state(),
            "vocabulary": self.vectorizer_.vocabulary_,
        }
        arrays: Arrays = {
            "idf": np.asarray(self.vectorizer_.idf_, dtype=np.float32),
            "coef_data": coef.data,
            "coef_indices": coef.indices,
            "coef_indptr": coef.indptr,
            "coef_shape": np.array(coef.shape),
            "intercept": self.head_.intercept,
        }
        return state, arrays

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> TfidfLinearRouter:
        params = dict(params)
        params["analyser"] = TextAnalyser.from_dict(params["analyser"])
        router = cls(**params)
        router.labels_ = list(state["labels"])
        router.set_calibration(state)
        router.vectorizer_ = router._vectorizer()
        router.vectorizer_.vocabulary_ = {str(k): int(v) for k, v in state["vocabulary"].items()}
        router.vectorizer_.idf_ = arrays["idf"].astype(np.float64)
        shape = tuple(int(s) for s in arrays["coef_shape"])
        coef = sp.csr_matrix((arrays["coef_data"], arrays["coef_indices"], arrays["coef_indptr"]), shape=shape)
        classes = np.arange(len(router.labels_), dtype=np.int64)
        router.head_ = LinearHead(coef, arrays["intercept"].astype(np.float64), classes)
        return router


def _readable(feature: str) -> bool:
    return feature.startswith("w:") or (feature.startswith("c:") and len(feature) > 3)


def _pretty(feature: str) -> str:
    return feature.split(":", 1)[-1].strip()
