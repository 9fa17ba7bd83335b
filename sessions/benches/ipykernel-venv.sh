#!/usr/bin/env bash
# Makes a venv with ipykernel for the session benchmark's comparison (not needed by CI).
# Usage: sessions/benches/ipykernel-venv.sh [DIR]; then run the bench with
# PHICODE_BENCH_IPYKERNEL_PYTHON=DIR/bin/python.
set -euo pipefail
dir=${1:-${CARGO_TARGET_DIR:-target}/ipykernel-venv}
[[ -x $dir/bin/python ]] || python3 -m venv "$dir"
"$dir/bin/python" -c "import ipykernel, jupyter_client" 2>/dev/null || "$dir/bin/pip" install -q ipykernel jupyter_client
echo "$dir/bin/python"
