"""`civicdesk validate`: check the catalogue and list the installed models and their compatibility."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk.catalogue import CatalogueError, load_catalogue
from civicdesk.commands import load_settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("validate", help="validate the catalogue and the installed models")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from civicdesk.understanding import UnderstandingError, catalogue_training_data, read_meta

    try:
        catalogue = load_catalogue()
    except CatalogueError as exc:
        print(f"catalogue: INVALID: {exc}")
        return 1
    print(
        f"catalogue {catalogue.version}: {len(catalogue.departments)} departments, "
        f"{len(catalogue.services)} services: OK"
    )
    model_dir = load_settings().resolved_model_dir
    models = sorted(p.parent for p in model_dir.glob("*/meta.json")) if model_dir.is_dir() else []
    if not models:
        print(f"models: none in {model_dir}; `civicdesk train --catalogue` (or the first `serve`) builds the router")
        return 0
    expected = catalogue_training_data(catalogue).sha256()
    problems = 0
    for path in models:
        try:
            meta = read_meta(path)
        except UnderstandingError as exc:
            problems += 1
            print(f"model {path.name}: INCOMPATIBLE: {exc.message}")
            continue
        stale = meta.training_data.get("sha256") not in (expected, None, "") and path.name == "router"
        state = "STALE for this catalogue: `civicdesk train --catalogue` rebuilds it" if stale else "OK"
        print(f"model {path.name}: {meta.name} {meta.model_id} ({meta.kind}, civicdesk {meta.civicdesk}): {state}")
    return 1 if problems else 0
