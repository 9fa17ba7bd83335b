"""Running one cell and stopping it. Plain cells run directly, outside the event loop (so
`asyncio.run` works in them, and the cost over `exec` is nil); cells with top-level await
run as a task on the session's event loop. Interrupts arrive as SIGINT on the main thread,
cancels from the control thread."""

import asyncio
import threading

import _phicode_worker as W

from .cells import CO_COROUTINE, compile_cell
from .context import CURRENT
from . import execution


def _settle():
    """A call whose entry lets a pending asynchronous exception (cancel) fire here."""


class Runner:
    """Runs the session's cells one at a time, and stops the running one on request."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.cancelled_ids = set()  # cancelled before they started: they fail as they start
        self.main_ident = threading.get_ident()  # the thread cells run on, for async raises

    def fail(self, ex, exc):
        """Ends `ex` with `exc` (also for the engine's loop, when a stop lands between steps)."""
        execution.fail(self.ctx, ex, exc)

    def execute(self, request):
        ex = execution.Execution(request)
        self.ctx.running = ex
        W.set_current(ex.id)
        token = CURRENT.set(ex.tag)
        try:
            if ex.id in self.cancelled_ids:
                self.cancelled_ids.discard(ex.id)
                ex.cancelled = True
                raise asyncio.CancelledError()
            if request["store_history"]:
                ex.count = self.ctx.names.begin(request["code"])
            if request["transaction_policy"] != "commit_always":
                ex.snapshot = self.ctx.names.snapshot()
            cell = compile_cell(request, ex.count, self.ctx.names)
            if cell.is_async:
                self.run_async(ex, cell)
            else:
                self.run_sync(ex, cell)
        except BaseException as e:
            if not ex.done:
                self.fail(ex, e)
        finally:
            CURRENT.reset(token)

    def run_sync(self, ex, cell):
        ns = self.ctx.ns
        value = None
        try:
            ex.in_user_code = True
            if ex.interrupted:  # it came while the cell was being compiled
                raise KeyboardInterrupt
            exec(cell.body, ns)
            if cell.last is not None:
                value = eval(cell.last, ns)
            ex.in_user_code = False
            _settle()
        except BaseException as e:
            ex.in_user_code = False
            self.fail(ex, e)
            return
        execution.succeed(self.ctx, ex, value, "sync")

    async def _run_cell(self, ex, cell):
        ns = self.ctx.ns
        if ex.interrupted:  # it came while the cell was being compiled
            raise KeyboardInterrupt
        result = eval(cell.body, ns)
        if cell.body.co_flags & CO_COROUTINE:
            await result
        value = None
        if cell.last is not None:
            value = eval(cell.last, ns)
            if cell.last.co_flags & CO_COROUTINE:
                value = await value
        return value

    def run_async(self, ex, cell):
        ex.task = task = self.ctx.loop.create_task(self._run_cell(ex, cell))
        while not task.done():
            try:
                self.ctx.loop.run_until_complete(task)
            except BaseException:  # noqa: BLE001 - the task's outcome is read below
                pass
        if task.cancelled():
            cancelled = ex.cancelled or not ex.interrupted
            self.fail(ex, asyncio.CancelledError() if cancelled else KeyboardInterrupt())
        elif task.exception() is not None:
            self.fail(ex, task.exception())
        else:
            execution.succeed(self.ctx, ex, task.result(), "async")

    # Stopping (SIGINT on the main thread; cancel from the control thread) ----------------

    def on_sigint(self, signum, frame):
        if not W.take_interrupt():
            return  # a stray SIGINT, or one whose interrupt an input() already raised
        ex = self.ctx.running
        if ex is None or ex.done:
            return
        ex.interrupted = True
        task = ex.task
        if task is not None:
            running = asyncio.current_task(self.ctx.loop)
            if running is not task:
                self.ctx.loop.call_soon_threadsafe(task.cancel)
            if running is not None:
                raise KeyboardInterrupt  # a task's code is running right now
            return
        if ex.in_user_code:
            raise KeyboardInterrupt

    def cancel(self, execution_id):
        """Cooperative stop; True when the execution is running (the caller escalates)."""
        ex = self.ctx.running
        if ex is None or ex.id != execution_id or ex.done:
            self.cancelled_ids.add(execution_id)  # queued: it fails as it starts
            return False
        ex.cancelled = True
        if W.cancel_input(execution_id):
            return True  # the waiting input() raises EOFError
        if ex.task is not None:
            self.ctx.loop.call_soon_threadsafe(ex.task.cancel)
        elif ex.in_user_code:
            import ctypes

            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self.main_ident), ctypes.py_object(asyncio.CancelledError)
            )
        return True
