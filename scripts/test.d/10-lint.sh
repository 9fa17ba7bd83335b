#!/usr/bin/env bash
# Formatting and clippy over every target of the workspace.
set -euo pipefail
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
