#!/usr/bin/env bash
# Interpreters for the corpus compile check and the stdlib round trip (tests/): CPython 3.11,
# 3.12 and 3.13 (pyenv on this machine kind; no registry here ships them) and CPython 3.14 as
# Pyodide from npm (t-strings need 3.14). Idempotent; a second run takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/../.."

has_python() { # $1 = 3.X: python3.X on PATH or in pyenv's versions, reporting that version
  local want=$1 candidate
  for candidate in "python$want" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$want".*/bin/"python$want"; do
    if "$candidate" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; then
      return 0
    fi
  done
  return 1
}

missing=()
for version in 3.11 3.12 3.13; do
  has_python "$version" || missing+=("$version")
done
if ((${#missing[@]})); then
  echo "error: CPython ${missing[*]} not found (looked for python3.X on PATH and in pyenv's versions);" >&2
  echo "       the corpus compile check (tests/tests/compile.rs) needs 3.11, 3.12 and 3.13" >&2
  exit 1
fi

command -v node >/dev/null || { echo "error: node is needed to run Pyodide (CPython 3.14)" >&2; exit 1; }
pyodide=tests/scripts/pyodide
wanted=$(sed -n 's/.*"pyodide": "\(.*\)".*/\1/p' "$pyodide/package.json")
installed=$(sed -n 's/^  "version": "\(.*\)".*/\1/p' "$pyodide/node_modules/pyodide/package.json" 2>/dev/null || true)
if [[ "$installed" != "$wanted" ]]; then
  npm ci --prefix "$pyodide" --no-audit --no-fund --loglevel=error
fi
echo "corpus: CPython 3.11-3.13 present, Pyodide $wanted (CPython 3.14) installed"
