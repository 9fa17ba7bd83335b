#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine (idempotent).
# Each part of the project owns one file in scripts/setup.d/, run in name order.
set -euo pipefail
cd "$(dirname "$0")/.."
for part in scripts/setup.d/*.sh; do
  echo "== setup: ${part##*/}"
  bash "$part"
done
