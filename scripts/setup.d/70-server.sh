#!/usr/bin/env bash
# The server (server/): a venv with schemathesis, which tests `phicode serve` against its own
# /openapi.json, and the reference engine (phicode 2.6.0) whose --api-server the load test
# compares with. Idempotent: nothing to do when both import.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=server/out/venv
if ! "$venv/bin/python" -c "import schemathesis, phicode_engine" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4,<5" "phicode==2.6.0"
fi
"$venv/bin/schemathesis" --version
