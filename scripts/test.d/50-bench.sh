#!/usr/bin/env bash
# Benchmarks stay runnable: compare.sh end to end on a small input (debug build, so the
# figures mean nothing), and the fuzz targets still compile against the core.
set -euo pipefail
PHICODE_BENCH_PROFILE=dev bash bench/compare.sh --sizes 10KB --runs 3
cargo check --quiet --manifest-path fuzz/Cargo.toml --bins
