"""`jupyter nbconvert --to notebook --execute` (nbclient) runs a φ notebook."""

import subprocess
import sys
from pathlib import Path

import nbformat

from conftest import KERNEL

NOTEBOOK = Path(__file__).parent / "notebooks" / "hello.ipynb"


def test_nbconvert_executes_a_phi_notebook(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.kernel_name={KERNEL}", "--output-dir", str(tmp_path), str(NOTEBOOK)],
        check=True,
    )
    nb = nbformat.read(tmp_path / NOTEBOOK.name, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in cells] == [1, 2, 3, 4]
    assert cells[0].outputs[0].text == "0 1 2 \n"
    assert cells[1].outputs[0].data["text/plain"] == "'φ-ok'"
    assert cells[2].outputs[0].output_type == "display_data"
    assert "text/html" in cells[2].outputs[0].data
    assert cells[3].outputs[0].data["text/plain"] == "[1, 4, 9]"
