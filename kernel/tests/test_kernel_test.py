"""jupyter_kernel_test's protocol suite against `phicode kernel`, with φ samples."""

import unittest

import jupyter_kernel_test as jkt

from conftest import KERNEL


class PhicodeKernelTests(jkt.KernelTests):
    kernel_name = KERNEL
    language_name = "python"
    file_extension = ".φ"

    code_hello_world = "π('hello, world')"
    code_stderr = "import sys\nπ('oops', file=sys.stderr)"
    completion_samples = [
        {"text": "zi", "matches": {"zip"}},
        {"text": "\\lambda", "matches": {"λ"}},
    ]
    complete_code_samples = ["1", "π('x')", "∀ i ∈ range(3): π(i)", "ƒ f(x): ⟲ x"]
    incomplete_code_samples = ["ƒ f(x):", "for i in range(3):", "x = (1,"]
    invalid_code_samples = ["x = )", "1 +* 2"]
    code_page_something = "print?"
    code_generate_error = "raise ValueError('boom')"
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "'φ' * 2", "result": "'φφ'"},
        {"code": "ℓ([1, 2, 3])", "result": "3"},
    ]
    code_display_data = [
        {"code": "display({'text/html': '<b>φ</b>', 'text/plain': 'φ'}, raw=True)", "mime": "text/html"},
    ]
    code_history_pattern = "6*?"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "print"
    code_clear_output = "clear_output()"


if __name__ == "__main__":
    unittest.main()
