"""`python -m civicdesk.catalogue [DIR]`: validate the catalogue and print what it holds."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from civicdesk.catalogue.loader import BUNDLED_DIR, CatalogueError, load_catalogue


def main() -> int:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLED_DIR
    try:
        catalogue = load_catalogue(directory)
    except CatalogueError as exc:
        print(f"invalid catalogue: {exc}", file=sys.stderr)
        return 1
    sectors = Counter(s.sector.value for s in catalogue.services.values())
    per_dept = Counter(s.department for s in catalogue.services.values())
    examples = sum(len(s.examples.all()) for s in catalogue.services.values())
    print(
        f"version {catalogue.version}: {len(catalogue.departments)} departments, "
        f"{len(catalogue.services)} services, {examples} example utterances"
    )
    print("by sector:", dict(sorted(sectors.items())))
    print("by department:", dict(sorted(per_dept.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
