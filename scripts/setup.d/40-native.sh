#!/usr/bin/env bash
# The phicode binary's needs: PyPy (Debian's pypy3) for `--pypy` and its tests, and Debian's
# own libpython3.11 (a libpython other than the build's, for the test that phicode says so
# when the loader finds one). The embedded
# CPython is the python3 on PATH (pyenv's 3.11, built with a shared libpython, which pyo3
# links against). apt-get update runs only when the package index does not know pypy3.
set -euo pipefail
if ! command -v pypy3 >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends pypy3 >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends pypy3 >/dev/null; }
fi
if [ ! -e /usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0 ] && [ "$(uname -m)" = x86_64 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends libpython3.11 >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends libpython3.11 >/dev/null; }
fi
pypy3 --version
python3 -c 'import sysconfig, sys; sys.exit(0 if sysconfig.get_config_var("Py_ENABLE_SHARED") else "python3 has no shared libpython: pyo3 cannot embed it")'
