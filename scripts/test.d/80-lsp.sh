#!/usr/bin/env bash
# The language server through a real LSP client (pytest-lsp driving `phicode lsp` over stdio
# on lsp/tests/project, pyright on the twins), then the VS Code extension: its grammar
# against the tricky-φ corpus (vscode-tmgrammar-test) and its .vsix packaged with vsce.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -p phicode
(cd lsp/tests && ../out/venv/bin/python -m pytest -q)
(cd editors/vscode && npm test && npm run package)
