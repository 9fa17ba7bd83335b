# main: the driver's loop. It answers the host's requests one at a time, in order; every
# request gets exactly one terminal reply (an `exec` two when it asks for a save).

import base64
import os
import sys
import time
import types

# The native engine's modules (sandbox/src/driver.rs loads them).
from _phicode_engine.checkpoints import checkpoint, restore
from _phicode_engine.editing import complete, inspect, is_complete
from _phicode_engine.namespace import Namespace


class Driver:
    def __init__(self):
        user = types.ModuleType("__main__")
        sys.modules["__main__"] = user  # pickle finds cell classes and functions here
        self.names = Namespace(user.__dict__)
        self.asker = Asker()
        install_streams(self.asker)
        install_sleep()
        sys.argv[:] = [""]
        os.chdir("/scratch")  # relative paths land in the one writable folder

    def run(self):
        send({"t": "ready", "python": ".".join(map(str, sys.version_info[:3]))})
        while (request := receive()) is not None:
            kind = request.get("t")
            if kind == "shutdown":
                break
            handler = getattr(self, "on_" + str(kind), None)
            if handler is None:
                continue  # a stale interrupt, cancel or answer: nothing waits for it
            try:
                handler(request)
            except BaseException as e:  # noqa: BLE001 - reported, the session goes on
                flush_output()
                send({"t": "failed", "type": type(e).__name__, "message": str(e)})
        flush_output()

    def on_exec(self, request):
        names, started = self.names, time.perf_counter()
        self.asker.allowed, self.asker.cancelled = request.get("allow_stdin", True), False
        count = names.begin(request["code"], request.get("min_count", 0)) if request.get("store_history", True) else None
        policy = request.get("policy", "commit_always")
        snapshot = names.snapshot() if policy != "commit_always" else None
        value, failure = None, None
        try:
            body, last = compile_cell(request, count, names)
            exec(body, names.ns)
            if last is not None:
                value = eval(last, names.ns)
        except BaseException as e:  # noqa: BLE001 - the cell's failure, reported below
            failure = e
        flush_output()
        elapsed = time.perf_counter() - started
        if snapshot is not None and (policy == "rollback_always" or failure is not None):
            names.rollback(snapshot)
        if failure is None:
            reply = {"t": "result", "count": count, "time": elapsed, "repr": None, "value": None}
            if value is not None:
                names.store(count, value)
                reply.update(repr=safe_repr(value), value=result_value(value))
        else:
            reply = self.error_reply(failure, count, elapsed)
        names.repair()
        reply["ns"] = len(names.ns)
        send(reply)
        if request.get("save"):
            self.save()

    def error_reply(self, exc, count, elapsed):
        if isinstance(exc, KeyboardInterrupt):
            kind = "interrupted"
        elif self.asker.cancelled:
            kind = "cancelled"
        else:
            kind = "exception"
        if isinstance(exc, SystemExit):
            self.names.exit_code = exc.code
        self.names.exception = exc
        text, frames = error_report(exc)
        try:
            message = str(exc)
        except Exception:  # noqa: BLE001
            message = "<str() failed>"
        return {"t": "error", "kind": kind, "type": type(exc).__name__, "message": message,
                "traceback": text, "frames": frames, "count": count, "time": elapsed}

    def save(self):
        """The checkpoint the host keeps, to restore if this instance has to be ended."""
        try:
            data, _, _ = checkpoint(self.names, stored=True)
            send({"t": "saved", "data": base64.b64encode(data).decode("ascii")})
        except BaseException as e:  # noqa: BLE001
            send({"t": "saved", "data": None, "why": f"{type(e).__name__}: {e}"})

    def on_checkpoint(self, request):
        data, counts, skipped = checkpoint(self.names)
        send({"t": "checkpoint", "data": base64.b64encode(data).decode("ascii"), "counts": counts,
              "skipped": skipped})

    def on_restore(self, request):
        data = base64.b64decode(request["data"])
        restored, skipped = restore(self.names, data, request.get("clear", True))
        send({"t": "restored", "restored": restored, "skipped": skipped, "count": self.names.count,
              "ns": len(self.names.ns)})
        if request.get("save"):
            self.save()

    def on_complete(self, request):
        matches, start, end = complete(self.names.ns, request["code"], request["cursor_pos"])
        send({"t": "complete_reply", "matches": matches, "cursor_start": start, "cursor_end": end})

    def on_is_complete(self, request):
        status, indent = is_complete(request["code"])
        send({"t": "is_complete_reply", "status": status, "indent": indent})

    def on_inspect(self, request):
        found, text = inspect(self.names.ns, request["code"], request["cursor_pos"], request.get("detail_level", 0))
        send({"t": "inspect_reply", "found": found, "data": {"text/plain": text}})


Driver().run()
