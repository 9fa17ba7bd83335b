#!/usr/bin/env bash
# Throughput of phicode-bench next to the reference engine (PyPI phicode==2.6.0), in one run.
# The reference goes into a venv under bench/out/ (gitignored). Options are passed to
# compare.py (--sizes 10KB,1MB,10MB --runs 11 --seed 1); PHICODE_BENCH_PROFILE=dev uses a
# debug build (for a quick smoke run; figures then mean nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
venv="$out/venv"
if ! "$venv/bin/python" -c "import phicode_engine" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "phicode==2.6.0"
fi
profile="${PHICODE_BENCH_PROFILE:-release}"
cargo build --quiet --profile "$profile" -p phicode-bench
target_dir="${CARGO_TARGET_DIR:-target}"
bin_dir="$target_dir/$([[ $profile == dev ]] && echo debug || echo "$profile")"
[[ $profile == release ]] || echo "note: $profile build: a smoke run, the figures mean nothing"
"$venv/bin/python" bench/compare.py --bench "$bin_dir/phicode-bench" --out "$out" "$@"
