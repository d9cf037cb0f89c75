#!/usr/bin/env bash
# Create the separate environment the privacy benchmark uses to run Microsoft Presidio side by side with ours.
# Presidio is a benchmark-only peer: it is never a dependency of civicdesk. Everything runs offline afterwards:
# the benchmark uses a blank spaCy pipeline (spacy.blank("en")), so no spaCy model is ever downloaded.
#
#   benchmarks/setup_presidio.sh            # creates benchmarks/.venv-presidio (gitignored)
#   PYTHON=python3.11 benchmarks/setup_presidio.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${here}/.venv-presidio"
python="${PYTHON:-python3.11}"
"${python}" -m venv "${venv}"
"${venv}/bin/pip" install --quiet --upgrade pip
# Versions pinned so reruns compare against the same peer.
"${venv}/bin/pip" install --quiet "presidio-analyzer==2.2.366" "spacy>=3.8,<3.9" "phonenumbers>=8.13"
"${venv}/bin/python" -c "import presidio_analyzer, spacy; print('presidio-analyzer', presidio_analyzer.__version__ if hasattr(presidio_analyzer, '__version__') else '2.2.366', 'spacy', spacy.__version__)"
echo "ready: ${venv}"
