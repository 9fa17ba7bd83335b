"""phicode's session engine: runs the cells of one session on the worker's main thread.

Plain cells run directly, outside the event loop (so `asyncio.run` works in them, and the
cost over `exec` is nil). Cells with top-level `await`/`async for`/`async with` compile
with PyCF_ALLOW_TOP_LEVEL_AWAIT and run as a task on the session's one event loop, which
also runs while the worker waits for work: tasks a cell starts keep running between and
into later cells. Interrupts arrive as SIGINT on this thread (sent by the Rust reader),
so they stop `time.sleep`, tight loops and blocked `input()` alike.
"""

import asyncio
import contextvars
import os
import signal
import sys
import threading
import time

import _phicode_worker as W
import _phicode_engine_interact as interact
import _phicode_engine_requests as requests
from _phicode_engine_cells import CO_COROUTINE, compile_cell, error_report
from _phicode_engine_namespace import Namespace

CAPABILITIES = [
    "async", "phicode", "checkpoint", "transactions", "display", "complete", "is_complete", "inspect", "fd_capture",
]

CURRENT = contextvars.ContextVar("phicode_execution")
_engine = None


def current_id():
    """The execution the calling code belongs to (tasks keep their cell's)."""
    tag = CURRENT.get(None)
    if tag is not None:
        return tag.id
    running = _engine.running if _engine else None
    return running.id if running else None


def stdin_allowed(execution):
    running = _engine.running if _engine else None
    return running is None or running.id != execution or running.request["allow_stdin"]


def _settle():
    """A call whose entry lets a pending asynchronous exception (cancel) fire here."""


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


