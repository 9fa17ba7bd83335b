#!/usr/bin/env bash
# Rust toolchain pieces: the wasm target, rustfmt and clippy.
set -euo pipefail
rustup component add rustfmt clippy >/dev/null 2>&1 || rustup component add rustfmt clippy
rustup target add wasm32-unknown-unknown
