# cells: compiling a cell (the host already turned φ into Python; line N is φ line N),
# running it, and the result or error the host gets, with the driver's frames removed.

import ast
import json
import linecache
import traceback

DRIVER_FILE = "<phicode-sandbox>"  # the driver's frames, hidden from tracebacks
REPR_LIMIT = 1 << 20
JSON_LIMIT = 1 << 20
PLAIN = (int, float, str, bool, list, dict, tuple, type(None))
_INT64 = (-(1 << 63), 1 << 64)


def compile_cell(request, count, names):
    """(body, last): the cell's statements, and its final expression if it is one."""
    code, python = request["code"], request.get("python")
    filename = f"<cell {count}>" if count else f"<cell {request['id']}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        tree = compile(python or code, filename, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        if python is not None and e.lineno and e.lineno <= len(code.splitlines()):
            e.text = code.splitlines()[e.lineno - 1] + "\n"  # the φ line, as typed
        raise
    if request.get("capture_source", True):
        names.capture(tree)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not request.get("silent"):
        last = compile(ast.Expression(tree.body.pop().value), filename, "eval", dont_inherit=True)
    return compile(tree, filename, "exec", dont_inherit=True), last


def safe_repr(value):
    try:
        text = repr(value)
    except Exception as e:  # noqa: BLE001 - a broken __repr__ must not fail the cell
        return f"<{type(value).__qualname__} object (repr failed: {type(e).__name__}: {e})>"
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT] + f"... [{len(text) - REPR_LIMIT} characters more]"
    return text


def result_value(value):
    """The value as JSON data when it is plain data (and not huge), else None."""
    kind = type(value)
    if kind is bool or (kind is int and _INT64[0] <= value < _INT64[1]):
        return value
    if kind not in PLAIN:
        return None
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False)
        if len(text) > JSON_LIMIT:
            return None
        text.encode("utf-8")  # lone surrogates cannot cross
        return json.loads(text)
    except (TypeError, ValueError, RecursionError, OverflowError):
        return None


def error_report(exc):
    """(traceback text, frames) of `exc`, without the driver's frames."""
    report = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    _hide_driver(report, set())
    frames = [{"filename": f.filename, "line": f.lineno or 0, "name": f.name, "text": f.line} for f in report.stack]
    return "".join(report.format()), frames


def _hide_driver(report, seen):
    while report is not None and id(report) not in seen:
        seen.add(id(report))
        kept = [f for f in report.stack if f.filename != DRIVER_FILE]
        report.stack = traceback.StackSummary.from_list(kept)
        _hide_driver(report.__cause__, seen)
        report = report.__context__