class Engine:
    def __init__(self, module, wake_fd, diagnostics_fd, executable):
        global _engine
        _engine = self
        self.names = Namespace(sys.modules["__main__"].__dict__)
        self.ns = self.names.ns
        self.queue = []
        self.running = None
        self.cancelled_ids = set()
        self.shutting = False
        self.waiter = None
        self.wake_fd = wake_fd
        self.main_ident = threading.get_ident()
        W.set_context_var(CURRENT)
        os.set_blocking(wake_fd, False)
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        sys.stdout, sys.stderr, sys.stdin = W.Stream("stdout"), W.Stream("stderr"), interact.Stdin()
        os.environ.pop("PHICODE_REPL_CONFIG", None)  # the host's note to the worker only
        sys.argv[:] = [""]
        if "" not in sys.path:
            sys.path.insert(0, "")
        if executable:
            sys.executable = sys._base_executable = executable
        interact.install()
        import faulthandler

        # A crash's Python traceback goes to the worker's real stderr, which the host keeps.
        self.diagnostics = open(diagnostics_fd, "w", closefd=False)
        faulthandler.enable(self.diagnostics)
        signal.signal(signal.SIGINT, self.on_sigint)

    # Main loop --------------------------------------------------------------------------

    def main(self):
        self.loop.add_reader(self.wake_fd, self.on_wake)
        W.send_ready(CAPABILITIES, ".".join(map(str, sys.version_info[:3])))
        while not self.shutting:
            try:
                self.handle(self.next_work())
            except BaseException as e:  # an interrupt or cancel landing between steps
                ex = self.running
                if ex is not None and not ex.done:
                    self.fail(ex, e)
        import atexit

        atexit._run_exitfuncs()
        return 0

    def on_wake(self):
        try:
            os.read(self.wake_fd, 4096)
        except BlockingIOError:
            pass
        self.queue.extend(W.take_work())
        if self.queue and self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    def next_work(self):
        """The next request; the event loop (background tasks) runs while there is none."""
        while True:
            self.queue.extend(W.take_work())
            if self.queue:
                return self.queue.pop(0)
            self.waiter = self.loop.create_future()
            try:
                self.loop.run_until_complete(self.waiter)
            except BaseException:  # noqa: BLE001 - a background task's KeyboardInterrupt
                pass
            finally:
                self.waiter = None

    def handle(self, item):
        kind = item["type"]
        if kind == "execute":
            self.execute(item)
        elif kind == "checkpoint":
            self.request(item, requests.checkpoint)
        elif kind == "restore":
            self.request(item, requests.restore)
        elif kind == "shutdown":
            if item.get("checkpoint"):
                self.request(dict(item, path=None), requests.checkpoint)
            self.shutting = True

    def request(self, item, serve):
        try:
            serve(self.names, item)
        except Exception as e:  # noqa: BLE001 - reported to the host, the session goes on
            W.send_error(item["id"], "request", type(e).__name__, str(e), f"{type(e).__name__}: {e}\n", [], None, None)

    # Executions -------------------------------------------------------------------------

    def execute(self, request):
        ex = Execution(request)
        self.running = ex
        W.set_current(ex.id)
        token = CURRENT.set(ex.tag)
        try:
            if ex.id in self.cancelled_ids:
                self.cancelled_ids.discard(ex.id)
                ex.cancelled = True
                raise asyncio.CancelledError()
            if request["store_history"]:
                ex.count = self.names.begin(request["code"])
            if request["transaction_policy"] != "commit_always":
                ex.snapshot = self.names.snapshot()
            cell = compile_cell(request, ex.count, self.names)
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
        ns = self.ns
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
        self.succeed(ex, value, "sync")

    async def _run_cell(self, ex, cell):
        ns = self.ns
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
        ex.task = task = self.loop.create_task(self._run_cell(ex, cell))
        while not task.done():
            try:
                self.loop.run_until_complete(task)
            except BaseException:  # noqa: BLE001 - the task's outcome is read below
                pass
        if task.cancelled():
            cancelled = ex.cancelled or not ex.interrupted
            self.fail(ex, asyncio.CancelledError() if cancelled else KeyboardInterrupt())
        elif task.exception() is not None:
            self.fail(ex, task.exception())
        else:
            self.succeed(ex, task.result(), "async")

    # Control (SIGINT on the main thread; cancel from the control thread) -----------------

    def on_sigint(self, signum, frame):
        if not W.take_interrupt():
            return  # a stray SIGINT, or one whose interrupt an input() already raised
        ex = self.running
        if ex is None or ex.done:
            return
        ex.interrupted = True
        task = ex.task
        if task is not None:
            running = asyncio.current_task(self.loop)
            if running is not task:
                self.loop.call_soon_threadsafe(task.cancel)
            if running is not None:
                raise KeyboardInterrupt  # a task's code is running right now
            return
        if ex.in_user_code:
            raise KeyboardInterrupt

    def cancel(self, execution_id):
        """Cooperative stop; True when the execution is running (the caller escalates)."""
        ex = self.running
        if ex is None or ex.id != execution_id or ex.done:
            self.cancelled_ids.add(execution_id)  # queued: it fails as it starts
            return False
        ex.cancelled = True
        if W.cancel_input(execution_id):
            return True  # the waiting input() raises EOFError
        if ex.task is not None:
            self.loop.call_soon_threadsafe(ex.task.cancel)
        elif ex.in_user_code:
            import ctypes

            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self.main_ident), ctypes.py_object(asyncio.CancelledError)
            )
        return True

    # Outcomes ---------------------------------------------------------------------------

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
            text = interact.safe_repr(value)
            value_json = interact.json_text(value)
            if interact.has_rich(value):
                import json

                data_json = json.dumps(interact.mime_bundle(value, text), default=str)
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

    # Editing help (called from the control thread) --------------------------------------

    def complete(self, code, cursor):
        return interact.complete(self.ns, code, cursor)

    def inspect(self, code, cursor, detail):
        return interact.inspect(self.ns, code, cursor, detail)

    def is_complete(self, code):
        phi = W.convert(code, False)
        return interact.is_complete(phi.python if phi is not None else code)
