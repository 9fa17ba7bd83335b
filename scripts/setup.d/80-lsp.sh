#!/usr/bin/env bash
# The language server and the editor extension: a venv with pytest-lsp (the LSP client the
# server's tests drive `phicode lsp` with), pyright from lsp/tests' lockfile (the Python
# language server `phicode lsp` runs on the transpiled text), and the VS Code extension's
# npm packages (language client, grammar tests, vsce, shiki). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=lsp/out/venv
if ! "$venv/bin/python" -c "import pytest_lsp" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pytest-lsp==1.0.1"
fi
for dir in lsp/tests editors/vscode; do
  if [[ -f "$dir/package-lock.json" && ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
