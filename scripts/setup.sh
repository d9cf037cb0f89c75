#!/usr/bin/env bash
# Create .venv with Python 3.11 and install civicdesk into it. Sourced by run.sh and test.sh.
# Only package registries are used: PyPI for Python packages, Debian's apt for python3-venv if missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$PYTHON" -c 'import sys; assert sys.version_info[:2] in ((3, 11), (3, 12)), sys.version' \
  || { echo "civicdesk needs Python 3.11 (set PYTHON=/path/to/python3.11)" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv python3.11-venv >/dev/null 2>&1 \
        || apt-get install -y -qq python3-venv >/dev/null
    else
      echo "Python's venv module is missing: run 'sudo apt-get install python3.11-venv' and try again" >&2
      exit 1
    fi
    "$PYTHON" -m venv .venv
  fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${EXTRAS:-}"
