

# φ modules inside zip archives on sys.path (a part of the bootstrap: see boot.py).
# zipimport knows `.py` and `.pyc` only; this path hook, ahead of it, finds `name.φ` and
# `name/__init__.φ` in the archive (before `.py`, as in a folder) and leaves everything else
# to zipimport. Under an external interpreter (no converter in the process) it is not
# installed.


class _PhiZipImporter:
    def __init__(self, path):
        import zipimport

        self._zip = zipimport.zipimporter(path)  # ImportError unless `path` is in an archive

    def _entry(self, fullname):
        """(path in the archive, is_package) of module `fullname`'s φ source, if any."""
        name = fullname.rpartition(".")[2]
        base = self._zip.prefix + name
        files = self._zip._files
        for suffix in PHI_SUFFIXES:
            if base + "/__init__" + suffix in files:
                return base + "/__init__" + suffix, True
            if base + suffix in files:
                return base + suffix, False
        return None

    def find_spec(self, fullname, target=None):
        entry = self._entry(fullname)
        if entry is None:
            return self._zip.find_spec(fullname, target)
        inner, is_package = entry
        import os

        origin = os.path.join(self._zip.archive, inner)
        spec = _bootstrap.spec_from_loader(fullname, _PhiZipLoader(self._zip, inner, origin), origin=origin, is_package=is_package)
        if is_package:
            spec.submodule_search_locations = [os.path.join(self._zip.archive, inner.rpartition("/")[0])]
        spec.has_location = True
        return spec

    def invalidate_caches(self):
        self._zip.invalidate_caches()


class _PhiZipLoader:
    def __init__(self, archive, inner, origin):
        self._archive, self._inner, self._origin = archive, inner, origin

    def create_module(self, spec):
        return None

    def is_package(self, fullname):
        return self._inner.rpartition("/")[2].startswith("__init__.")

    def get_source(self, fullname):
        return self._archive.get_data(self._inner).decode("utf-8")

    def get_code(self, fullname):
        return compile_phi(_phi_to_python(self.get_source(fullname)), self._origin)

    def exec_module(self, module):
        module.__file__ = self._origin
        exec(self.get_code(module.__name__), module.__dict__)
