"""The model kinds `civicdesk train --model KIND` knows, and the router classes `load_model` restores."""

from __future__ import annotations

from collections.abc import Callable

from civicdesk.understanding.base import Router
from civicdesk.understanding.bm25 import Bm25Router
from civicdesk.understanding.cascade import CascadeRouter
from civicdesk.understanding.encoder import EncoderRouter
from civicdesk.understanding.errors import UnknownModelKind
from civicdesk.understanding.keyword import KeywordRouter, MajorityRouter
from civicdesk.understanding.linear import TfidfLinearRouter

# The default for `civicdesk train` and for the catalogue model; see docs/decisions/0301-router-model.md.
DEFAULT_KIND = "tfidf-svm"

KINDS: dict[str, Callable[[], Router]] = {
    "tfidf-svm": lambda: TfidfLinearRouter(classifier="svm", c=1.0),
    "tfidf-logreg": lambda: TfidfLinearRouter(classifier="logreg", c=20.0),
    "tfidf-sgd": lambda: TfidfLinearRouter(classifier="sgd", c=1.0),
    "bm25": lambda: Bm25Router(),
    "e5-knn": lambda: EncoderRouter(head="knn"),
    "e5-centroid": lambda: EncoderRouter(head="centroid"),
    "e5-logreg": lambda: EncoderRouter(head="logreg", c=100.0),
    "e5-svm": lambda: EncoderRouter(head="svm", c=4.0),
    "cascade": lambda: CascadeRouter(),
    "ensemble": lambda: CascadeRouter(threshold=1.1),
    "keyword": lambda: KeywordRouter(),
    "majority": lambda: MajorityRouter(),
}

CLASSES: dict[str, type[Router]] = {
    cls.kind: cls
    for cls in (TfidfLinearRouter, Bm25Router, EncoderRouter, CascadeRouter, KeywordRouter, MajorityRouter)
}


def make_router(kind: str) -> Router:
    if kind not in KINDS:
        raise UnknownModelKind(kind, sorted(KINDS))
    return KINDS[kind]()
