"""Routers that need no model: the keyword router (the documented fallback and the fake for fast tests)
and the majority baseline every model is compared with."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self

import numpy as np

from civicdesk.understanding.base import Arrays, FloatArray, Router
from civicdesk.understanding.text import TextAnalyser, normalise
from civicdesk.understanding.types import Evidence

if TYPE_CHECKING:
    from civicdesk.catalogue import Catalogue


class KeywordRouter(Router):
    """Scores a label by the catalogue keywords found in the text (longer keywords weigh more).

    With `keywords=None`, `fit` learns each label's most distinctive words from the training texts, which
    makes it the keyword baseline on any dataset. Probabilities are the share of the matched weight,
    shrunk by `prior_weight` so that one weak match is not reported as certainty.
    """

    kind = "keyword"

    def __init__(
        self, keywords: Mapping[str, Sequence[str]] | None = None, per_label: int = 8, prior_weight: float = 2.0
    ) -> None:
        self.keywords = keywords
        self.per_label = per_label
        self.prior_weight = prior_weight

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> KeywordRouter:
        keywords: dict[str, list[str]] = {}
        for service in catalogue.services.values():
            kw = service.keywords
            keywords[service.id] = [*kw.en, *kw.zh_Hant, *kw.yue, service.name.en, service.name.zh_Hant]
        return cls(keywords=keywords).fit(list(keywords), list(keywords))

    def params(self) -> dict[str, Any]:
        return {"per_label": self.per_label, "prior_weight": self.prior_weight}

    def _fit(self, texts: list[str], labels: list[str]) -> Self:
        if self.keywords is not None:
            table = {label: list(words) for label, words in self.keywords.items()}
        else:
            table = _distinctive_words(texts, labels, self.per_label)
        self.labels_ = sorted(set(labels) | set(table))
        self.keywords_ = {
            label: sorted({normalise(w) for w in table.get(label, []) if normalise(w)}, key=len, reverse=True)
            for label in self.labels_
        }
        return self

    def _weights(self, text: str) -> FloatArray:
        norm = f" {normalise(text)} "
        out = np.zeros(len(self.labels_))
        for j, label in enumerate(self.labels_):
            out[j] = sum(_weight(w) for w in self.keywords_[label] if _found(w, norm))
        return out

    def predict_proba_many(self, texts: Sequence[str]) -> FloatArray:
        self._require_fitted()
        weights = np.array([self._weights(t) for t in texts]).reshape(len(texts), len(self.labels_))
        uniform = self.prior_weight / len(self.labels_)
        probs = (weights + uniform) / (weights.sum(axis=1, keepdims=True) + self.prior_weight)
        return np.asarray(probs, dtype=np.float64)

    def evidence(self, text: str, label: str, n: int = 3) -> list[Evidence]:
        norm = f" {normalise(text)} "
        found = [w for w in self.keywords_.get(label, []) if _found(w, norm)]
        return [Evidence(label=label, kind="keyword", text=w, score=_weight(w)) for w in found[:n]]

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        return {"labels": self.labels_, "keywords": self.keywords_}, {}

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> Self:
        router = cls(**params)
        router.labels_ = list(state["labels"])
        router.keywords_ = {k: list(v) for k, v in state["keywords"].items()}
        return router


def _weight(keyword: str) -> float:
    return float(min(len(keyword), 12)) if not keyword.isascii() else float(min(len(keyword) / 3, 6))


def _found(keyword: str, padded_text: str) -> bool:
    if keyword.isascii():
        return f" {keyword} " in padded_text or (len(keyword) > 5 and keyword in padded_text)
    return keyword in padded_text


def _distinctive_words(texts: list[str], labels: list[str], per_label: int) -> dict[str, list[str]]:
    tokens = TextAnalyser(word_char_ngrams=None)
    by_label: dict[str, Counter[str]] = {}
    overall: Counter[str] = Counter()
    for text, label in zip(texts, labels, strict=True):
        words = set(tokens.tokens(text))
        by_label.setdefault(label, Counter()).update(words)
        overall.update(words)
    table: dict[str, list[str]] = {}
    for label, counts in by_label.items():
        ranked = sorted(counts, key=lambda w: (-(counts[w] ** 2) / overall[w], w))
        table[label] = [w for w in ranked if len(w) > 1 or not w.isascii()][:per_label]
    return table


class MajorityRouter(Router):
    """The trivial baseline: always the most frequent training label, with its training frequency."""

    kind = "majority"

    def _fit(self, texts: list[str], labels: list[str]) -> Self:
        counts = Counter(labels)
        self.labels_ = sorted(counts)
        self.prior_ = np.array([counts[label] / len(labels) for label in self.labels_])
        return self

    def predict_proba_many(self, texts: Sequence[str]) -> FloatArray:
        self._require_fitted()
        return np.tile(self.prior_, (len(texts), 1))

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        return {"labels": self.labels_}, {"prior": self.prior_}

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> Self:
        router = cls()
        router.labels_ = list(state["labels"])
        router.prior_ = arrays["prior"]
        return router
