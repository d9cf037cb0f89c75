"""Router candidates on the catalogue: cross-validated metrics on the catalogue examples and the in-repo
held-out set (benchmarks/data/assistant_heldout.jsonl, never trained on).

    .venv/bin/python benchmarks/router_compare.py [--heldout FILE] [--candidates tfidf-svm cascade ...]

Held-out figures here are the router's alone: top-1 department accuracy per language on the messages
whose expected department is known, and the share of expected out-of-scope messages the router
rejects (the assistant adds safety, vague-message and blocked handling on top).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from router_common import CachedEncoder, candidates

from civicdesk.catalogue import load_catalogue
from civicdesk.understanding import (
    OUT_OF_SCOPE,
    CascadeRouter,
    RouterModel,
    catalogue_training_data,
    keyword_model,
    train_router,
)

HELDOUT = Path(__file__).resolve().parent / "data" / "assistant_heldout.jsonl"


def heldout_scores(model: RouterModel, rows: list[dict[str, str]]) -> dict[str, object]:
    routings = model.route_many([r["text"] for r in rows])
    per: dict[str, list[bool]] = {}
    oos_hits: list[bool] = []
    in_rejected: list[bool] = []
    for row, routing in zip(rows, routings, strict=True):
        if row.get("department"):
            per.setdefault(row["language"], []).append(routing.services[0].department == row["department"])
            in_rejected.append(routing.status == "out_of_scope")
        elif row["expected"] == "out_of_scope":
            oos_hits.append(routing.status == "out_of_scope")
    all_hits = [h for v in per.values() for h in v]
    out: dict[str, object] = {
        "dept_acc": round(sum(all_hits) / max(len(all_hits), 1), 4),
        "dept_acc_by_lang": {k: round(sum(v) / len(v), 4) for k, v in sorted(per.items())},
        "n_dept": len(all_hits),
        "oos_rejected": round(sum(oos_hits) / max(len(oos_hits), 1), 4),
        "n_oos": len(oos_hits),
        "in_scope_rejected": round(sum(in_rejected) / max(len(in_rejected), 1), 4),
    }
    if isinstance(model.router, CascadeRouter):
        gate = model.router.lexical_.predict_proba_many([r["text"] for r in rows]).max(axis=1)
        out["encoder_share"] = round(float((gate < model.router.threshold_).mean()), 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    parser.add_argument("--candidates", nargs="*", default=None)
    args = parser.parse_args()
    catalogue = load_catalogue()
    data = catalogue_training_data(catalogue)
    departments = {s.id: s.department for s in catalogue.services.values()}
    rows = [json.loads(line) for line in args.heldout.read_text().splitlines() if line.strip()]
    encoder = CachedEncoder("catalogue")
    print(f"catalogue {catalogue.version}: {len(catalogue.services)} services, {len(data.texts)} training rows")
    factories = candidates(encoder)
    factories.pop("keyword (learned)")
    for name in ["keyword (catalogue)", *factories]:
        if args.candidates and name not in args.candidates:
            continue
        started = time.perf_counter()
        if name == "keyword (catalogue)":
            model = keyword_model(catalogue)
        else:
            model = train_router(data, name, router=factories[name](), departments=departments, oos_label=OUT_OF_SCOPE)
        fit_s = time.perf_counter() - started
        encoder.save()
        m = model.meta.metrics
        result = {
            "candidate": name,
            "train_s": round(fit_s, 1),
            "cv_service_acc": m.get("accuracy"),
            "cv_dept_acc": m.get("department_accuracy"),
            "cv_acc_by_lang": m.get("accuracy_by_language"),
            "cv_oos_recall": m.get("oos_recall"),
            "ece": m.get("ece"),
            "thresholds": model.thresholds,
            "heldout": heldout_scores(model, rows),
        }
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
