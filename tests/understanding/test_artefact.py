from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from civicdesk.understanding import (
    IncompatibleModel,
    ModelNotFound,
    evaluate,
    load_model,
    read_meta,
    train_router,
)
from civicdesk.understanding.artefact import version_in_range
from civicdesk.understanding.training import rows_from

SAVABLE = ["tfidf-svm", "tfidf-sgd", "bm25", "keyword", "majority"]
PROBES = ["passport renewal", "樓上好嘈", "垃圾没人收", "tell me a joke", ""]


@pytest.mark.parametrize("kind", SAVABLE)
def test_round_trip_gives_identical_probabilities(
    kind: str, tmp_path: Path, synthetic_with_oos: tuple[list[str], list[str]]
) -> None:
    model = train_router(rows_from(*synthetic_with_oos), kind, oos_label="oos")
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m").warm_up()
    assert np.allclose(model.proba_many(PROBES), loaded.proba_many(PROBES))
    assert loaded.meta.model_id == model.meta.model_id
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["arrays.npz", "meta.json", "state.json"]


def test_meta_is_a_passport(tmp_path: Path, synthetic_with_oos: tuple[list[str], list[str]]) -> None:
    train_router(rows_from(*synthetic_with_oos), "tfidf-svm", name="test-router", oos_label="oos").save(tmp_path)
    meta = json.loads((tmp_path / "meta.json").read_text())
    for key in ("name", "version", "civicdesk", "training_data", "labels", "metrics", "thresholds", "created"):
        assert key in meta
    assert meta["name"] == "test-router" and len(meta["training_data"]["sha256"]) == 64
    assert meta["labels"] == ["noise", "passport", "rubbish"] and meta["oos_label"] == "oos"
    t = meta["thresholds"]
    assert 0 <= t["out_of_scope"] <= t["answer"] <= 1 and "cross-validated" in t["chosen_on"]
    assert 0 <= meta["metrics"]["accuracy"] <= 1 and "oos_recall" in meta["metrics"]


def test_missing_model_names_the_command_that_builds_it(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound) as info:
        load_model(tmp_path / "nothing")
    assert info.value.code == "E251" and "civicdesk train --catalogue" in info.value.message


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"civicdesk": ">=9.0.0,<9.1.0"}, "built for civicdesk"),
        ({"format": 99}, "format"),
        ({"router_class": "nope"}, "unknown router class"),
    ],
)
def test_incompatible_model_is_refused(
    change: dict[str, object], reason: str, tmp_path: Path, synthetic: tuple[list[str], list[str]]
) -> None:
    train_router(rows_from(*synthetic), "bm25").save(tmp_path)
    meta = json.loads((tmp_path / "meta.json").read_text())
    (tmp_path / "meta.json").write_text(json.dumps({**meta, **change}))
    with pytest.raises(IncompatibleModel) as info:
        read_meta(tmp_path)
    assert info.value.code == "E252" and reason in info.value.message
    assert "civicdesk train --catalogue" in info.value.message


def test_damaged_parameters_are_refused(tmp_path: Path, synthetic: tuple[list[str], list[str]]) -> None:
    train_router(rows_from(*synthetic), "tfidf-svm").save(tmp_path)
    (tmp_path / "arrays.npz").write_bytes(b"not a zip")
    with pytest.raises(IncompatibleModel):
        load_model(tmp_path)


@pytest.mark.parametrize(
    ("version", "spec", "ok"),
    [("0.1.0", ">=0.1.0,<0.2.0", True), ("0.2.0", ">=0.1.0,<0.2.0", False), ("1.0", "==1.0.0", True)],
)
def test_version_range(version: str, spec: str, ok: bool) -> None:
    assert version_in_range(version, spec) is ok


def test_route_decides_and_explains(synthetic_with_oos: tuple[list[str], list[str]]) -> None:
    model = train_router(rows_from(*synthetic_with_oos), "tfidf-svm", oos_label="oos")
    routing = model.route("I need to renew my passport")
    assert routing.status == "answered" and routing.services[0].id == "passport"
    assert "oos" not in [s.id for s in routing.services]
    e = routing.explanation
    assert e.model_version == model.meta.version and e.decision == "answered"
    assert e.evidence and e.threshold["answer"] == model.meta.thresholds.answer
    assert e.runner_up == [s.id for s in routing.services[1:4]]
    assert model.route("tell me a joke please").status == "out_of_scope"
    assert json.dumps(routing.to_dict(), ensure_ascii=False)


def test_evaluate_reports_in_scope_and_out_of_scope(synthetic_with_oos: tuple[list[str], list[str]]) -> None:
    model = train_router(rows_from(*synthetic_with_oos), "tfidf-svm", oos_label="oos")
    texts = ["passport renewal", "樓上好嘈", "垃圾没人收", "a poem about the sea", "给我讲个笑话"]
    labels = ["passport", "noise", "rubbish", "oos", "oos"]
    report = evaluate(model, texts, labels, ["en", "yue", "zh-Hans", "en", "zh-Hans"], oos_label="oos")
    data = report.to_dict()
    assert data["in_scope"]["n"] == 3 and data["in_scope"]["accuracy"] == 1.0
    assert set(data["in_scope"]["accuracy_by_language"]) == {"en", "yue", "zh-Hans"}
    assert data["out_of_scope"]["n"] == 2 and 0 <= data["out_of_scope"]["recall"] <= 1
    assert "out-of-scope: n=2" in report.to_text()


def test_the_first_service_comes_from_the_department_holding_the_most_probability(
    synthetic_with_oos: tuple[list[str], list[str]],
) -> None:
    departments = {"passport": "ImmD", "noise": "EPD", "rubbish": "EPD"}
    model = train_router(rows_from(*synthetic_with_oos), "tfidf-svm", departments=departments, oos_label="oos")
    labels = model.router.labels_
    row = np.zeros(len(labels))
    for label, p in {"passport": 0.4, "noise": 0.28, "rubbish": 0.32}.items():
        row[labels.index(label)] = p
    assert [labels[j] for j in model.order(row)] == ["rubbish", "passport", "noise"]
    assert model.department_mass(row) == pytest.approx({"EPD": 0.6, "ImmD": 0.4})
    # The decision reads the first service's own probability, not the best one's.
    assert model.status_of(row) == model.meta.thresholds.status(0.32, model.oos_score(row))
    # Without departments the order is the probability order.
    plain = train_router(rows_from(*synthetic_with_oos), "tfidf-svm", oos_label="oos")
    assert plain.router.labels_[plain.order(row)[0]] == "passport"
    routing = model.route("I need to renew my passport")
    assert routing.explanation.department_scores and next(iter(routing.explanation.department_scores)) == "ImmD"
