"""One execution of a cell: its record, and how it ends (the namespace transaction
settled, the session tidied for the next cell, the result or error sent to the host)."""

import asyncio
import time

import _phicode_worker as W

from . import display
from .cells import error_report


class Execution:
    def __init__(self, request):
        self.id = request["id"]
        self.request = request  # the `execute` message's fields
        self.tag = W.Tag(self.id)  # what CURRENT holds while it runs
        self.task = None  # the asyncio task of a cell with top-level await
        self.count = None  # its number (In[n]) when it is counted
        self.in_user_code = False  # a KeyboardInterrupt may be raised in it right now
        self.interrupted = False
        self.cancelled = False
        self.done = False
        self.snapshot = None  # the namespace before it, for rollbacks
        self.started = time.perf_counter()


def _end(ctx, ex, failed):
    ex.done = True
    policy = ex.request["transaction_policy"]
    if ex.snapshot is not None and (policy == "rollback_always" or failed):
        ctx.names.rollback(ex.snapshot)
    W.set_current(None)
    ctx.running = None
    if ctx.observer is not None:
        ctx.observer.last = None  # a refusal is explained by its own cell's events
    asyncio.set_event_loop(ctx.loop)  # asyncio.run() in a cell unsets it
    ctx.names.repair()
    W.set_namespace_size(len(ctx.ns))


def succeed(ctx, ex, value, mode):
    fields = {"execution_id": ex.id, "value": None, "repr": None, "data": None, "execution_count": ex.count, "mode": mode}
    fields["execution_time"] = time.perf_counter() - ex.started
    if value is not None:
        ctx.names.store(ex.count, value)
        fields["repr"] = text = display.safe_repr(value)
        fields["value"] = display.result_value(value)
        if display.has_rich(value):
            fields["data"] = display.json_value(display.mime_bundle(value, text), default=str)
    _end(ctx, ex, False)
    W.send("result", fields)


def fail(ctx, ex, exc):
    elapsed = time.perf_counter() - ex.started
    if isinstance(exc, KeyboardInterrupt):
        kind = "cancelled" if ex.cancelled else "interrupted"
    elif isinstance(exc, asyncio.CancelledError) and ex.cancelled:
        kind = "cancelled"
    else:
        kind = "exception"
    if isinstance(exc, SystemExit):
        ctx.names.exit_code = exc.code
    ctx.names.exception = exc
    if ctx.observer is not None:
        ctx.observer.explain(exc)
    text, frames = error_report(exc)
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001
        message = "<str() failed>"
    _end(ctx, ex, True)
    fields = {"execution_id": ex.id, "kind": kind, "exception_type": type(exc).__name__, "exception_message": message}
    fields.update(traceback=text, frames=frames, execution_count=ex.count, execution_time=elapsed)
    W.send("error", fields)
