#!/usr/bin/env bash
# One command to build the playground and open it: installs the npm dependencies if missing,
# builds the phicode package (wasm) and the site, then serves it on http://127.0.0.1:4173
# with the cross-origin isolation headers, opening a browser when one is available.
# Needs the wasm32 target and wasm-bindgen-cli 0.2.130 (bash scripts/setup.d/30-web.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in npm playground; do
  [[ -d "$dir/node_modules" ]] || (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
(cd npm && node scripts/build.mjs)
cd playground
npm run build
exec npx vite preview --open
