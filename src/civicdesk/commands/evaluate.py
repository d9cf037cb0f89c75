"""`civicdesk evaluate`: score a trained router on a held-out table (text and --json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="evaluate a router model on a held-out table",
        description="Accuracy, macro-F1, accuracy per language, the most-confused pairs and, with "
        "--oos-label, out-of-scope recall using the model's out-of-scope threshold.",
    )
    parser.add_argument("--model", type=Path, required=True, help="model folder (from `civicdesk train`)")
    parser.add_argument("--data", type=Path, required=True, help="held-out table (.csv, .tsv, .jsonl or .json)")
    parser.add_argument("--text-column", default="text", help="column holding the text (default: text)")
    parser.add_argument("--label-column", default="label", help="column holding the gold label (default: label)")
    parser.add_argument("--language-column", help="column with the language form, for per-language accuracy")
    parser.add_argument("--oos-label", help="gold label meaning out of scope (reported as out-of-scope recall)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from civicdesk.understanding import UnderstandingError, evaluate, load_model, read_table

    try:
        model = load_model(args.model).warm_up()
        data = read_table(args.data, args.text_column, args.label_column, args.language_column)
        report = evaluate(model, data.texts, data.labels, data.languages, args.oos_label)
    except UnderstandingError as exc:
        print(f"error {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else report.to_text())
    return 0
