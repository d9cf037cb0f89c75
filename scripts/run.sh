#!/usr/bin/env bash
# Install civicdesk and run it with its embedded defaults on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
exec .venv/bin/civicdesk serve "$@"
