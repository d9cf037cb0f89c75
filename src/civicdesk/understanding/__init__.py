"""Understanding: rank the catalogue's services for a message, with calibrated confidence and an explanation.

Use in the platform::

    router = ServiceRouter.from_settings(settings, catalogue).warm_up()   # once, at start-up
    routing = router.route("我想續領護照")                                   # per message
    routing.status        # "answered" | "clarify" | "out_of_scope"
    routing.services      # [RankedService(id, department, confidence), ...] best first
    routing.choices       # for "clarify": the 2-4 services to offer
    routing.explanation   # model, version, scores, thresholds, evidence, runner-up services

Estimators (scikit-learn style, `fit(texts, labels)`, `rank`, `rank_many`): `TfidfLinearRouter`,
`Bm25Router`, `EncoderRouter`, `CascadeRouter`, `KeywordRouter` (the fake/fallback) and `MajorityRouter`.
Artefacts: `train_router`, `train_catalogue_router`, `load_model`; evaluation: `evaluate`.
"""

from civicdesk.understanding.artefact import ModelMeta, read_meta, save_model
from civicdesk.understanding.base import LearnedRouter, Router
from civicdesk.understanding.bm25 import Bm25Router
from civicdesk.understanding.cascade import CascadeRouter
from civicdesk.understanding.datasets import read_table
from civicdesk.understanding.encoder import EncoderRouter
from civicdesk.understanding.engine import Encoder, build_engine
from civicdesk.understanding.errors import (
    BadTrainingData,
    EncoderUnavailable,
    IncompatibleModel,
    ModelNotFound,
    NotFitted,
    UnderstandingError,
    UnknownModelKind,
)
from civicdesk.understanding.evaluation import EvaluationReport, evaluate
from civicdesk.understanding.keyword import KeywordRouter, MajorityRouter
from civicdesk.understanding.kinds import DEFAULT_KIND, KINDS, make_router
from civicdesk.understanding.linear import TfidfLinearRouter
from civicdesk.understanding.model import RouterModel, load_model
from civicdesk.understanding.service import ServiceRouter, default_model_path, keyword_model
from civicdesk.understanding.text import TextAnalyser, normalise
from civicdesk.understanding.training import (
    OUT_OF_SCOPE,
    TrainingData,
    catalogue_training_data,
    train_catalogue_router,
    train_router,
)
from civicdesk.understanding.types import Evidence, Explanation, RankedService, Routing, Thresholds

__all__ = [
    "DEFAULT_KIND",
    "KINDS",
    "OUT_OF_SCOPE",
    "BadTrainingData",
    "Bm25Router",
    "CascadeRouter",
    "Encoder",
    "EncoderRouter",
    "EncoderUnavailable",
    "EvaluationReport",
    "Evidence",
    "Explanation",
    "IncompatibleModel",
    "KeywordRouter",
    "LearnedRouter",
    "MajorityRouter",
    "ModelMeta",
    "ModelNotFound",
    "NotFitted",
    "RankedService",
    "Router",
    "RouterModel",
    "Routing",
    "ServiceRouter",
    "TextAnalyser",
    "TfidfLinearRouter",
    "Thresholds",
    "TrainingData",
    "UnderstandingError",
    "UnknownModelKind",
    "build_engine",
    "catalogue_training_data",
    "default_model_path",
    "evaluate",
    "keyword_model",
    "load_model",
    "make_router",
    "normalise",
    "read_meta",
    "read_table",
    "save_model",
    "train_catalogue_router",
    "train_router",
]
