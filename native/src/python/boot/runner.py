

# Running programs like python3 (a part of the bootstrap: see boot.py)


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


def _run_code(python_source, filename):
    """`python3 -c CODE` and `python3 -`: the code, already Python, runs in `__main__`."""
    main = sys.modules["__main__"]
    main.__dict__.update(__loader__=_bootstrap.BuiltinImporter, __spec__=None, __package__=None)
    exec(compile(python_source, filename, "exec"), main.__dict__)


def _run_module(name):
    import runpy

    runpy._run_module_as_main(name, alter_argv=True)


def run(kind, target, argv, path0, embedded, executable=None, orig_argv=None, host=None, config=None):
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
    if embedded and host:
        global _SPAWN_EXECUTABLE, _SPAWN_CONFIG
        _SPAWN_EXECUTABLE = host  # multiprocessing's children start as phicode,
        _SPAWN_CONFIG = config  # with the same dialect
    if embedded:
        # The host starts CPython without its signal handlers; Ctrl-C must still raise.
        import _signal

        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    try:
        if kind == "module":
            _run_module(target)
        elif kind == "folder":
            import runpy

            runpy._run_module_as_main("__main__", alter_argv=False)
        elif kind in ("command", "stdin"):
            _run_code(target, "<string>" if kind == "command" else "<stdin>")
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
        if sys.excepthook is sys.__excepthook__ and _phi_segment is not None:
            # The traceback module's printer, not the C one: the same text, but its anchors
            # can be found on φ lines (see traceback_patch.py).
            import traceback

            traceback.print_exception(type(exc), exc, tb)
        else:
            sys.excepthook(type(exc), exc, tb)
        return 1, isinstance(exc, KeyboardInterrupt)
    return 0, False
