

# multiprocessing's spawn and forkserver start methods for φ programs (a part of the
# bootstrap: see boot.py). A spawned child runs `sys.executable -c "...spawn_main(...)"`
# and then the parent's main file through runpy: python3 cannot read a φ main file, so
# under the embedded interpreter children start as this phicode (which takes python3's
# `-c` and flags), and runpy reads φ files through the φ loader.

_SPAWN_EXECUTABLE = None  # the phicode binary, set by `run` under the embedded interpreter
_SPAWN_CONFIG = None  # the dialect config file in force, likewise


def _patch_spawn(spawn):
    if _SPAWN_EXECUTABLE:
        spawn.set_executable(_SPAWN_EXECUTABLE)
        if _SPAWN_CONFIG:
            import os

            # Children start from wherever; they must convert with the parent's dialect.
            os.environ.setdefault("PHICODE_CONFIG", _SPAWN_CONFIG)
    import runpy

    original = runpy._get_code_from_file

    def _get_code_from_file(*args):
        # (run_name, fname) up to 3.11, (fname) from 3.12.
        fname = args[-1]
        path = fname if isinstance(fname, str) else None
        if path is not None and path.endswith(tuple(PHI_SUFFIXES)):
            import os

            return _get_code_for(os.path.abspath(path)), fname
        return original(*args)

    runpy._get_code_from_file = _get_code_from_file
