"""`ServiceRouter`: the catalogue's service router as the platform uses it.

Construct it cheaply, call `warm_up()` once at start-up, then `route(text)` per message. `warm_up`
loads the artefact at `<model_dir>/router`; when it is missing, incompatible or trained on another
version of the catalogue it trains one from the catalogue (a few seconds) unless `train_if_missing=False`,
in which case the error names `civicdesk train --catalogue`. `keyword_model(catalogue)` is the
documented fallback and the fake for fast tests: same interface, catalogue keywords only.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from civicdesk.understanding.artefact import ModelMeta
from civicdesk.understanding.errors import IncompatibleModel, ModelNotFound, NotFitted
from civicdesk.understanding.keyword import KeywordRouter
from civicdesk.understanding.kinds import DEFAULT_KIND
from civicdesk.understanding.model import RouterModel, load_model
from civicdesk.understanding.training import catalogue_training_data, train_catalogue_router
from civicdesk.understanding.types import RankedService, Routing, Thresholds

if TYPE_CHECKING:
    from civicdesk.catalogue import Catalogue
    from civicdesk.settings import Settings

log = logging.getLogger("civicdesk.understanding")
ROUTER_DIRNAME = "router"


def default_model_path(settings: Settings) -> Path:
    return settings.resolved_model_dir / ROUTER_DIRNAME


def keyword_model(catalogue: Catalogue) -> RouterModel:
    """A `RouterModel` over the catalogue's keywords: needs no training and no artefact."""
    router = KeywordRouter.from_catalogue(catalogue)
    meta = ModelMeta(
        name="civicdesk-router-keywords",
        version=catalogue.version,
        kind="keyword",
        router_class="keyword",
        labels=list(router.labels_),
        training_data={"sha256": "", "rows": 0, "source": f"catalogue {catalogue.version} keywords"},
        thresholds=Thresholds(answer=0.5, out_of_scope=0.2, clarify_min=0.15, chosen_on="fixed for keywords"),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        departments={s.id: s.department for s in catalogue.services.values()},
    )
    return RouterModel(router, meta)


class ServiceRouter:
    def __init__(
        self,
        catalogue: Catalogue,
        model_path: Path,
        *,
        kind: str = DEFAULT_KIND,
        train_if_missing: bool = True,
        fallback_to_keywords: bool = False,
    ) -> None:
        self.catalogue = catalogue
        self.model_path = Path(model_path)
        self.kind = kind
        self.train_if_missing = train_if_missing
        self.fallback_to_keywords = fallback_to_keywords
        self.model_: RouterModel | None = None

    @classmethod
    def from_settings(cls, settings: Settings, catalogue: Catalogue, **kwargs: Any) -> ServiceRouter:
        return cls(catalogue, default_model_path(settings), **kwargs)

    def warm_up(self) -> ServiceRouter:
        if self.model_ is None:
            self.model_ = self._load_or_train()
            self.model_.warm_up()
        return self

    def _load_or_train(self) -> RouterModel:
        expected = catalogue_training_data(self.catalogue).sha256()
        try:
            model = load_model(self.model_path)
            if model.meta.training_data.get("sha256") == expected or not self.train_if_missing:
                return model
            log.info("router model is stale for catalogue %s: retraining", self.catalogue.version)
        except (ModelNotFound, IncompatibleModel) as exc:
            if not self.train_if_missing:
                if self.fallback_to_keywords:
                    log.warning("%s; falling back to the keyword router", exc.message)
                    return keyword_model(self.catalogue)
                raise
            log.info("%s; training it from the catalogue", exc.message)
        return train_catalogue_router(self.catalogue, self.model_path, self.kind)

    @property
    def model(self) -> RouterModel:
        if self.model_ is None:
            raise NotFitted("ServiceRouter (call warm_up() at start-up)")
        return self.model_

    @property
    def model_version(self) -> str:
        return self.model.meta.model_id

    def rank(self, text: str, k: int = 5) -> list[RankedService]:
        return self.model.rank(text, k)

    def route(self, text: str, k: int = 5) -> Routing:
        return self.model.route(text, k)

    def route_many(self, texts: list[str], k: int = 5) -> list[Routing]:
        return self.model.route_many(texts, k)
