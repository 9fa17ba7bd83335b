"""Cells: compiling one (φ converted first, the final expression split off so its value
can be shown, positions moved back to φ lines and columns), and the error report of a
failed one with the engine's own frames removed."""

import ast
import linecache
import traceback

import _phicode_worker as W

FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
CO_COROUTINE = 0x80
ENGINE_FILE = (lambda: None).__code__.co_filename  # every engine module's, as the loader compiles them
PYTHON_OF = {}  # cell file name -> the Python a φ cell became (for inspect's source)


class Cell:
    __slots__ = ("body", "last", "is_async")

    def __init__(self, body, last):
        self.body, self.last = body, last
        self.is_async = any(c is not None and c.co_flags & CO_COROUTINE for c in (body, last))


def compile_cell(request, count, names):
    """The cell of an `execute` request; SyntaxErrors carry φ positions for φ cells."""
    code, language = request["code"], request["language"]
    phi = W.convert(code, language == "phicode") if language != "python" else None
    source = phi.python if phi is not None else code
    filename = f"<cell {count}>" if count else f"<cell {request['id']}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        tree = compile(source, filename, "exec", ast.PyCF_ONLY_AST | FLAGS, dont_inherit=True)
        if request["capture_source"]:
            names.capture(tree)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not request["silent"]:
            last = ast.Expression(tree.body.pop().value)
        body = compile(tree, filename, "exec", FLAGS, dont_inherit=True)
        last = compile(last, filename, "eval", FLAGS, dont_inherit=True) if last else None
    except SyntaxError as e:
        if phi is not None:
            phi.fix_syntax_error(e, filename)
        raise
    if phi is not None:
        PYTHON_OF[filename] = source
        body = phi.remap(body)
        last = phi.remap(last) if last is not None else None
    return Cell(body, last)


def error_report(exc):
    """(traceback text, frames) of `exc`, without the engine's frames."""
    report = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    _hide_engine(report)
    frames = [{"filename": f.filename, "line": f.lineno or 0, "name": f.name, "text": f.line} for f in report.stack]
    return "".join(report.format()), frames


def _hide_engine(report, seen=None):
    """Removes the engine's frames (the cell runner, the SIGINT handler) from a report."""
    seen = seen if seen is not None else set()
    while report is not None and id(report) not in seen:
        seen.add(id(report))
        kept = [f for f in report.stack if f.filename != ENGINE_FILE]
        report.stack = traceback.StackSummary.from_list(kept)
        _hide_engine(report.__cause__, seen)
        report = report.__context__
