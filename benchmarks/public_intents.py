"""Public intent benchmarks through the same code as `civicdesk train` / `civicdesk evaluate`
(`train_router` + `evaluate`): CLINC150 (with out-of-scope), Banking77, HWU64, SMP2017-ECDT, LIHKG-cat.

    .venv/bin/python benchmarks/public_intents.py [--data-dir DIR] [--datasets clinc150 banking77 ...]
        [--candidates tfidf-svm e5-svm ...] [--validation] [--oos-recall R] [--json-out results.json]

Thresholds come from cross-validation on the training split, or with --validation from the dataset's own
validation split where it has one (CLINC150: val + oos_val), as `civicdesk train --validation FILE` does;
`--oos-recall R` is `civicdesk train --oos-recall R`. Test splits are never trained or tuned on.
Embeddings are cached in /tmp/civicdesk-bench-cache so candidates and reruns share them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from router_common import DATASETS, CachedEncoder, candidates

from civicdesk.understanding import evaluate, train_router
from civicdesk.understanding.training import TrainingData

Split = tuple[list[str], list[str]]


def _table(path: Path, text: str, label: str, delimiter: str = ",") -> Split:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else 0))
    rows = [r for r in rows if (r.get(text) or "").strip() and (r.get(label) or "").strip()]
    return [r[text].strip() for r in rows], [r[label].strip() for r in rows]


def load(name: str, root: Path) -> tuple[Split, Split, str | None, str]:
    if name == "clinc150":
        data = json.loads((root / "clinc150_oos" / "data_full.json").read_text())
        train = data["train"] + data["oos_train"]
        test = data["test"] + data["oos_test"]
        return (
            ([t for t, _ in train], [lab for _, lab in train]),
            (
                [t for t, _ in test],
                [lab for _, lab in test],
            ),
            "oos",
            "train+oos_train / test+oos_test",
        )
    if name == "banking77":
        d = root / "banking77"
        return (
            _table(d / "train.csv", "text", "category"),
            _table(d / "test.csv", "text", "category"),
            None,
            "train/test",
        )
    if name == "hwu64":
        d = root / "hwu64"
        return (
            _table(d / "train.csv", "text", "label"),
            _table(d / "test.csv", "text", "label"),
            None,
            "KFold_1 train/test",
        )
    if name == "smp2017":
        d = root / "smp2017_ecdt_intent"
        train, dev = (
            _table(d / "train.tsv", "Sentence", "Tag", "\t"),
            _table(d / "develop.tsv", "Sentence", "Tag", "\t"),
        )
        return train, dev, None, "train/develop (official test not public here)"
    if name == "lihkg":
        d = root / "lihkg_cat_cantonese"
        train, test = _table(d / "train.tsv", "text_a", "label", "\t"), _table(d / "test.tsv", "text_a", "label", "\t")
        return train, test, None, "train/test"
    raise SystemExit(f"unknown dataset {name}")


def validation_split(name: str, root: Path) -> Split | None:
    """The dataset's own validation split, for choosing thresholds (None where it has none)."""
    if name != "clinc150":
        return None
    data = json.loads((root / "clinc150_oos" / "data_full.json").read_text())
    rows = data["val"] + data["oos_val"]
    return [t for t, _ in rows], [lab for _, lab in rows]


def run(
    name: str, root: Path, wanted: list[str] | None, use_validation: bool = False, oos_recall: float | None = None
) -> list[dict[str, object]]:
    train, test, oos, split = load(name, root)
    val = validation_split(name, root) if use_validation else None
    validation = TrainingData(*val, source=f"{name} validation split") if val else None
    encoder = CachedEncoder(name)
    factories = candidates(encoder)
    results = []
    for cand, factory in factories.items():
        if wanted and cand not in wanted:
            continue
        started = time.perf_counter()
        model = train_router(
            TrainingData(*train, source=name),
            cand,
            router=factory(),
            oos_label=oos,
            oos_recall=oos_recall if oos else None,
            validation=validation,
        )
        fit_s = time.perf_counter() - started
        report = evaluate(model, *test, oos_label=oos).to_dict()
        encoder.save()
        ins = report["in_scope"]
        row: dict[str, object] = {
            "dataset": name,
            "split": split,
            "candidate": cand,
            "train_rows": len(train[0]),
            "test_rows": len(test[0]),
            "accuracy": ins["accuracy"],
            "macro_f1": ins["macro_f1"],
            "train_s": round(fit_s, 1),
            "ms_per_msg_batch": report["ms_per_message"],
        }
        if report["out_of_scope"]:
            row["accuracy_with_reject"] = ins["accuracy_with_reject"]
            row["oos_recall"] = report["out_of_scope"]["recall"]
            row["oos_threshold"] = report["out_of_scope"]["threshold"]
            row["thresholds_chosen_on"] = model.meta.thresholds.chosen_on
        if hasattr(model.router, "threshold_"):
            row["cascade_gate"] = round(float(model.router.threshold_), 3)
        print(json.dumps(row), flush=True)
        results.append(row)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATASETS)
    parser.add_argument("--datasets", nargs="*", default=["clinc150", "banking77", "hwu64", "smp2017", "lihkg"])
    parser.add_argument("--candidates", nargs="*", default=None)
    parser.add_argument("--validation", action="store_true", help="thresholds from the validation split (CLINC150)")
    parser.add_argument("--oos-recall", type=float, help="required out-of-scope recall, as `civicdesk train`")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    results = [
        row
        for name in args.datasets
        for row in run(name, args.data_dir, args.candidates, args.validation, args.oos_recall)
    ]
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
