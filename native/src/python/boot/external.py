

# External interpreters (a part of the bootstrap: see boot.py)


def external_main():
    """Entry point under an external interpreter, started as `INTERPRETER -c STUB ARGS`.

    The host passes its settings in PHICODE_* environment variables, removed here so the
    program never sees them, and the program's argv after `-c`.
    """
    import os

    env = os.environ
    settings = {k: env.pop(k) for k in list(env) if k.startswith("PHICODE_RUN_")}
    try:
        os.unlink(settings["PHICODE_RUN_STARTED"])  # tells the host its bootstrap ran
    except (KeyError, OSError):
        pass
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
