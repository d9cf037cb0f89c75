"""Training: from (text, label) rows or from the catalogue to a saved, calibrated router artefact.

Thresholds and the metrics in `meta.json` come from the router's cross-validated (out-of-fold)
predictions on the training data itself or, when one is given, from a validation set kept out of training;
never from a test set.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import yaml

from civicdesk.understanding.artefact import ModelMeta
from civicdesk.understanding.base import Router
from civicdesk.understanding.calibration import (
    OOS_SHARE,
    choose_oos_power,
    choose_thresholds,
    expected_calibration_error,
    soften,
)
from civicdesk.understanding.errors import BadTrainingData
from civicdesk.understanding.kinds import CLASSES, DEFAULT_KIND, make_router
from civicdesk.understanding.metrics import classification_metrics
from civicdesk.understanding.model import RouterModel
from civicdesk.understanding.types import Thresholds

if TYPE_CHECKING:
    from civicdesk.catalogue import Catalogue

CATALOGUE_MODEL_NAME = "civicdesk-router-catalogue"
OUT_OF_SCOPE = "__out_of_scope__"
_OOS_FILE = Path(__file__).parent / "data" / "out_of_scope.yaml"


@dataclass(frozen=True)
class TrainingData:
    texts: list[str]
    labels: list[str]
    languages: list[str] | None = None
    source: str = ""

    def sha256(self) -> str:
        digest = hashlib.sha256()
        for text, label in zip(self.texts, self.labels, strict=True):
            digest.update(json.dumps([text, label], ensure_ascii=False).encode())
            digest.update(b"\n")
        return digest.hexdigest()


def out_of_scope_examples() -> dict[str, list[str]]:
    """The bundled out-of-scope messages, by language form."""
    data = yaml.safe_load(_OOS_FILE.read_text(encoding="utf-8"))
    return {str(lang): [str(t) for t in texts] for lang, texts in data.items()}


def catalogue_training_data(catalogue: Catalogue, with_out_of_scope: bool = True) -> TrainingData:
    """Every service's examples (by language form), keywords and names, labelled with the service id."""
    texts: list[str] = []
    labels: list[str] = []
    languages: list[str] = []

    def add(text: str, label: str, language: str) -> None:
        texts.append(text)
        labels.append(label)
        languages.append(language)

    for service in sorted(catalogue.services.values(), key=lambda s: s.id):
        for language, examples in service.examples.by_language().items():
            for example in examples:
                add(example, service.id, language)
        kw = service.keywords
        add(" ".join([service.name.en, *kw.en]), service.id, "en")
        add(" ".join([service.name.zh_Hant, *kw.zh_Hant]), service.id, "zh-Hant")
        if kw.yue:
            add(" ".join(kw.yue), service.id, "yue")
    if with_out_of_scope:
        for language, examples in out_of_scope_examples().items():
            for example in examples:
                add(example, OUT_OF_SCOPE, language)
    return TrainingData(texts, labels, languages, source=f"catalogue {catalogue.version}")


def train_router(
    data: TrainingData,
    kind: str = DEFAULT_KIND,
    *,
    name: str = "civicdesk-router",
    departments: dict[str, str] | None = None,
    oos_label: str | None = None,
    router: Router | None = None,
    oos_share: float = OOS_SHARE,
    oos_recall: float | None = None,
    validation: TrainingData | None = None,
) -> RouterModel:
    """Fit a router of `kind` (or the given unfitted `router`), choose thresholds, and describe it.

    `oos_share`: the share of real messages expected to be out of scope, for the out-of-scope threshold;
    `oos_recall`: instead, the share of out-of-scope messages the threshold must reject (decision 0302).
    `validation`: rows kept out of training (e.g. last month's messages, or a dataset's validation split) on
    which the thresholds and the metrics are computed instead of the training data's out-of-fold predictions."""
    if not 0.0 < oos_share < 1.0:
        raise BadTrainingData(f"the out-of-scope share must be between 0 and 1, not {oos_share}")
    if oos_recall is not None and not 0.0 < oos_recall < 1.0:
        raise BadTrainingData(f"the out-of-scope recall must be between 0 and 1, not {oos_recall}")
    if validation is not None:
        _check_validation(validation, set(data.labels))
    started = time.perf_counter()
    router = router if router is not None else make_router(kind)
    router.fit(data.texts, data.labels)
    seconds = time.perf_counter() - started
    sha = data.sha256()
    created = datetime.now(UTC)
    oos = oos_label if oos_label in router.labels_ else None
    meta = ModelMeta(
        name=name,
        version=f"{created:%Y.%m.%d}-{sha[:8]}",
        kind=kind,
        router_class=next(k for k, cls in CLASSES.items() if isinstance(router, cls)),
        labels=[label for label in router.labels_ if label != oos],
        training_data={"sha256": sha, "rows": len(data.texts), "source": data.source},
        thresholds=Thresholds(),
        created=created.isoformat(timespec="seconds"),
        departments=dict(departments or {}),
        oos_label=oos,
        training_seconds=round(seconds, 2),
    )
    model = RouterModel(router, meta)
    if validation is not None:
        rows = f"validation ({len(validation.texts)} rows, {validation.source})"
        _describe(model, validation, model.proba_many(validation.texts), oos_share, oos_recall, rows)
        model.meta.training_data["validation"] = {"sha256": validation.sha256(), "rows": len(validation.texts)}
    elif (out_of_fold := getattr(router, "validation_proba_", None)) is not None:
        _describe(model, data, np.asarray(out_of_fold), oos_share, oos_recall)
    return model


