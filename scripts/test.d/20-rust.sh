#!/usr/bin/env bash
# Rust unit, integration, corpus and property tests; the core must build for wasm32.
set -euo pipefail
cargo build -p phicode-core --target wasm32-unknown-unknown
cargo build -p phicode-core --target wasm32-unknown-unknown --features json,serde
cargo test --workspace
