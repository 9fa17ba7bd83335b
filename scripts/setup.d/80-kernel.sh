#!/usr/bin/env bash
# The Jupyter kernel (kernel/): a venv with the clients its tests drive it through
# (jupyter_client, jupyter_kernel_test, nbclient via nbconvert, JupyterLab), ipykernel for
# the benchmark's comparison, and what cells of the tests import (IPython, matplotlib).
# Made from the python3 phicode embeds, so the worker can import the venv's packages.
# Idempotent: nothing to do when everything imports.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=kernel/out/venv
packages=(jupyter_client jupyter_kernel_test nbclient nbconvert nbformat jupyterlab ipykernel
  matplotlib pytest)
if ! "$venv/bin/python" -c "import jupyter_client, jupyter_kernel_test, nbclient, nbconvert, jupyterlab, ipykernel, matplotlib, pytest" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${packages[@]}"
fi
"$venv/bin/python" -c "import jupyter_client, jupyterlab; print('kernel: jupyter_client', jupyter_client.__version__, 'jupyterlab', jupyterlab.__version__)"
