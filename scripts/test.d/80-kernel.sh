#!/usr/bin/env bash
# The Jupyter kernel through real Jupyter clients: jupyter_kernel_test's protocol suite,
# jupyter_client tests (stdin, interrupts, restarts with names kept, displays), and
# `jupyter nbconvert --execute` of a φ notebook. The kernelspec goes into a temporary
# Jupyter path and the sessions into a temporary state folder (kernel/tests/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -p phicode
export PHICODE_BIN="$PWD/${CARGO_TARGET_DIR:-target}/debug/phicode"
case ${CARGO_TARGET_DIR:-} in /*) PHICODE_BIN="$CARGO_TARGET_DIR/debug/phicode" ;; esac
cd kernel/tests
../out/venv/bin/python -m pytest -q -p no:cacheprovider .
# JupyterLab in Debian's Chromium (playwright-core from npm/, installed by setup.d/30-web.sh).
cd ../e2e
node --test jupyterlab.test.mjs
