"""The default catalogue router, trained from the real catalogue (a few seconds), through `ServiceRouter`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from civicdesk.catalogue import Catalogue, load_catalogue
from civicdesk.understanding import ModelNotFound, NotFitted, ServiceRouter, keyword_model
from civicdesk.understanding.training import OUT_OF_SCOPE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def router(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> ServiceRouter:
    return ServiceRouter(catalogue, tmp_path_factory.mktemp("models") / "router").warm_up()


def _first_service_examples(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    service = sorted(catalogue.services.values(), key=lambda s: s.id)[0]
    return [(text, service.id, service.department) for text in service.examples.all()[:3]]


def test_first_start_trains_and_saves_the_default_model(router: ServiceRouter, catalogue: Catalogue) -> None:
    meta = json.loads((router.model_path / "meta.json").read_text())
    assert meta["name"] == "civicdesk-router-catalogue"
    assert set(meta["labels"]) == set(catalogue.services) and OUT_OF_SCOPE not in meta["labels"]
    assert meta["training_data"]["catalogue_version"] == catalogue.version
    assert meta["departments"] == {s.id: s.department for s in catalogue.services.values()}


def test_second_start_loads_without_retraining(router: ServiceRouter, catalogue: Catalogue) -> None:
    again = ServiceRouter(catalogue, router.model_path, train_if_missing=False).warm_up()
    assert again.model_version == router.model_version
    assert again.model.meta.created == router.model.meta.created


def test_catalogue_examples_route_to_their_service(router: ServiceRouter, catalogue: Catalogue) -> None:
    for text, service_id, department in _first_service_examples(catalogue):
        routing = router.route(text)
        assert routing.services[0].id == service_id, text
        assert routing.services[0].department == department
        assert routing.status in ("answered", "clarify")
        assert routing.explanation.model_version in router.model_version


@pytest.mark.parametrize("text", ["Can you recommend a sushi place for tonight?", "幫我寫一首詩"])
def test_out_of_scope(router: ServiceRouter, text: str) -> None:
    routing = router.route(text)
    assert routing.status == "out_of_scope"
    assert routing.services  # still ranked, for the explanation and the officer


def test_clarify_offers_two_to_four_choices(router: ServiceRouter) -> None:
    # Ambiguous between services (a dog, a driver's or a vehicle licence); vague requests with no subject at all
    # are the assistant's to catch (assistant/vague.py).
    texts = ["renew my licence", "licence renewal", "申請牌照", "complaint", "application form"]
    clarified = [r for r in router.route_many(texts) if r.status == "clarify"]
    assert clarified, "no ambiguous message was sent to clarify"
    for routing in clarified:
        assert 2 <= len(routing.choices) <= 4


def test_missing_model_without_training_names_the_command(catalogue: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound) as info:
        ServiceRouter(catalogue, tmp_path / "router", train_if_missing=False).warm_up()
    assert "civicdesk train --catalogue" in info.value.message
    fallback = ServiceRouter(catalogue, tmp_path / "router", train_if_missing=False, fallback_to_keywords=True)
    assert fallback.warm_up().model.meta.kind == "keyword"


def test_routing_before_warm_up_is_an_error(catalogue: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(NotFitted):
        ServiceRouter(catalogue, tmp_path).route("hello")


def test_keyword_fallback_needs_no_model(catalogue: Catalogue) -> None:
    model = keyword_model(catalogue)
    service = sorted(catalogue.services.values(), key=lambda s: s.id)[0]
    routing = model.route(f"{service.keywords.zh_Hant[0]} {service.keywords.en[0]}")
    assert routing.services[0].id == service.id
    assert routing.explanation.evidence and routing.explanation.evidence[0].kind == "keyword"
