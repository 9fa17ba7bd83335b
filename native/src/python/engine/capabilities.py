"""The capabilities the session's grant gives, as names its code sees: `fs.read`,
`fs.write` and `net.connect` (and custom ones) call the host, which checks them against
the grant and may ask a person; `clock` is local. `input` and `approve` are `interact`'s,
replaced here by refusals when the grant leaves them out."""

import builtins
import json
import os
import time

import _phicode_worker as W

LOCAL = frozenset({"input", "approve", "clock", "subprocess", "env"})


class CapabilityGroup:
    """`fs`, `net`, `clock` or a custom capability's first part: its methods are the
    granted capabilities of that name."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        methods = sorted(k for k in vars(self) if not k.startswith("_"))
        return f"<phicode capabilities {self._name}: {', '.join(methods)}>"


def _arguments(name, args, kwargs):
    """The JSON object a call sends: the built-ins' own parameters, or a custom
    capability's keyword arguments (or one dict)."""
    if name == "fs.read":
        return _bind(name, args, kwargs, ("path",), lambda path: {"path": os.path.abspath(os.fspath(path))})
    if name == "fs.write":
        return _bind(
            name, args, kwargs, ("path", "text"),
            lambda path, text: {"path": os.path.abspath(os.fspath(path)), "text": str(text)},
        )
    if name == "net.connect":
        def shape(host, port, send="", timeout=10.0):
            return {"host": str(host), "port": int(port), "send": str(send), "timeout": float(timeout)}
        return _bind(name, args, kwargs, ("host", "port", "send", "timeout"), shape)
    if len(args) == 1 and not kwargs and isinstance(args[0], dict):
        return args[0]
    if args:
        raise TypeError(f"{name}() takes keyword arguments (or one dict)")
    return kwargs


def _bind(name, args, kwargs, params, shape):
    try:
        return shape(*args, **kwargs)
    except TypeError:
        raise TypeError(f"{name}({', '.join(params)})") from None


def _caller(ctx, name):
    def call(*args, **kwargs):
        execution = ctx.current_id()
        if execution is None:
            raise PermissionError(f"{name}() can only be called while a cell runs")
        arguments = _arguments(name, args, kwargs)
        return json.loads(W.request_call(execution, name, json.dumps(arguments)))

    call.__name__ = call.__qualname__ = name.rsplit(".", 1)[-1]
    call.__doc__ = f"The `{name}` capability, served by the session's host."
    return call


def _refusal(name, level):
    def refused(*args, **kwargs):
        raise PermissionError(f"level {level} does not grant `{name}`")

    return refused


def install(ctx, level, granted):
    """Puts the granted capabilities in the builtins (so a name of the session's own
    shadows them); `capabilities()` lists them."""
    granted = sorted(set(granted))
    groups = {}
    for name in granted:
        if name in LOCAL:
            continue
        group, _, method = name.rpartition(".")
        if not group:
            setattr(builtins, name, _caller(ctx, name))
            continue
        target = groups.setdefault(group, CapabilityGroup(group))
        setattr(target, method, _caller(ctx, name))
    if "clock" in granted:
        clock = groups.setdefault("clock", CapabilityGroup("clock"))
        clock.now, clock.monotonic = time.time, time.monotonic
    for group, target in groups.items():
        if "." not in group:
            setattr(builtins, group, target)
    for name in ("input", "approve"):
        if name not in granted:
            setattr(builtins, name, _refusal(name, level))
    builtins.capabilities = lambda: list(granted)
