from __future__ import annotations

import numpy as np
import pytest

from civicdesk.understanding import (
    BadTrainingData,
    Bm25Router,
    KeywordRouter,
    MajorityRouter,
    NotFitted,
    Router,
    TfidfLinearRouter,
    make_router,
)
from civicdesk.understanding.kinds import KINDS

FAST_KINDS = ["tfidf-svm", "tfidf-sgd", "tfidf-logreg", "bm25", "keyword"]


@pytest.mark.parametrize("kind", FAST_KINDS)
def test_fit_returns_self_and_ranks_with_probabilities(kind: str, synthetic: tuple[list[str], list[str]]) -> None:
    router = make_router(kind)
    assert router.fit(*synthetic) is router
    ranking = router.rank("my passport is about to expire", k=3)
    assert next(label for label, _ in ranking) == "passport"
    probs = [p for _, p in ranking]
    assert probs == sorted(probs, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in probs) and sum(probs) <= 1.0 + 1e-9


@pytest.mark.parametrize("kind", FAST_KINDS)
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("垃圾桶满了没人清理", "rubbish"),  # Simplified query, mostly Traditional training data
        ("樓上裝修好嘈", "noise"),
        ("loud music from the flat upstairs", "noise"),
    ],
)
def test_routes_across_scripts(kind: str, text: str, label: str, synthetic: tuple[list[str], list[str]]) -> None:
    assert make_router(kind).fit(*synthetic).rank(text, k=1)[0][0] == label


@pytest.mark.parametrize("kind", FAST_KINDS)
def test_rank_many_agrees_with_rank(kind: str, synthetic: tuple[list[str], list[str]]) -> None:
    router = make_router(kind).fit(*synthetic)
    texts = ["noise at night", "護照", "", "🙂"]
    batch = router.rank_many(texts, k=2)
    for text, ranking in zip(texts, batch, strict=True):
        single = router.rank(text, k=2)
        assert [label for label, _ in ranking] == [label for label, _ in single]
        assert np.allclose([p for _, p in ranking], [p for _, p in single])


def test_constructor_only_stores_arguments() -> None:
    router = TfidfLinearRouter(classifier="sgd", c=2.0)
    assert not router.fitted
    assert router.params()["classifier"] == "sgd" and router.params()["c"] == 2.0
    assert not [name for name in vars(router) if name.endswith("_")]


def test_unfitted_router_says_what_to_do() -> None:
    with pytest.raises(NotFitted) as info:
        Bm25Router().rank("hello")
    assert info.value.code == "E253" and "fit(" in info.value.message


@pytest.mark.parametrize(
    ("texts", "labels"), [(["a", "b"], ["x"]), (["a", "b"], ["x", "x"])], ids=["lengths", "one-label"]
)
def test_bad_training_data(texts: list[str], labels: list[str]) -> None:
    with pytest.raises(BadTrainingData):
        TfidfLinearRouter().fit(texts, labels)


def test_calibration_keeps_out_of_fold_probabilities(synthetic: tuple[list[str], list[str]]) -> None:
    router = TfidfLinearRouter().fit(*synthetic)
    assert router.validation_proba_ is not None
    assert router.validation_proba_.shape == (len(synthetic[0]), 3)
    assert router.temperature_ > 0
    uncalibrated = TfidfLinearRouter(calibrate=False).fit(*synthetic)
    assert uncalibrated.validation_proba_ is None and uncalibrated.temperature_ == 1.0


def test_short_messages_get_their_own_softer_temperature(synthetic: tuple[list[str], list[str]]) -> None:
    router = TfidfLinearRouter().fit(*synthetic)
    assert router.short_temperature_ >= router.temperature_
    one_temperature = TfidfLinearRouter(short_calibration=False).fit(*synthetic)
    assert one_temperature.short_temperature_ == one_temperature.temperature_
    short, long = "passport", "I want to renew my passport before my trip"
    assert router.rank(short, 1)[0][1] <= one_temperature.rank(short, 1)[0][1]
    assert router.rank(long, 1) == one_temperature.rank(long, 1)  # full sentences are unchanged


def test_evidence_names_matching_terms_and_examples(synthetic: tuple[list[str], list[str]]) -> None:
    lexical = TfidfLinearRouter().fit(*synthetic).evidence("passport renewal please", "passport")
    assert lexical and lexical[0].kind == "term" and "passport" in lexical[0].text
    examples = Bm25Router().fit(*synthetic).evidence("passport renewal please", "passport")
    assert examples and examples[0].kind == "example" and examples[0].text in synthetic[0]


def test_keyword_router_with_given_keywords() -> None:
    router = KeywordRouter(keywords={"a": ["passport", "護照"], "b": ["rubbish"]}).fit(["x", "y"], ["a", "b"])
    assert router.rank("我想续领护照", 1)[0][0] == "a"  # Simplified text matches the Traditional keyword
    assert router.rank("nothing matches", 2)[0][1] == pytest.approx(0.5)
    assert router.evidence("rubbish again", "b")[0].text == "rubbish"


def test_majority_baseline(synthetic: tuple[list[str], list[str]]) -> None:
    texts, labels = synthetic
    router = MajorityRouter().fit([*texts, "extra"], [*labels, "noise"])
    assert router.predict(["anything", "護照"]) == ["noise", "noise"]


def test_every_kind_is_a_router() -> None:
    assert {"tfidf-svm", "bm25", "e5-knn", "e5-logreg", "cascade", "keyword", "majority"} <= set(KINDS)
    assert all(isinstance(KINDS[k](), Router) for k in KINDS)


def test_the_fast_tfidf_rows_equal_scikit_learns(synthetic: tuple[list[str], list[str]]) -> None:
    router = TfidfLinearRouter().fit(*synthetic)
    probes = ["passport renewal", "樓上好嘈 noise", "垃圾没人收", "", "🙂🙂", "x" * 2000, "renew renew renew passport"]
    fast = router._transform(probes).toarray()
    reference = router.vectorizer_.transform(probes).toarray()
    assert np.allclose(fast, reference, atol=1e-6)
    assert np.allclose(router._transform(probes[:1]).toarray(), reference[:1], atol=1e-6)  # remembered row
