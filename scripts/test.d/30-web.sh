#!/usr/bin/env bash
# Web part: builds the npm package from scratch (wasm32 release, wasm-bindgen, wasm-opt) and
# runs its node tests (CommonJS, ES modules, inline, CLI, Vite/webpack bundles in Chromium),
# then builds the playground and runs its end-to-end tests in Chromium.
set -euo pipefail
(cd npm && node scripts/build.mjs && node --test test/)
if [[ -f playground/package.json ]]; then
  (cd playground && npm run build && node --test tests/)
fi
