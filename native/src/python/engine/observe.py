"""What the session's code does that matters for security, seen through CPython's audit
hooks: reported to the host's audit log, and used to explain a PermissionError the
confinement caused. Code can evade audit hooks; they observe, and the operating system's
confinement (Landlock, seccomp) decides."""

import errno
import sys

import _phicode_worker as W

# Events worth a line in the audit log: files, network, processes, signals, native code,
# the environment, and attempts to change the hooks themselves.
WATCHED = frozenset({
    "open", "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "shutil.rmtree",
    "socket.connect", "socket.bind", "socket.getaddrinfo", "urllib.Request",
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "os.kill", "os.killpg", "signal.pthread_kill",
    "ctypes.dlopen", "ctypes.dlsym", "ctypes.call_function",
    "os.putenv", "os.unsetenv", "sys.addaudithook", "sys.settrace", "sys.setprofile",
})

# Why the confinement refuses each kind of event, and what would allow it.
WHY = (
    (("open", "os."), "files outside the session's scratch folder ({scratch}) are out of reach; "
     "fs.read and fs.write (level standard and up) reach them through the host"),
    (("socket.", "urllib."), "the session has no network; net.connect (level standard and up) "
     "reaches granted hosts through the host"),
    (("subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork"),
     "starting processes needs the subprocess capability (level trusted and up)"),
    (("os.kill", "os.killpg", "signal."), "signals reach only the session's own processes"),
)

MAX_ARGUMENT = 200  # characters of each argument's repr kept in the log


class Observer:
    def __init__(self, ctx, level):
        self.ctx = ctx
        self.level = level
        self.last = None  # (event, args) of the last watched event in the running cell
        self.busy = False  # reporting an event raises events of its own (repr, ...)

    def hook(self, event, args):
        if event not in WATCHED or self.busy:
            return
        if event == "open" and not _user_path(args):
            return
        self.busy = True
        try:
            self.last = (event, args)
            arguments = [_short(a) for a in args]
            W.audit(self.ctx.current_id(), event, arguments)
        finally:
            self.busy = False

    def explain(self, exc):
        """Adds a note to a PermissionError saying which rule refused it and what allows it."""
        if not isinstance(exc, PermissionError) or exc.errno not in (errno.EPERM, errno.EACCES):
            return
        if self.last is None or getattr(exc, "_phicode_noted", False):
            return
        event, _ = self.last
        why = next((w for prefixes, w in WHY if event.startswith(prefixes)), "level unrestricted allows it")
        import os

        why = why.format(scratch=os.getcwd())
        try:
            exc.add_note(f"phicode: level {self.level} refused `{event}`: {why}.")
            exc._phicode_noted = True
        except Exception:  # noqa: BLE001 - an exception that takes no notes keeps none
            pass


def _user_path(args):
    """An `open` of the session's code, not the interpreter reading its own modules."""
    path = args[0] if args else None
    if not isinstance(path, str):
        return isinstance(path, bytes)
    return not path.startswith((sys.prefix, sys.base_prefix)) and not path.endswith((".py", ".pyc", ".so"))


def _short(value):
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001
        text = f"<{type(value).__name__}>"
    return text if len(text) <= MAX_ARGUMENT else text[:MAX_ARGUMENT] + "…"


def install(ctx, level):
    """Watches the session's code at every level but unrestricted (where nothing is
    checked, and the hook's cost would buy nothing)."""
    observer = Observer(ctx, level)
    if level != "unrestricted":
        sys.addaudithook(observer.hook)
    return observer
