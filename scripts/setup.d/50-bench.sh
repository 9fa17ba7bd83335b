#!/usr/bin/env bash
# Benchmarks: a venv with the reference engine (PyPI phicode==2.6.0) for bench/compare.sh.
set -euo pipefail
venv=bench/out/venv
if ! "$venv/bin/python" -c "import phicode_engine" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "phicode==2.6.0"
fi
