"""One execution of a cell: its record, which execution the calling code belongs to, and
how an execution ends (the namespace transaction settled, the session tidied for the next
cell, the result or error sent to the host)."""

import asyncio
import contextvars
import time

import _phicode_worker as W
import _phicode_engine_display as display
from _phicode_engine_cells import error_report

CURRENT = contextvars.ContextVar("phicode_execution")
_executions = None


def current_id():
    """The execution the calling code belongs to (tasks keep their cell's)."""
    tag = CURRENT.get(None)
    if tag is not None:
        return tag.id
    running = _executions.running if _executions else None
    return running.id if running else None


def stdin_allowed(execution):
    running = _executions.running if _executions else None
    return running is None or running.id != execution or running.request["allow_stdin"]


class Execution:
    def __init__(self, request):
        self.id = request["id"]
        self.request = request
        self.tag = W.Tag(self.id)
        self.task = None
        self.count = None
        self.in_user_code = False
        self.interrupted = False
        self.cancelled = False
        self.done = False
        self.snapshot = None
        self.started = time.perf_counter()


class Executions:
    """The session's executions: the one running (at most one), and how each ends."""

    def __init__(self, names, loop):
        global _executions
        _executions = self
        self.names = names
        self.ns = names.ns
        self.loop = loop
        self.running = None

    def end(self, ex, failed):
        ex.done = True
        policy = ex.request["transaction_policy"]
        if ex.snapshot is not None and (policy == "rollback_always" or failed):
            self.names.rollback(ex.snapshot)
        W.set_current(None)
        self.running = None
        asyncio.set_event_loop(self.loop)  # asyncio.run() in a cell unsets it
        self.names.repair()
        W.set_namespace_size(len(self.ns))

    def succeed(self, ex, value, mode):
        elapsed = time.perf_counter() - ex.started
        text = value_json = data_json = None
        if value is not None:
            self.names.store(ex.count, value)
            text = display.safe_repr(value)
            value_json = display.json_text(value)
            if display.has_rich(value):
                import json

                data_json = json.dumps(display.mime_bundle(value, text), default=str)
        self.end(ex, False)
        W.send_result(ex.id, text, value_json, data_json, ex.count, elapsed, mode)

    def fail(self, ex, exc):
        elapsed = time.perf_counter() - ex.started
        if isinstance(exc, KeyboardInterrupt):
            kind = "cancelled" if ex.cancelled else "interrupted"
        elif isinstance(exc, asyncio.CancelledError) and ex.cancelled:
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
        self.end(ex, True)
        W.send_error(ex.id, kind, type(exc).__name__, message, text, frames, ex.count, elapsed)
