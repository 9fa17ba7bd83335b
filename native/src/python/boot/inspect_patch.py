

# inspect.getsource for φ (a part of the bootstrap: see boot.py)


class _InspectPatcher:
    """A meta path entry that patches `inspect` as it is first imported.

    inspect finds a function's block by looking for `def`/`class` tokens, which φ spells
    `ƒ`/`ℂ`. For `.φ` files its search runs on the transpiled lines (line N is line N), and
    the φ lines of the block it found are returned.
    """

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname != "inspect":
            return None
        if cls in sys.meta_path:
            sys.meta_path.remove(cls)
        spec = _bootstrap._find_spec(fullname, path, target)
        loader = getattr(spec, "loader", None)
        if loader is not None and hasattr(loader, "exec_module"):
            exec_module = loader.exec_module

            def exec_and_patch(module):
                exec_module(module)
                _patch_inspect(module)

            loader.exec_module = exec_and_patch
        return spec


def _patch_inspect(inspect):
    import linecache

    original = inspect.getsourcelines

    def getsourcelines(object):
        try:
            file = inspect.getsourcefile(inspect.unwrap(object))
        except TypeError:
            file = None
        if not file or not file.endswith(tuple(PHI_SUFFIXES)):
            return original(object)
        phi_lines = linecache.getlines(file)
        saved = linecache.cache.get(file)
        try:
            import os

            stat = os.stat(file)
            python_lines = _python_source_for(file).splitlines(True)
            linecache.cache[file] = (stat.st_size, stat.st_mtime, python_lines, file)
            lines, lnum = original(object)
        finally:
            if saved is None:
                linecache.cache.pop(file, None)
            else:
                linecache.cache[file] = saved
        if lnum == 0:
            return phi_lines, 0
        return phi_lines[lnum - 1 : lnum - 1 + len(lines)], lnum

    getsourcelines.__doc__ = original.__doc__
    inspect.getsourcelines = getsourcelines
