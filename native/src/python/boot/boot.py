"""phicode's bootstrap: the `.φ` import hook and the runners for `python3 FILE` / `-m MODULE`.

The host compiles this file under the name of importlib's own frozen module, so CPython's
import machinery strips these frames from tracebacks exactly as it strips its own: a φ
program's traceback looks like the same program's under python3. It runs on the embedded
CPython (where `_phicode` is the host's Rust module) and on external interpreters such as
PyPy 3.9 (where the host hands over a bundle of sources it transpiled ahead of time). It
imports only modules every interpreter has loaded before `site` runs, so a program's own
`json.φ` or `test.φ` is never shadowed.

The host joins this file and its parts (inspect_patch.py, runner.py, external.py,
columns.py, in that order) into the one module `_phicode_boot`.
"""

import sys
import _imp

try:
    import _frozen_importlib as _bootstrap
    import _frozen_importlib_external as _bx
except ImportError:  # Interpreters that do not freeze importlib under these names.
    import importlib._bootstrap as _bootstrap
    import importlib._bootstrap_external as _bx

def _nameable(suffix):
    """Whether file names can end in `suffix` here: under an ASCII filesystem encoding (a C
    locale with UTF-8 mode turned off) `.φ` cannot be named, and looking it up would raise."""
    try:
        suffix.encode(sys.getfilesystemencoding(), "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


PHI_SUFFIXES = [suffix for suffix in (".φ", ".phi") if _nameable(suffix)]
_HERE = "<frozen importlib._bootstrap_external>"  # This file's name, as the host compiles it.
_get_code_for = None  # path -> code object, set by the host (embedded) or by `use_bundle`.
_python_source_for = None  # path -> transpiled Python text, likewise.
_phi_segment = None  # a φ line -> (Python, φ offset of each Python offset); embedded only
_phi_to_python = None  # φ text -> Python text; embedded only


# CPython reads a SyntaxError's line from the file named in compile(), and counts its column
# in that line: the φ file would give the φ line with a column of the Python line. Compiling
# under a name no file has makes CPython use the Python text; the host then moves the error
# to the φ line and column, and the code objects get the real name back.
_UNREADABLE_NAME = "<phicode: transpiled source>"


def compile_phi(python_source, path):
    """Compiles transpiled Python as the code of the φ file `path`."""
    import warnings

    caught = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            # Through the frame-trimming helper: an error shows no bootstrap frames.
            code = _call_with_frames_removed(compile, python_source, _UNREADABLE_NAME, "exec", 0, True)
    finally:
        # Compile-time warnings (SyntaxWarning, ...) are reported at the φ file's line.
        for w in caught:
            warnings.warn_explicit(w.message, w.category, path, w.lineno)
    _imp._fix_co_filename(code, path)
    return code


def _call_with_frames_removed(f, *args):
    # The name is what CPython's import.c looks for when trimming importlib frames.
    return f(*args)


class PhiLoader(_bx.SourceFileLoader):
    """Loads `.φ` modules: source and data access as for `.py`, code from φ via the host."""

    def get_code(self, fullname):
        return _call_with_frames_removed(_get_code_for, self.get_filename(fullname))


def install_hook():
    """Registers PhiLoader beside the standard loaders, in every FileFinder from now on."""
    standard = _bx._get_supported_file_loaders()
    loaders = [standard[0], (PhiLoader, list(PHI_SUFFIXES))]
    loaders += [(kind, list(suffixes)) for kind, suffixes in standard[1:]]
    _bx._get_supported_file_loaders = lambda: list(loaders)
    # inspect.getmodulename and pkgutil learn the suffixes through this list.
    for suffix in PHI_SUFFIXES:
        if suffix not in _bx.SOURCE_SUFFIXES:
            _bx.SOURCE_SUFFIXES.append(suffix)
    _install_patches(
        {"inspect": _patch_inspect, "multiprocessing.spawn": _patch_spawn, "traceback": _patch_traceback}
    )
    hook = _bx.FileFinder.path_hook(*loaders)
    hooks = [h for h in sys.path_hooks if getattr(h, "__name__", "") != "path_hook_for_FileFinder"]
    if _phi_to_python is not None:
        hooks.insert(0, _PhiZipImporter)
    sys.path_hooks[:] = hooks + [hook]
    sys.path_importer_cache.clear()
