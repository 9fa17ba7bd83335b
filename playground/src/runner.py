"""Runs the playground's program in Pyodide and describes how it failed, for the page.

The program runs as `__main__` from the file name `main.φ` (its lines are the φ lines), with
top-level `await` allowed. A failure comes back as plain data: the exception, and each frame
with its column converted from UTF-8 bytes to characters, so the page can map it to φ.
"""

import traceback

from pyodide.code import eval_code_async

FILE = "main.φ"


async def run(source):
    namespace = {"__name__": "__main__", "__file__": FILE}
    try:
        await eval_code_async(source, globals=namespace, filename=FILE, return_mode="none")
    except BaseException as error:  # noqa: BLE001 - everything is reported to the page
        return describe(error, source.splitlines())
    return None


def characters(line, byte_offset):
    return len(line.encode()[:byte_offset].decode(errors="replace"))


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
        message = "".join(traceback.format_exception_only(error)).rstrip()
    return {"type": type(error).__name__, "message": message, "frames": frames, "syntax": syntax}
