"""Retraining gain from officers' corrections, measured on a held-out half (issue 5, "Measured").

The set (`benchmarks/data/corrections_sim.jsonl`, written for this benchmark, independent of the catalogue's
examples and of `assistant_heldout.jsonl`) is split once, 50/50 per language with a fixed seed:

- half A plays the officers' corrections (each row: the text and the service an officer would re-route it to);
- half B is the evaluation set, never trained on.

Three routers of the same kind are evaluated on B:

- `before`: the default catalogue router (`train_catalogue_router`, trained into a temporary directory);
- `after (all A)`: retrained with every row of A appended as a correction;
- `after (A wrong)`: retrained only with the rows of A the `before` router got wrong, which is what officers would
  actually correct in the console.

Both retrains go through `civicdesk.console.retrain.retrain_with_corrections` (with `holdout=0`, so every given
correction is trained on), the code path of `civicdesk train --from-corrections`.

    .venv/bin/python benchmarks/corrections_gain.py
    .venv/bin/python benchmarks/corrections_gain.py --seed 1 --kind tfidf-logreg --json
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from civicdesk.catalogue import load_catalogue
from civicdesk.console.retrain import retrain_with_corrections
from civicdesk.understanding import DEFAULT_KIND, RouterModel, evaluate, train_catalogue_router

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "corrections_sim.jsonl"
LANGUAGES = ("en", "zh-Hant", "yue", "zh-Hans")

Row = dict[str, str]


def read_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_by_language(rows: list[Row], seed: int) -> tuple[list[Row], list[Row]]:
    """(A, B): per language, shuffled with `seed`, the first half (rounded down) to A and the rest to B."""
    by_language: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_language[row["language"]].append(row)
    rng = random.Random(seed)
    a: list[Row] = []
    b: list[Row] = []
    for language in sorted(by_language):
        group = by_language[language][:]
        rng.shuffle(group)
        a.extend(group[: len(group) // 2])
        b.extend(group[len(group) // 2 :])
    return a, b


def scores(model: RouterModel, rows: list[Row]) -> dict[str, dict[str, float | int]]:
    """Service and department accuracy on `rows`, overall and per language."""
    out: dict[str, dict[str, float | int]] = {}
    groups = {"all": rows} | {lang: [r for r in rows if r["language"] == lang] for lang in LANGUAGES}
    for name, group in groups.items():
        if not group:
            continue
        report = evaluate(model, [r["text"] for r in group], [r["service"] for r in group])
        out[name] = {
            "n": len(group),
            "service": report.in_scope["accuracy"],
            "department": report.in_scope["department_accuracy"],
        }
    return out


def wrong_rows(model: RouterModel, rows: list[Row]) -> list[Row]:
    top = model.rank_many([r["text"] for r in rows], k=1)
    return [r for r, ranked in zip(rows, top, strict=True) if ranked[0].id != r["service"]]


def table(results: dict[str, dict[str, dict[str, float | int]]], metric: str) -> str:
    names = list(results)
    before = names[0]
    head = f"| {metric} accuracy on B | n | " + " | ".join(names) + " | " + " | ".join(f"gain ({n})" for n in names[1:])
    lines = [head + " |", "|---|---:|" + "---:|" * (2 * len(names) - 1)]
    for group in ["all", *LANGUAGES]:
        if group not in results[before]:
            continue
        values = [float(results[name][group][metric]) for name in names]
        gains = [f"{v - values[0]:+.3f}" for v in values[1:]]
        cells = [f"{v:.3f}" for v in values] + gains
        lines.append(f"| {group} | {results[before][group]['n']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL of {text, language, service}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the 50/50 split per language")
    parser.add_argument("--kind", default=DEFAULT_KIND, help=f"router kind (default {DEFAULT_KIND})")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    catalogue = load_catalogue()
    rows = read_rows(args.data)
    unknown = sorted({r["service"] for r in rows} - set(catalogue.services))
    if unknown:
        parser.error(f"services not in the catalogue: {', '.join(unknown)}")
    a, b = split_by_language(rows, args.seed)

    with tempfile.TemporaryDirectory(prefix="civicdesk-corrections-") as tmp:
        before = train_catalogue_router(catalogue, Path(tmp) / "router", args.kind).warm_up()
    wrong = wrong_rows(before, a)
    after_all = retrain_with_corrections(catalogue, [(r["text"], r["service"]) for r in a], args.kind, holdout=0)
    after_wrong = retrain_with_corrections(catalogue, [(r["text"], r["service"]) for r in wrong], args.kind, holdout=0)
    results = {
        "before": scores(before, b),
        "after (all A)": scores(after_all.model.warm_up(), b),
        "after (A wrong)": scores(after_wrong.model.warm_up(), b),
    }
    summary: dict[str, Any] = {
        "data": str(args.data),
        "kind": args.kind,
        "seed": args.seed,
        "model_before": before.meta.model_id,
        "n_rows": len(rows),
        "n_corrections_half": len(a),
        "n_evaluation_half": len(b),
        "n_corrections_wrong": len(wrong),
        "before_accuracy_on_A": round(1 - len(wrong) / len(a), 4) if a else None,
        "results": results,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{len(rows)} rows; half A (corrections) {len(a)}, half B (evaluation) {len(b)}; kind {args.kind}, "
        f"seed {args.seed}; before model {before.meta.model_id}"
    )
    print(
        f"the before router gets {len(a) - len(wrong)}/{len(a)} of A right; "
        f"{len(wrong)} wrong rows are the 'A wrong' corrections"
    )
    print()
    print(table(results, "service"))
    print()
    print(table(results, "department"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
