"""phicode's bootstrap: the `.φ` import hook and the runners for `python3 FILE` / `-m MODULE`.

The host compiles this file under the name of importlib's own frozen module, so CPython's
import machinery strips these frames from tracebacks exactly as it strips its own: a φ
program's traceback looks like the same program's under python3. It runs on the embedded
CPython (where `_phicode` is the host's Rust module) and on external interpreters such as
PyPy 3.9 (where the host hands over a bundle of sources it transpiled ahead of time). It
imports only modules every interpreter has loaded before `site` runs, so a program's own
`json.φ` or `test.φ` is never shadowed.
"""

import sys
import _imp

try:
    import _frozen_importlib as _bootstrap
    import _frozen_importlib_external as _bx
except ImportError:  # Interpreters that do not freeze importlib under these names.
    import importlib._bootstrap as _bootstrap
    import importlib._bootstrap_external as _bx

PHI_SUFFIXES = [".φ", ".phi"]
_HERE = "<frozen importlib._bootstrap_external>"  # This file's name, as the host compiles it.
_get_code_for = None  # path -> code object, set by the host (embedded) or by `use_bundle`.
_python_source_for = None  # path -> transpiled Python text, likewise.


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
    if "inspect" in sys.modules:
        _patch_inspect(sys.modules["inspect"])
    else:
        sys.meta_path.insert(0, _InspectPatcher)
    hook = _bx.FileFinder.path_hook(*loaders)
    hooks = [h for h in sys.path_hooks if getattr(h, "__name__", "") != "path_hook_for_FileFinder"]
    sys.path_hooks[:] = hooks + [hook]
    sys.path_importer_cache.clear()


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


