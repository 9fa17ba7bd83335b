"""Checkpoints of the session namespace: every picklable user name (modules by name), the
sources of functions, classes and imports (run first on restore, so pickled references
resolve), and the execution counter and history; zlib-compressed when that pays."""

import pickle
import sys
import types
import zlib

from .namespace import is_engine_name

FORMAT = "phicode-checkpoint"
VERSION = 1
SAMPLE = 1 << 16  # bytes of a checkpoint tried for compressibility, twice


def _compress(data):
    """zlib, at level 1 when a sample of `data` shrinks, else level 0 (stored blocks, still
    zlib): random or already compressed data costs ~30 MB/s to compress for nothing."""
    if len(data) > SAMPLE * 4:
        middle = len(data) // 2
        sample = data[:SAMPLE] + data[middle : middle + SAMPLE]
        if len(zlib.compress(sample, 1)) > len(sample) * 0.9:
            return zlib.compress(data, 0)
    return zlib.compress(data, 1)


def checkpoint(names, stored=False):
    """(bytes, counts, skipped): every picklable user name; modules by name. `stored`: zlib
    level 0 (the sandbox's own saves stay in memory, where compressing buys nothing)."""
    entries, modules, skipped = {}, {}, []
    for name, value in list(names.ns.items()):
        if is_engine_name(name):
            continue
        if isinstance(value, types.ModuleType):
            modules[name] = value.__name__
            continue
        try:
            entries[name] = pickle.dumps(value, protocol=5)
        except Exception as e:  # noqa: BLE001 - anything unpicklable is listed
            skipped.append((name, type(value).__qualname__, f"{type(e).__name__}: {e}"))
    state = {
        "format": FORMAT,
        "version": VERSION,
        "python": list(sys.version_info[:2]),
        "entries": entries,
        "modules": modules,
        "sources": dict(names.sources),
        "imports": list(names.imports),
        "count": names.count,  # the execution counter and In: a restored session goes on numbering
        "history": list(names.In),
    }
    data = pickle.dumps(state, protocol=5)
    data = zlib.compress(data, 0) if stored else _compress(data)
    kinds = [kind for kind, _ in names.sources.values()]
    counts = (len(entries) + len(modules), kinds.count("function"), kinds.count("class"), len(data))
    return data, counts, skipped

def restore(names, data, clear):
    """(restored names, skipped rows). Sources run first so pickled references resolve."""
    try:
        state = pickle.loads(zlib.decompress(data))
    except Exception as e:
        raise ValueError(f"not a phicode checkpoint ({type(e).__name__}: {e})") from None
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise ValueError("not a phicode checkpoint")
    if state.get("version") != VERSION:
        raise ValueError(f"checkpoint version {state.get('version')} is not {VERSION}")
    ns = names.ns
    if clear:
        for name in [n for n in ns if not is_engine_name(n)]:
            del ns[name]
        names.sources.clear()
        names.imports.clear()
    restored, skipped = [], []
    for name, module in state["modules"].items():
        try:
            __import__(module)
            ns[name] = sys.modules[module]
            restored.append(name)
        except Exception as e:  # noqa: BLE001
            skipped.append((name, "module", f"{type(e).__name__}: {e}"))
    for statement in state["imports"]:
        try:
            exec(compile(statement, "<checkpoint>", "exec"), ns)
        except Exception:  # noqa: BLE001 - the names it binds are reported below
            pass
    for name, (kind, source) in state["sources"].items():
        try:
            exec(compile(source, f"<checkpoint {name}>", "exec"), ns)
            names.sources[name] = (kind, source)
        except Exception as e:  # noqa: BLE001
            skipped.append((name, kind, f"{type(e).__name__}: {e}"))
    for name, blob in state["entries"].items():
        try:
            ns[name] = pickle.loads(blob)
            restored.append(name)
        except Exception as e:  # noqa: BLE001
            skipped.append((name, "pickle", f"{type(e).__name__}: {e}"))
    for statement in state["imports"]:
        if statement not in names.imports:
            names.imports.append(statement)
    if clear and "count" in state:  # checkpoints before these keys had none
        names.count = state["count"]
        names.In[:] = state["history"]
    names.repair()
    return restored, skipped
