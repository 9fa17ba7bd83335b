#!/usr/bin/env bash
# The kernel benchmark (kernel/bench/kernel_bench.py): builds phicode optimised, then prints
# phicode's kernel beside ipykernel (the venv of scripts/setup.d/80-kernel.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.d/80-kernel.sh >/dev/null
cargo build --release -p phicode
target=${CARGO_TARGET_DIR:-$PWD/target}
case $target in /*) ;; *) target=$PWD/$target ;; esac
PHICODE_BIN="$target/release/phicode" kernel/out/venv/bin/python kernel/bench/kernel_bench.py