def _exit_status(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    try:
        sys.stderr.write(str(code) + "\n")
        sys.stderr.flush()
    except Exception:
        pass
    return 1


def _run_file(path, is_phi):
    main = sys.modules["__main__"]
    glob = main.__dict__
    loader = PhiLoader("__main__", path) if is_phi else _bx.SourceFileLoader("__main__", path)
    glob.update(__file__=path, __cached__=None, __loader__=loader, __spec__=None, __package__=None)
    code = _get_code_for(path) if is_phi else loader.get_code("__main__")
    exec(code, glob)


def _run_module(name):
    import runpy

    runpy._run_module_as_main(name, alter_argv=True)


def run(kind, target, argv, path0, embedded, executable=None, orig_argv=None):
    """Runs a program like `python3 FILE` (kind "phi"/"py") or `python3 -m` (kind "module").

    Returns (exit status, interrupted): an uncaught KeyboardInterrupt should end the process
    by SIGINT once the interpreter is finalized, as CPython's own does.
    """
    sys.argv[:] = list(argv)
    if not getattr(sys.flags, "safe_path", False):  # PYTHONSAFEPATH: no script folder.
        sys.path.insert(0, path0)
    if embedded and executable:
        sys.executable = sys._base_executable = executable
    if embedded and orig_argv:
        sys.orig_argv = list(orig_argv)
    if embedded:
        # The host starts CPython without its signal handlers; Ctrl-C must still raise.
        import _signal

        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    try:
        if kind == "module":
            _run_module(target)
        else:
            _run_file(target, kind == "phi")
    except SystemExit as exc:
        return _exit_status(exc), False
    except BaseException as exc:
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename == _HERE:
            tb = tb.tb_next
        # CPython shows the exception's own __traceback__, so the trimmed one must go there.
        exc.__traceback__ = tb
        sys.excepthook(type(exc), exc, tb)
        return 1, isinstance(exc, KeyboardInterrupt)
    return 0, False


# External interpreters ---------------------------------------------------------------


def external_main():
    """Entry point under an external interpreter, started as `INTERPRETER -c STUB ARGS`.

    The host passes its settings in PHICODE_* environment variables, removed here so the
    program never sees them, and the program's argv after `-c`.
    """
    import os

    env = os.environ
    settings = {k: env.pop(k) for k in list(env) if k.startswith("PHICODE_RUN_")}
    if sys.path and sys.path[0] == "":
        del sys.path[0]  # `-c` put the current folder there; python3 FILE would not.
    _use_bundle(settings["PHICODE_RUN_BUNDLE"], settings.get("PHICODE_RUN_HOST"))
    install_hook()
    kind, target, path0 = (settings["PHICODE_RUN_" + k] for k in ("KIND", "TARGET", "PATH0"))
    status, interrupted = run(kind, target, sys.argv[1:], path0, False)
    if interrupted:
        # End by SIGINT as CPython does, once exit handlers have run and output is out.
        import atexit
        import _signal

        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        _signal.signal(_signal.SIGINT, _signal.SIG_DFL)
        os.kill(os.getpid(), _signal.SIGINT)
    raise SystemExit(status)


def _use_bundle(path, host):
    """Reads the sources the host transpiled ahead of time, and their column maps."""
    global _get_code_for, _python_source_for
    import os

    sources, maps = {}, {}
    with open(path, "rb") as f:
        data = f.read()
    at = 0
    while at < len(data):
        head_end = data.index(b"\n", at)
        name, src_len, map_len = data[at:head_end].split(b"\0")
        start = head_end + 1
        middle = start + int(src_len)
        name = os.fsdecode(name)
        sources[name] = data[start:middle].decode("utf-8")
        maps[name] = data[middle : middle + int(map_len)].decode("ascii")
        at = middle + int(map_len)

    def python_source(p):
        text = sources.get(p)
        if text is None:
            text = sources.get(os.path.realpath(p))
        if text is None:  # Outside the tree the host walked: ask it.
            import subprocess

            args = [host, "convert", "--to", "python", p]
            text = subprocess.run(args, check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
            sources[p] = text
        return text

    def get_code(p):
        text = python_source(p)
        column_map = maps.get(p) or maps.get(os.path.realpath(p), "")
        try:
            code = compile_phi(text, p)
        except SyntaxError as exc:
            _move_to_phi(exc, p, column_map)
            raise
        if column_map and hasattr(code, "co_positions"):  # CPython 3.11+: column tables.
            with open(p, encoding="utf-8") as f:
                phi_lines = f.read().splitlines()
            column = _column_mapper(_segments(column_map), text.splitlines(), phi_lines)
            code = _remap_columns(code, column)
        return code

    _get_code_for, _python_source_for = get_code, python_source


def _segments(column_map):
    """The host's column map: {line: [(φ col, φ len, Python col, Python len), ...]}."""
    segments = {}
    for row in column_map.splitlines():
        numbers = [int(n) for n in row.split()]
        segments[numbers[0]] = [numbers[i : i + 4] for i in range(1, len(numbers), 4)]
    return segments


def _phi_column(segments, line, col):
    """A 1-based Python character column of `line` as a φ column (the core's map, in Python)."""
    if not col or col <= 0 or line not in segments:
        return col
    mapped = col
    for phi_col, phi_len, py_col, py_len in segments[line]:
        if col < py_col:
            break
        if col < py_col + py_len:
            return phi_col
        mapped = col - (py_col + py_len) + phi_col + phi_len
    return mapped


def _column_mapper(segments, python_lines, phi_lines):
    """(line, Python UTF-8 byte column) -> φ UTF-8 byte column, as code objects count them."""

    def column(line, byte_col):
        if line not in segments or not 0 < line <= min(len(python_lines), len(phi_lines)):
            return byte_col
        py_line = python_lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", "ignore")
        phi_col = _phi_column(segments, line, len(py_line) + 1)
        return len(phi_lines[line - 1][: phi_col - 1].encode("utf-8"))

    return column


def _remap_columns(code, column):
    """`code` with its location table's columns moved through `column` (CPython 3.11+
    format, Objects/locations.md; what the host does in Rust for the embedded CPython)."""
    table, out, at, line = code.co_linetable, bytearray(), 0, code.co_firstlineno

    def varint():
        nonlocal at
        value = shift = 0
        while True:
            b = table[at]
            at += 1
            value |= (b & 63) << shift
            shift += 6
            if not b & 64:
                return value

    def svarint():
        raw = varint()
        return -(raw >> 1) if raw & 1 else raw >> 1

    def put(value):
        while value >= 64:
            out.append(64 | (value & 63))
            value >>= 6
        out.append(value)

    while at < len(table):
        first = table[at]
        at += 1
        kind = (first >> 3) & 15
        if kind == 15:
            out.append(first)
            continue
        if kind == 13:
            delta = svarint()
            line += delta
            out.append(first)
            put((-delta << 1) | 1 if delta < 0 else delta << 1)
            continue
        if kind == 14:
            delta, end_delta, col, end = svarint(), varint(), varint() - 1, varint() - 1
        elif kind >= 10:
            delta, end_delta, col, end = kind - 10, 0, table[at], table[at + 1]
            at += 2
        else:
            second = table[at]
            at += 1
            delta, end_delta = 0, 0
            col = kind * 8 + ((second >> 4) & 7)
            end = col + (second & 15)
        line += delta
        col = column(line, col) if col >= 0 else col
        end = column(line + end_delta, end) if end >= 0 else end
        out.append(0x80 | (14 << 3) | (first & 7))
        put((-delta << 1) | 1 if delta < 0 else delta << 1)
        put(end_delta)
        put(col + 1)
        put(end + 1)
    consts = tuple(_remap_columns(c, column) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(out), co_consts=consts)


def _move_to_phi(exc, path, column_map):
    """The host's SyntaxError remapping, in Python: φ file, φ line, φ columns."""
    segments = _segments(column_map)

    def column(line, col):
        return _phi_column(segments, line, col)

    exc.filename = path
    if exc.lineno:
        exc.offset = column(exc.lineno, exc.offset)
        end_line = getattr(exc, "end_lineno", None)
        if end_line:
            exc.end_offset = column(end_line, exc.end_offset)
        try:
            with open(path, encoding="utf-8") as f:
                exc.text = f.read().splitlines()[exc.lineno - 1] + "\n"
        except (OSError, IndexError, UnicodeDecodeError):
            pass
    details = (exc.filename, exc.lineno, exc.offset, exc.text)
    if hasattr(exc, "end_lineno"):
        details += (exc.end_lineno, exc.end_offset)
    exc.args = (exc.msg, details)
