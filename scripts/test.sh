#!/usr/bin/env bash
# Install civicdesk with its development tools and run the whole test suite (lint, types, tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EXTRAS="[dev]" source scripts/setup.sh
echo "== ruff"; .venv/bin/ruff check src tests benchmarks
echo "== mypy"; .venv/bin/mypy src
echo "== pytest"; .venv/bin/python -m pytest "$@"
