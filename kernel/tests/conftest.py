"""Fixtures for the kernel's tests: the phicode binary ($PHICODE_BIN), its kernelspec
installed with `phicode kernel install --prefix` into a temporary Jupyter path, and a state
folder of the tests' own ($XDG_STATE_HOME), so named sessions never touch the user's."""

import os
import subprocess
import sysconfig
from pathlib import Path

import pytest

KERNEL = "phicode-test"


def phicode():
    path = os.environ.get("PHICODE_BIN")
    if not path or not Path(path).is_file():
        pytest.fail("set PHICODE_BIN to the phicode binary (cargo build -p phicode)")
    return path


@pytest.fixture(scope="session", autouse=True)
def kernelspec(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("jupyter")
    state = tmp_path_factory.mktemp("state")
    # The worker embeds the same CPython as this venv: its packages (IPython, matplotlib)
    # are importable in cells through PYTHONPATH, as a user would set it.
    site = sysconfig.get_paths()["purelib"]
    subprocess.run(
        [phicode(), "kernel", "install", "--prefix", str(prefix), "--name", KERNEL,
         "--env", f"PYTHONPATH={site}"],
        check=True,
    )
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
    os.environ["XDG_STATE_HOME"] = str(state)
    yield prefix / "share" / "jupyter" / "kernels" / KERNEL


@pytest.fixture
def state_home():
    return Path(os.environ["XDG_STATE_HOME"])
