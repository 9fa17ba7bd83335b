"""The session namespace: IPython-like history names, the merge-only rules that keep
engine names in place whatever a cell does, transactions, and the sources checkpoints keep.

The namespace is `__main__`'s dict (so pickle finds classes and functions defined in
cells); it is only ever updated, never replaced.
"""

import ast
import builtins

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

    def begin(self, code, at_least=0):
        """Counts a new cell, numbered past `at_least` (the sandbox's cells of an instance it
        had to end keep their numbers in the next one); returns its number."""
        self.count = max(self.count, at_least) + 1
        while len(self.In) < self.count:
            self.In.append("")
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