def _check_validation(validation: TrainingData, known: set[str]) -> None:
    """E254 for an empty validation set or one with labels the training data does not have."""
    if not validation.texts:
        raise BadTrainingData("the validation data has no rows")
    unknown = sorted(set(validation.labels) - known)
    if unknown:
        shown = ", ".join(repr(label) for label in unknown[:5])
        raise BadTrainingData(
            f"the validation data has {len(unknown)} label(s) the training data does not have: {shown}"
        )


def _describe(
    model: RouterModel,
    data: TrainingData,
    probs: np.ndarray,
    oos_share: float,
    oos_recall: float | None,
    rows: str = "cross-validated",
) -> None:
    """Thresholds and metrics from probabilities the model did not train on (`rows` says which: out-of-fold
    predictions on the training data, or a validation set)."""
    labels = model.router.labels_
    oos = model.meta.oos_label
    oos_idx = labels.index(oos) if oos else None
    in_cols = [j for j in range(len(labels)) if j != oos_idx]

    def top_of(rows: np.ndarray) -> np.ndarray:
        """The best in-scope probability, 0 where the out-of-scope label wins (as `RouterModel.status_of`)."""
        top = rows[:, in_cols].max(axis=1)
        return np.where(rows.argmax(axis=1) == oos_idx, 0.0, top) if oos_idx is not None else top

    # The first-ranked service (`RouterModel.order`) and its own probability, as the answer decision reads it.
    first = np.array([model.order(row)[0] for row in probs])
    top = np.where(top_of(probs) > 0.0, probs[np.arange(len(probs)), first], 0.0)
    predicted = [labels[j] for j in first]
    gold = np.array(data.labels)
    is_oos = gold == oos if oos else np.zeros(len(gold), dtype=bool)
    correct = np.array(predicted) == gold
    power = 1.0
    if is_oos.any():
        power = choose_oos_power(probs[~is_oos], correct[~is_oos], probs[is_oos], top_of, oos_share, oos_recall)
    softened = top_of(soften(probs, power))
    model.meta.thresholds = choose_thresholds(
        top[~is_oos],
        correct[~is_oos],
        softened[is_oos] if is_oos.any() else None,
        oos_share=oos_share,
        oos_power=power,
        oos_in_scope_top=softened[~is_oos],
        oos_recall=oos_recall,
        rows=rows,
    )
    languages = [lang or "" for lang in data.languages] if data.languages else None
    in_scope = ~is_oos
    metrics = classification_metrics(
        list(gold[in_scope]),
        [p for p, keep in zip(predicted, in_scope, strict=True) if keep],
        [lang for lang, keep in zip(languages, in_scope, strict=True) if keep] if languages else None,
        model.meta.departments or None,
    )
    y = np.array([labels.index(g) for g in gold])
    metrics["ece"] = round(expected_calibration_error(probs, y), 4)
    if is_oos.any():
        metrics["oos_recall"] = round(float((softened[is_oos] < model.meta.thresholds.out_of_scope).mean()), 4)
    metrics["evaluated_on"] = "cross-validated predictions on the training data" if rows == "cross-validated" else rows
    model.meta.metrics = metrics


def train_catalogue_router(catalogue: Catalogue, out_dir: Path, kind: str = DEFAULT_KIND) -> RouterModel:
    """Train the default service router from the catalogue and save it to `out_dir`."""
    data = catalogue_training_data(catalogue)
    departments = {s.id: s.department for s in catalogue.services.values()}
    model = train_router(data, kind, name=CATALOGUE_MODEL_NAME, departments=departments, oos_label=OUT_OF_SCOPE)
    model.meta.training_data["catalogue_version"] = catalogue.version
    model.save(Path(out_dir))
    return model


def rows_from(texts: Sequence[str], labels: Sequence[str]) -> TrainingData:
    return TrainingData(list(texts), [str(label) for label in labels])
