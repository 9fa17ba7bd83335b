"""Runs the playground's program in Pyodide and tells the page how it ended.

The program runs as `__main__` from the file name `main.φ` (its lines are the φ lines), with
top-level `await` allowed. Its last bare expression is shown, as in a notebook (with its
`_repr_html_`, `_repr_svg_` or `_repr_png_` when it has one). A failure comes back as plain
data: the exception, and each frame with its column converted from UTF-8 bytes to
characters, so the page can map it to φ. `sys.exit(n)` is an exit status, not a failure.
"""

import ast
import base64
import sys
import traceback

from pyodide.code import eval_code_async

FILE = "main.φ"
NO_INPUT = (
    "input() is not available: this page is served without the cross-origin isolation "
    "headers (Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Embedder-Policy: "
    "require-corp) that let Python wait for what you type"
)


def _no_input(prompt=""):
    raise RuntimeError(NO_INPUT)


async def run(source, isolated):
    namespace = {"__name__": "__main__", "__file__": FILE}
    if not isolated:
        namespace["input"] = _no_input
    try:
        value = await eval_code_async(source, globals=namespace, filename=FILE, return_mode="last_expr")
    except SystemExit as error:
        return {"exit": exit_status(error)}
    except BaseException as error:  # noqa: BLE001 - everything is reported to the page
        try:
            return {"failure": describe(error, source.splitlines())}
        except KeyboardInterrupt:  # Stop pressed while the failure was being told
            return {"stopped": True}
    try:
        return {} if value is None else {"result": display(value)}
    except KeyboardInterrupt:
        return {"stopped": True}


def exit_status(error):
    code = error.code
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def display(value):
    """The value's repr, and its rich forms where it has them."""
    shown = {"text": repr(value)}
    for method, key in (("_repr_html_", "html"), ("_repr_svg_", "svg"), ("_repr_png_", "png")):
        try:
            rich = getattr(value, method)() if hasattr(value, method) else None
        except Exception:  # noqa: BLE001 - a broken rich repr falls back to the text one
            rich = None
        if isinstance(rich, bytes):
            rich = base64.b64encode(rich).decode()
        if isinstance(rich, str):
            shown[key] = rich
    return shown


def check(source):
    """The first syntax error of the program, or None (compiled, never run)."""
    try:
        compile(source, FILE, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as error:
        if error.lineno is None:
            return None
        return {
            "line": error.lineno,
            "column": error.offset or 1,
            "end": error.end_offset if error.end_lineno == error.lineno else None,
            "message": f"{type(error).__name__}: {error.msg}",
        }
    except (ValueError, OverflowError) as error:  # null bytes, huge literals
        return {"line": 1, "column": 1, "end": None, "message": str(error)}
    return None


def characters(line, byte_offset):
    return len(line.encode()[:byte_offset].decode(errors="replace"))


def hint(error):
    """A word on what to do, for errors whose message alone leaves a newcomer stuck."""
    if isinstance(error, ModuleNotFoundError) and error.name:
        name = error.name.split(".")[0]
        return (
            f"\n`{name}` is not in this playground's Python, which has the standard library only."
            " A pure-Python package (a py3-none-any wheel) can be installed with micropip:\n"
            f'    ⇒ micropip\n    ⌛ micropip.install("{name}")\n'
            "Packages with compiled code (numpy, pandas, …) cannot be loaded here."
        )
    return ""


def describe(error, lines):
    frames = []
    for frame in traceback.extract_tb(error.__traceback__):
        if "/_pyodide/" in frame.filename or frame.filename.endswith("_phi_runner.py"):
            continue
        column = end = None
        ours = frame.filename == FILE and 0 < frame.lineno <= len(lines)
        if ours and frame.colno is not None:
            line = lines[frame.lineno - 1]
            column = characters(line, frame.colno) + 1
            if frame.end_colno is not None and frame.end_lineno == frame.lineno:
                end = characters(line, frame.end_colno) + 1
        frames.append(
            {
                "file": frame.filename,
                "line": frame.lineno,
                "name": frame.name,
                "column": column,
                "end": end,
                "text": None if ours else frame.line,
            }
        )
    syntax = None
    if isinstance(error, SyntaxError) and error.filename == FILE and error.lineno:
        syntax = {"line": error.lineno, "column": error.offset or 1, "end": error.end_offset}
        message = f"{type(error).__name__}: {error.msg}"
    else:
        message = "".join(traceback.format_exception_only(error)).rstrip() + hint(error)
    return {"type": type(error).__name__, "message": message, "frames": frames, "syntax": syntax}
