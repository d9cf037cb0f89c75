"""Cascade: the fast lexical router first; the encoder only when the lexical router is unsure.

When the lexical top-1 probability is below `threshold` the answer is the weighted mean of both
routers' calibrated probabilities (the ensemble). `threshold=None` picks, on the cross-validated
predictions, the lowest gate whose overall validation accuracy is within `tolerance` of always
using the ensemble, so the encoder runs as rarely as the data allows, but never on more than
`max_encoder_share` of the validation messages (the encoder costs ~15 ms a message on 2 cores).
A `threshold` above 1 is a pure ensemble (the encoder always runs); 0 is the lexical router alone.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Self

import numpy as np

from civicdesk.understanding.base import Arrays, FloatArray, Router
from civicdesk.understanding.encoder import EncoderRouter
from civicdesk.understanding.linear import TfidfLinearRouter
from civicdesk.understanding.types import Evidence

_RECENT = 256


class CascadeRouter(Router):
    kind = "cascade"

    def __init__(
        self,
        lexical: TfidfLinearRouter | None = None,
        dense: EncoderRouter | None = None,
        threshold: float | None = None,
        weight: float = 0.3,
        tolerance: float = 0.002,
        max_encoder_share: float = 0.3,
    ) -> None:
        self.lexical = lexical
        self.dense = dense
        self.threshold = threshold
        self.weight = weight
        self.tolerance = tolerance
        self.max_encoder_share = max_encoder_share
        self._lexical_top: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def params(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "weight": self.weight,
            "tolerance": self.tolerance,
            "max_encoder_share": self.max_encoder_share,
        }

    def warm_up(self) -> None:
        self.dense_.warm_up()

    def _fit(self, texts: list[str], labels: list[str]) -> Self:
        self.lexical_ = (self.lexical or TfidfLinearRouter()).fit(texts, labels)
        self.dense_ = (self.dense or EncoderRouter(head="svm", c=4.0)).fit(texts, labels)
        self.labels_ = self.lexical_.labels_
        lex_val, dense_val = self.lexical_.validation_proba_, self.dense_.validation_proba_
        self.validation_proba_: FloatArray | None = None
        self.threshold_ = 1.0 if self.threshold is None else self.threshold
        if lex_val is not None and dense_val is not None:
            y = self.lexical_.validation_y_
            mixed = self._mix(lex_val, dense_val)
            if self.threshold is None:
                self.threshold_ = self._choose_threshold(lex_val, mixed, y)
            gate = lex_val.max(axis=1) >= self.threshold_
            self.validation_proba_ = np.where(gate[:, None], lex_val, mixed)
        self.validation_y_ = self.lexical_.validation_y_
        return self

    def _mix(self, lex: FloatArray, dense: FloatArray) -> FloatArray:
        return self.weight * lex + (1.0 - self.weight) * dense

    def _choose_threshold(self, lex: FloatArray, mixed: FloatArray, y: Any) -> float:
        target = float((mixed.argmax(axis=1) == y).mean()) - self.tolerance
        lex_ok = lex.argmax(axis=1) == y
        mix_ok = mixed.argmax(axis=1) == y
        top = lex.max(axis=1)
        chosen = 0.0
        for t in np.unique(np.round(top, 3)):
            gate = top >= t
            if 1.0 - float(gate.mean()) > self.max_encoder_share:
                break
            chosen = float(t)
            if float(np.where(gate, lex_ok, mix_ok).mean()) >= target:
                break
        return chosen

    def predict_proba_many(self, texts: Sequence[str]) -> FloatArray:
        self._require_fitted()
        probs = self.lexical_.predict_proba_many(texts)
        self._remember(texts, probs.max(axis=1))
        unsure = np.flatnonzero(probs.max(axis=1) < self.threshold_)
        if len(unsure):
            dense = self.dense_.predict_proba_many([texts[int(i)] for i in unsure])
            probs[unsure] = self._mix(probs[unsure], dense)
        return probs

    def stage(self, text: str) -> str:
        top = self._lexical_top.get(text)
        if top is None:
            top = float(self.lexical_.predict_proba_many([text]).max())
        return "lexical" if top >= self.threshold_ else "lexical+encoder"

    def _remember(self, texts: Sequence[str], tops: FloatArray) -> None:
        """The lexical top probability of recent messages, so `stage` and `evidence` need no second pass."""
        with self._lock:
            for text, top in zip(texts, tops, strict=True):
                self._lexical_top[text] = float(top)
                self._lexical_top.move_to_end(text)
            while len(self._lexical_top) > _RECENT:
                self._lexical_top.popitem(last=False)

    def evidence(self, text: str, label: str, n: int = 3) -> list[Evidence]:
        lexical = self.lexical_.evidence(text, label, n)
        if self.stage(text) == "lexical":  # the encoder did not run for this message: do not run it now
            return lexical
        return [*lexical, *self.dense_.evidence(text, label, 1)]

    def get_state(self) -> tuple[dict[str, Any], Arrays]:
        lex_state, lex_arrays = self.lexical_.get_state()
        dense_state, dense_arrays = self.dense_.get_state()
        state = {
            "labels": self.labels_,
            "threshold": self.threshold_,
            "lexical": {"params": self.lexical_.params(), "state": lex_state},
            "dense": {"params": self.dense_.params(), "state": dense_state},
        }
        arrays = {f"lexical.{k}": v for k, v in lex_arrays.items()}
        arrays.update({f"dense.{k}": v for k, v in dense_arrays.items()})
        return state, arrays

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, Any], arrays: Arrays) -> Self:
        router = cls(**params)
        router.labels_ = list(state["labels"])
        router.threshold_ = float(state["threshold"])
        part = {
            p: {k.split(".", 1)[1]: v for k, v in arrays.items() if k.startswith(p + ".")} for p in ("lexical", "dense")
        }
        router.lexical_ = TfidfLinearRouter.from_state(
            state["lexical"]["params"], state["lexical"]["state"], part["lexical"]
        )
        router.dense_ = EncoderRouter.from_state(state["dense"]["params"], state["dense"]["state"], part["dense"])
        return router
