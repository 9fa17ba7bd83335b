"""Editing help for the session's namespace: completion of the dotted name before the
cursor, inspection of the one under it, and the is-complete check of a pending cell.
Pure Python: the sandbox's driver runs this very module (sandbox/src/driver.rs), in a
CPython for WASI built without rlcompleter. Modules only editing needs are imported when
it is asked for, not at every start."""

import ast
import re

_TOKEN = re.compile(r"[\w.]*$")


def complete(ns, code, cursor):
    """(matches, start, end) for the dotted name before `cursor` (in characters)."""
    token = _TOKEN.search(code[:cursor]).group(0)
    if not token:
        return [], cursor, cursor
    return sorted(set(_candidates(ns, token))), cursor - len(token), cursor


def _candidates(ns, token):
    """Names and dotted attributes starting with `token`, by rlcompleter where the build
    has it."""
    try:
        import rlcompleter
    except ImportError:
        return _listed(ns, token)
    completer = rlcompleter.Completer(ns)
    found, state = [], 0
    while state < 1000:
        match = completer.complete(token, state)
        if match is None:
            break
        found.append(match.rstrip("("))
        state += 1
    return found


def _listed(ns, token):
    """rlcompleter's rule without it: attributes are listed, never evaluated."""
    import builtins
    import keyword

    head, dot, prefix = token.rpartition(".")
    if not dot:
        names = list(ns) + dir(builtins) + keyword.kwlist
        return [n for n in names if n.startswith(prefix)][:1000]
    parts = head.split(".")
    if not all(p.isidentifier() for p in parts) or parts[0] not in ns:
        return []
    value = ns[parts[0]]
    try:
        for part in parts[1:]:
            value = getattr(value, part)
    except Exception:  # noqa: BLE001
        return []
    hidden = "__" if not prefix.startswith("_") else ""
    return [f"{head}.{n}" for n in dir(value) if n.startswith(prefix) and not (hidden and n.startswith(hidden))][:1000]


_NAME_AT = re.compile(r"[\w.]*")


def inspect(ns, code, cursor, detail, python_of=None):
    """(found, text): signature and docstring of the dotted name at `cursor` (its source
    too at detail 1; `python_of` maps a φ cell's file name to its Python). Names are looked
    up, never called."""
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
            lines.append(_source(inspect_module, value, python_of or {}))
        except (OSError, TypeError):
            pass
    return True, "\n".join(lines)


def _source(inspect_module, value, python_of):
    """The source of `value`; for a φ cell's function, its φ lines (inspect finds the block
    in the cell's Python, line N being φ line N)."""
    code = getattr(inspect_module.unwrap(value), "__code__", None)
    filename = code.co_filename if code is not None else None
    python = python_of.get(filename)
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
    import codeop

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
