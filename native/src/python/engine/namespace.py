"""The session namespace: IPython-like history names, the merge-only rules that keep
engine names in place whatever a cell does, transactions, and checkpoints.

The namespace is `__main__`'s dict (so pickle finds classes and functions defined in
cells); it is only ever updated, never replaced.
"""

import ast
import builtins
import pickle
import sys
import types
import zlib

FORMAT = "phicode-checkpoint"
VERSION = 1
FIXED = ("_", "__", "___", "_i", "_ii", "_iii", "In", "Out", "_ih", "_oh", "_exit_code", "_exception")


def is_engine_name(name):
    """Names a checkpoint, a restore or a rollback never touches."""
    return name in FIXED or (name.startswith("__") and name.endswith("__")) or _numbered(name)


def _numbered(name):
    # _5 (Out[5]) and _i5 (In[5])
    digits = name[2:] if name.startswith("_i") else name[1:]
    return name.startswith("_") and digits.isdigit()


class Namespace:
    def __init__(self, ns):
        self.ns = ns
        self.count = 0
        self.In = [""]
        self.Out = {}
        self.last = (None, None, None)  # _, __, ___
        self.exit_code = None
        self.exception = None
        self.sources = {}  # name -> (kind, Python source), for checkpoints
        self.imports = []
        ns.update(__name__="__main__", __doc__=None, __builtins__=builtins)
        self.repair()

    # History ---------------------------------------------------------------------------

    def begin(self, code):
        """Counts a new cell; returns its number."""
        self.count += 1
        self.In.append(code)
        self.ns[f"_i{self.count}"] = code
        return self.count

    def store(self, count, value):
        """The value of cell `count`'s final expression."""
        if count:
            self.Out[count] = value
            self.ns[f"_{count}"] = value
        self.last = (value, self.last[0], self.last[1])

    def repair(self):
        """Puts every engine name back (a cell may have rebound or deleted any of them)."""
        ns = self.ns
        ns["__builtins__"] = builtins
        ns["__name__"] = "__main__"
        ns["In"] = ns["_ih"] = self.In
        ns["Out"] = ns["_oh"] = self.Out
        ns["_"], ns["__"], ns["___"] = self.last
        previous = self.In[-1:-4:-1] + ["", "", ""]
        ns["_i"], ns["_ii"], ns["_iii"] = previous[:3]
        ns["_exit_code"] = self.exit_code
        ns["_exception"] = self.exception

    # Transactions -----------------------------------------------------------------------

    def snapshot(self):
        return dict(self.ns)

    def rollback(self, snapshot):
        """Rebinds the names as they were (shallow: objects changed in place stay changed)."""
        ns = self.ns
        for name in [n for n in ns if n not in snapshot and not is_engine_name(n)]:
            del ns[name]
        ns.update({n: v for n, v in snapshot.items() if not is_engine_name(n)})

    # Sources ----------------------------------------------------------------------------

    def capture(self, tree):
        """Remembers the top-level functions, classes and imports of a cell."""
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                self.sources[node.name] = (kind, ast.unparse(node))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                statement = ast.unparse(node)
                if statement not in self.imports:
                    self.imports.append(statement)

    # Checkpoints ------------------------------------------------------------------------

    def checkpoint(self):
        """(bytes, counts, skipped): every picklable user name; modules by name."""
        entries, modules, skipped = {}, {}, []
        for name, value in list(self.ns.items()):
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
            "sources": dict(self.sources),
            "imports": list(self.imports),
            "count": self.count,  # the execution counter and In: a restored session goes on numbering
            "history": list(self.In),
        }
        data = zlib.compress(pickle.dumps(state, protocol=5), 1)
        kinds = [kind for kind, _ in self.sources.values()]
        counts = (len(entries) + len(modules), kinds.count("function"), kinds.count("class"), len(data))
        return data, counts, skipped

    def restore(self, data, clear):
        """(restored names, skipped rows). Sources run first so pickled references resolve."""
        try:
            state = pickle.loads(zlib.decompress(data))
        except Exception as e:
            raise ValueError(f"not a phicode checkpoint ({type(e).__name__}: {e})") from None
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            raise ValueError("not a phicode checkpoint")
        if state.get("version") != VERSION:
            raise ValueError(f"checkpoint version {state.get('version')} is not {VERSION}")
        ns = self.ns
        if clear:
            for name in [n for n in ns if not is_engine_name(n)]:
                del ns[name]
            self.sources.clear()
            self.imports.clear()
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
                self.sources[name] = (kind, source)
            except Exception as e:  # noqa: BLE001
                skipped.append((name, kind, f"{type(e).__name__}: {e}"))
        for name, blob in state["entries"].items():
            try:
                ns[name] = pickle.loads(blob)
                restored.append(name)
            except Exception as e:  # noqa: BLE001
                skipped.append((name, "pickle", f"{type(e).__name__}: {e}"))
        for statement in state["imports"]:
            if statement not in self.imports:
                self.imports.append(statement)
        if clear and "count" in state:  # checkpoints before these keys had none
            self.count = state["count"]
            self.In[:] = state["history"]
        self.repair()
        return restored, skipped
