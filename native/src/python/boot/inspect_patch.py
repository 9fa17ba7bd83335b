

# inspect.getsource, findsource and what uses them (getcomments, help, pydoc) for φ (a part
# of the bootstrap: see boot.py). inspect finds a function's block by looking for
# `def`/`class` tokens, which φ spells `ƒ`/`ℂ`, and a class by parsing its whole module,
# which φ is not. For `.φ` files its searches run on the transpiled lines (line N is line
# N), and φ lines are returned.


def _patch_inspect(inspect):
    import linecache
    import os

    original_findsource = inspect.findsource
    original_getsourcelines = inspect.getsourcelines

    def phi_file(object):
        try:
            file = inspect.getsourcefile(inspect.unwrap(object))
        except TypeError:
            return None
        return file if file and file.endswith(tuple(PHI_SUFFIXES)) else None

    def python_findsource(object, file):
        """findsource run on the Python the φ file became (line N is φ line N)."""
        saved = linecache.cache.get(file)
        try:
            stat = os.stat(file)
            python_lines = _python_source_for(file).splitlines(True)
            linecache.cache[file] = (stat.st_size, stat.st_mtime, python_lines, file)
            return original_findsource(object)
        finally:
            if saved is None:
                linecache.cache.pop(file, None)
            else:
                linecache.cache[file] = saved

    def findsource(object):
        # getcomments, help() and pydoc find a class by parsing its whole module: φ is
        # not Python, so the search runs on the Python, and the lines given back are φ.
        file = phi_file(object)
        if file is None:
            return original_findsource(object)
        _, lnum = python_findsource(object, file)
        return linecache.getlines(file), lnum

    def getsourcelines(object):
        file = phi_file(object)
        if file is None:
            return original_getsourcelines(object)
        object = inspect.unwrap(object)
        python_lines, lnum = python_findsource(object, file)
        phi_lines = linecache.getlines(file)
        if inspect.istraceback(object):
            object = object.tb_frame
        if inspect.ismodule(object) or (inspect.isframe(object) and object.f_code.co_name == "<module>"):
            return phi_lines, 0
        block = inspect.getblock(python_lines[lnum:])  # φ symbols are not Python tokens
        return phi_lines[lnum : lnum + len(block)], lnum + 1

    findsource.__doc__ = original_findsource.__doc__
    getsourcelines.__doc__ = original_getsourcelines.__doc__
    inspect.findsource = findsource
    inspect.getsourcelines = getsourcelines
