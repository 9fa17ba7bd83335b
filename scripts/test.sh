#!/usr/bin/env bash
# Runs every test of the project: lints, Rust tests, the npm package, the browser tests.
# Each part owns one file in scripts/test.d/, run in name order; any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
failed=()
passed=0
for part in scripts/test.d/*.sh; do
  echo "== test: ${part##*/}"
  start=$SECONDS
  if bash "$part"; then
    echo "== ok: ${part##*/} ($((SECONDS - start)) s)"
    passed=$((passed + 1))
  else
    echo "== FAILED: ${part##*/} ($((SECONDS - start)) s)"
    failed+=("${part##*/}")
  fi
done
echo "parts: ${passed} passed, ${#failed[@]} failed"
if ((${#failed[@]})); then
  echo "failed parts: ${failed[*]}"
  exit 1
fi
