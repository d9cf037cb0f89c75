"""`civicdesk train`: train a service router from a table or from the catalogue, saved as an artefact."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from civicdesk.commands import load_settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train",
        help="train a router model from a CSV/TSV/JSONL table or from the catalogue",
        description="Train a router. Either --catalogue (the default model, saved to <model_dir>/router "
        "unless --out is given) or --data FILE with --text-column and --label-column.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--catalogue", action="store_true", help="train the default model from the catalogue")
    source.add_argument("--data", type=Path, help="training table (.csv, .tsv, .jsonl or .json)")
    source.add_argument(
        "--from-corrections",
        action="store_true",
        help="retrain the catalogue router with officers' re-routing corrections from the database; prints the "
        "evaluation before and after on held-out corrections (see --holdout)",
    )
    parser.add_argument(
        "--holdout", type=float, default=0.3, help="with --from-corrections: share of corrections held out (0.3)"
    )
    parser.add_argument("--seed", type=int, default=0, help="with --from-corrections: seed of the held-out split")
    parser.add_argument("--text-column", default="text", help="column holding the text (default: text)")
    parser.add_argument("--label-column", default="label", help="column holding the label (default: label)")
    parser.add_argument("--language-column", help="optional column with the language form, for per-language metrics")
    parser.add_argument("--oos-label", help="label of out-of-scope rows (learned as a class; used for thresholds)")
    parser.add_argument(
        "--oos-share",
        type=float,
        default=0.2,
        help="share of real messages expected to be out of scope; the out-of-scope threshold maximises the accuracy "
        "expected at that share (default 0.2; see docs/decisions/0302)",
    )
    parser.add_argument(
        "--oos-recall",
        type=float,
        default=None,
        help="instead of --oos-share: the share of out-of-scope messages the threshold must reject (e.g. 0.6), for "
        "a requirement stated as a recall; in-scope messages keep the most that allows",
    )
    parser.add_argument(
        "--validation",
        type=Path,
        help="with --data: a table in the same columns, kept out of training, on which the thresholds and metrics "
        "are computed instead of cross-validation (e.g. a dataset's validation split, or last month's messages)",
    )
    parser.add_argument("--out", type=Path, help="model folder to write")
    parser.add_argument(
        "--model",
        default=None,
        help="model kind: tfidf-svm (default), tfidf-logreg, tfidf-sgd, bm25, e5-knn, e5-centroid, e5-logreg, e5-svm, "
        "cascade, ensemble, keyword, majority",
    )
    parser.add_argument("--name", default="civicdesk-router", help="model name written to meta.json")
    parser.add_argument("--json", action="store_true", help="print meta.json instead of a summary")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from civicdesk.understanding import (
        DEFAULT_KIND,
        UnderstandingError,
        default_model_path,
        make_router,
        read_table,
        train_catalogue_router,
        train_router,
    )

    if args.from_corrections:
        from civicdesk.commands.train_corrections import run_from_corrections

        return run_from_corrections(args)
    kind = args.model or DEFAULT_KIND
    if args.validation and not args.data:
        print("--validation FILE goes with --data FILE", file=sys.stderr)
        return 2
    try:
        make_router(kind)  # an unknown kind fails before any data is read
        if args.catalogue:
            from civicdesk.catalogue import CatalogueError, load_catalogue

            try:
                catalogue = load_catalogue()
            except CatalogueError as exc:
                print(f"catalogue: INVALID: {exc}", file=sys.stderr)
                return 1
            out = args.out or default_model_path(load_settings())
            model = train_catalogue_router(catalogue, out, kind)
        else:
            if args.out is None:
                print("--out DIR is required with --data", file=sys.stderr)
                return 2
            data = read_table(args.data, args.text_column, args.label_column, args.language_column)
            validation = (
                read_table(args.validation, args.text_column, args.label_column, args.language_column)
                if args.validation
                else None
            )
            model = train_router(
                data,
                kind,
                name=args.name,
                oos_label=args.oos_label,
                oos_share=args.oos_share,
                oos_recall=args.oos_recall,
                validation=validation,
            )
            out = model.save(args.out)
    except UnderstandingError as exc:
        print(f"error {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    meta = model.meta
    if args.json:
        print(json.dumps(meta.to_dict(), ensure_ascii=False, indent=2))
        return 0
    metrics = meta.metrics
    print(f"trained {meta.model_id} ({meta.kind}) on {meta.training_data['rows']} rows in {meta.training_seconds}s")
    print(f"saved to {out}")
    if metrics:
        print(
            f"{metrics.get('evaluated_on', 'cross-validated')}: accuracy {metrics.get('accuracy', 0):.4f}, "
            f"macro-F1 {metrics.get('macro_f1', 0):.4f}"
            + (f", out-of-scope recall {metrics['oos_recall']:.4f}" if "oos_recall" in metrics else "")
        )
    t = meta.thresholds
    print(f"thresholds: answer >= {t.answer}, out of scope < {t.out_of_scope} ({t.chosen_on})")
    return 0
