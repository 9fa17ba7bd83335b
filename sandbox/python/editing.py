# editing: completion, inspection and the is-complete check (the native engine's
# editing.py, without φ sources).

import ast
import codeop
import re


_TOKEN = re.compile(r"[\w.]*$")


def complete(ns, code, cursor):
    """(matches, start, end) for the dotted name before `cursor` (in characters)."""
    token = _TOKEN.search(code[:cursor]).group(0)
    if not token:
        return [], cursor, cursor
    return sorted(set(_candidates(ns, token))), cursor - len(token), cursor


def _candidates(ns, token):
    """Names and dotted attributes starting with `token` (rlcompleter's rule; this
    CPython build leaves rlcompleter out). Attributes are listed, never evaluated."""
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
    return inspect_module.getsource(value)


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
