"""What code running in a session talks to: `display()` and MIME bundles, `input()`,
`sys.stdin` and `getpass()` over the protocol, completion and the is-complete check."""

import ast
import base64
import builtins
import codeop
import json
import re
import rlcompleter

import _phicode_worker as W

REPR_LIMIT = 1 << 20
JSON_LIMIT = 1 << 20
PLAIN = (int, float, str, bool, list, dict, tuple, type(None))
RICH = (
    ("_repr_html_", "text/html"),
    ("_repr_markdown_", "text/markdown"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_latex_", "text/latex"),
    ("_repr_json_", "application/json"),
)


def safe_repr(value):
    try:
        text = repr(value)
    except Exception as e:  # noqa: BLE001 - a broken __repr__ must not fail the cell
        return f"<{type(value).__qualname__} object (repr failed: {type(e).__name__}: {e})>"
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT] + f"... [{len(text) - REPR_LIMIT} characters more]"
    return text


def json_text(value):
    """The value as JSON when it is plain data (and not huge), else None."""
    if type(value) not in PLAIN:
        return None
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None
    return text if len(text) <= JSON_LIMIT else None


def mime_bundle(value, text=None):
    """{MIME type: data} from the value's `_repr_*_` methods (IPython's convention)."""
    bundle = {"text/plain": text if text is not None else safe_repr(value)}
    kind = type(value)
    method = getattr(kind, "_repr_mimebundle_", None)
    if method is not None:
        try:
            got = method(value)
            data = got[0] if isinstance(got, tuple) else got
            if isinstance(data, dict):
                bundle.update({k: v for k, v in data.items() if isinstance(k, str)})
        except Exception:  # noqa: BLE001
            pass
    for name, mime in RICH:
        method = getattr(kind, name, None)
        if method is None or mime in bundle:
            continue
        try:
            data = method(value)
        except Exception:  # noqa: BLE001
            continue
        if isinstance(data, tuple):
            data = data[0]
        if isinstance(data, bytes):
            data = base64.b64encode(data).decode("ascii")
        if data is not None:
            bundle[mime] = data
    return bundle


def has_rich(value):
    kind = type(value)
    return kind not in PLAIN and any(hasattr(kind, n) for n, _ in RICH + (("_repr_mimebundle_", ""),))


def display(*values, raw=False, metadata=None, display_id=None, update=False, **_ignored):
    """Shows each value in the session (as Jupyter's `display`)."""
    from _phicode_engine import current_id

    for value in values:
        bundle = value if raw and isinstance(value, dict) else mime_bundle(value)
        meta = json.dumps(metadata, default=str) if metadata else None
        W.send_display(current_id(), json.dumps(bundle, default=str), meta, display_id, update)


def ask(prompt, password=False):
    """A line from the host for the calling code's execution; EOFError when there is none."""
    from _phicode_engine import current_id, stdin_allowed

    execution = current_id()
    if execution is None or not stdin_allowed(execution):
        raise EOFError("input() has no one to ask: the execution does not allow stdin")
    return W.request_input(execution, str(prompt), password, None)


def input(prompt=""):
    return ask(prompt)


def getpass(prompt="Password: ", stream=None):
    return ask(prompt, password=True)


class Stdin:
    """`sys.stdin`: each line read is asked from the host."""

    encoding = "utf-8"
    errors = "strict"
    name = "<stdin>"
    closed = False

    def readable(self):
        return True

    def writable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def readline(self, size=-1):
        try:
            return ask("") + "\n"
        except EOFError:
            return ""

    def read(self, size=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return "".join(lines)
            lines.append(line)

    def readlines(self, hint=-1):
        return list(iter(self.readline, ""))

    def __iter__(self):
        return iter(self.readline, "")


def install():
    builtins.input = input
    builtins.display = display
    import getpass as module

    module.getpass = getpass


# Completion and completeness -----------------------------------------------------------

_TOKEN = re.compile(r"[\w.]*$")


def complete(ns, code, cursor):
    """(matches, start, end) for the dotted name before `cursor` (in characters)."""
    token = _TOKEN.search(code[:cursor]).group(0)
    if not token:
        return [], cursor, cursor
    completer = rlcompleter.Completer(ns)
    found, state = [], 0
    while state < 1000:
        match = completer.complete(token, state)
        if match is None:
            break
        found.append(match.rstrip("("))
        state += 1
    return sorted(set(found)), cursor - len(token), cursor


_NAME_AT = re.compile(r"[\w.]*")


def inspect(ns, code, cursor, detail):
    """(found, text): signature and docstring of the dotted name at `cursor` (its source
    too at detail 1). Names are looked up, never called."""
    import builtins as b
    import inspect as inspect_module

    start = len(_TOKEN.search(code[:cursor]).group(0))
    name = (code[cursor - start : cursor] + _NAME_AT.match(code, cursor).group(0)).strip(".")
    parts = name.split(".")
    if not name or not all(p.isidentifier() for p in parts):
        return False, ""
    if parts[0] in ns:
        value = ns[parts[0]]
    elif hasattr(b, parts[0]):
        value = getattr(b, parts[0])
    else:
        return False, ""
    try:
        for part in parts[1:]:
            value = getattr(value, part)
    except Exception:  # noqa: BLE001
        return False, ""
    lines = [f"{name}: {type(value).__qualname__}"]
    try:
        lines.append(f"Signature: {name}{inspect_module.signature(value)}")
    except (TypeError, ValueError):
        pass
    doc = inspect_module.getdoc(value)
    if doc:
        lines.append(doc)
    if detail:
        try:
            lines.append(_source(inspect_module, value))
        except (OSError, TypeError):
            pass
    return True, "\n".join(lines)


def _source(inspect_module, value):
    """The source of `value`; for a φ cell's function, its φ lines (inspect finds the block
    in the cell's Python, line N being φ line N)."""
    from _phicode_engine_cells import PYTHON_OF

    code = getattr(inspect_module.unwrap(value), "__code__", None)
    filename = code.co_filename if code is not None else None
    python = PYTHON_OF.get(filename)
    if python is None:
        return inspect_module.getsource(value)
    import linecache

    phi = linecache.cache.get(filename)
    linecache.cache[filename] = (len(python), None, python.splitlines(True), filename)
    try:
        block, start = inspect_module.getsourcelines(value)
    finally:
        linecache.cache[filename] = phi
    return "".join(phi[2][start - 1 : start - 1 + len(block)])


def is_complete(python_source):
    """("complete" | "incomplete" | "invalid", indent of the next line)."""
    if not python_source.strip():
        return "complete", ""
    compiler = codeop.CommandCompiler()
    compiler.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    try:
        code = compiler(python_source, "<input>", "exec")
    except (SyntaxError, OverflowError, ValueError):
        return "invalid", ""
    lines = python_source.split("\n")
    last = lines[-1]
    indent = last[: len(last) - len(last.lstrip())]
    if code is None:
        if last.rstrip().endswith(":"):
            indent += "    "
        return "incomplete", indent
    # A block is open until an empty line closes it, as in the Python REPL.
    if len(lines) > 1 and last.strip() and indent:
        return "incomplete", indent
    return "complete", ""
