"""`civicdesk train --from-corrections`: retrain the catalogue router with officers' corrections from the database,
print the evaluation before and after on the corrections held out, and save the new model.

Wired into `civicdesk train` (commands/train.py) as one option; the work is in `civicdesk.console.retrain`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from civicdesk.commands import load_settings
from civicdesk.errors import CivicdeskError

if TYPE_CHECKING:
    from civicdesk.understanding import EvaluationReport


def _report(name: str, report: EvaluationReport) -> None:
    data = report.to_dict()
    scope = data["in_scope"]
    by_language = ", ".join(
        f"{lang} {acc:.4f} (n={scope['n_by_language'][lang]})"
        for lang, acc in sorted(scope.get("accuracy_by_language", {}).items())
    )
    line = f"{name:6} accuracy {scope.get('accuracy', 0):.4f}, macro-F1 {scope.get('macro_f1', 0):.4f}"
    if "department_accuracy" in scope:
        line += f", department accuracy {scope['department_accuracy']:.4f}"
    print(line + (f"; by language: {by_language}" if by_language else ""))


def run_from_corrections(args: argparse.Namespace) -> int:
    from civicdesk.cases import corrections_as_training_rows
    from civicdesk.catalogue import load_catalogue
    from civicdesk.console.retrain import retrain_with_corrections
    from civicdesk.store import Database
    from civicdesk.understanding import DEFAULT_KIND, UnderstandingError, default_model_path

    settings = load_settings()
    if not 0 <= args.holdout < 1:
        print("--holdout is a share between 0 and 1 (0: no evaluation, train on every correction)", file=sys.stderr)
        return 2
    database = Database(settings.resolved_database_url)
    try:
        with database.session() as session:
            rows = corrections_as_training_rows(session)
    finally:
        database.dispose()
    try:
        result = retrain_with_corrections(
            load_catalogue(), rows, args.model or DEFAULT_KIND, holdout=args.holdout, seed=args.seed
        )
    except (CivicdeskError, UnderstandingError) as exc:
        print(f"error {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else default_model_path(settings)
    result.model.save(out)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(
        f"{result.corrections} corrections: {result.trained_on} added to the catalogue's examples, "
        f"{result.held_out} held out for evaluation"
    )
    if result.before is not None and result.after is not None:
        print(f"evaluation on the {result.held_out} held-out corrections (never trained on):")
        _report("before", result.before)
        _report("after", result.after)
    else:
        print("no held-out corrections (too few, or --holdout 0): nothing to evaluate")
    print(f"trained {result.model.meta.model_id}; saved to {out}")
    return 0
