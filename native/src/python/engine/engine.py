"""The engine's top: serves the host's requests one at a time on the worker's main thread
(cells, run by `runner`; namespace requests), and editing help from the control thread.

The session's one event loop also runs while the worker waits for work: tasks a cell
starts keep running between and into later cells. Interrupts arrive as SIGINT on this
thread (sent by the Rust reader), so they stop `time.sleep`, tight loops and blocked
`input()` alike.
"""

import asyncio
import os
import signal
import sys

import _phicode_worker as W

from . import capabilities, cells, editing, interact, observe, requests
from .context import Context
from .namespace import Namespace
from .runner import Runner

CAPABILITIES = [
    "async", "phicode", "checkpoint", "transactions", "display", "complete", "is_complete", "inspect", "fd_capture",
]


class Engine:
    def __init__(self, wake_fd, diagnostics_fd, executable, level, granted):
        self.names = Namespace(sys.modules["__main__"].__dict__)
        self.queue = []  # work taken from the Rust inbox, not served yet
        self.shutting = False
        self.waiter = None  # the future the idle loop waits on until work arrives
        self.wake_fd = wake_fd  # readable when the Rust reader queued work
        os.set_blocking(wake_fd, False)
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.ctx = Context(self.names, self.loop)
        self.cells = Runner(self.ctx)
        sys.stdout, sys.stderr = W.Stream("stdout"), W.Stream("stderr")
        os.environ.pop("PHICODE_REPL_CONFIG", None)  # the host's note to the worker only
        sys.argv[:] = [""]
        if "" not in sys.path:
            sys.path.insert(0, "")
        if executable:
            sys.executable = sys._base_executable = executable
        interact.install(self.ctx)
        capabilities.install(self.ctx, level, granted)
        self.ctx.observer = observe.install(self.ctx, level)
        import faulthandler

        # A crash's Python traceback goes to the worker's real stderr, which the host keeps.
        self.diagnostics = open(diagnostics_fd, "w", closefd=False)
        faulthandler.enable(self.diagnostics)
        signal.signal(signal.SIGINT, self.cells.on_sigint)

    # Main loop --------------------------------------------------------------------------

    def main(self):
        self.loop.add_reader(self.wake_fd, self.on_wake)
        W.ready(CAPABILITIES, ".".join(map(str, sys.version_info[:3])))
        while not self.shutting:
            try:
                self.handle(self.next_work())
            except BaseException as e:  # an interrupt or cancel landing between steps
                ex = self.ctx.running
                if ex is not None and not ex.done:
                    self.cells.fail(ex, e)
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
            self.cells.execute(item)
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
            requests.failed(item, e)

    # Cancel and editing help (called from the control thread) ---------------------------

    def cancel(self, execution_id):
        """Cooperative stop; True when the execution is running (the caller escalates)."""
        return self.cells.cancel(execution_id)

    def serve_control(self, item):
        """Answers `complete`, `is_complete` or `inspect` (a dict of the protocol's fields)."""
        kind, reply = item["type"], {"request_id": item["id"]}
        if kind == "complete":
            matches, start, end = editing.complete(self.ctx.ns, item["code"], item["cursor_pos"])
            reply.update(matches=matches, cursor_start=start, cursor_end=end)
        elif kind == "is_complete":
            phi = W.convert(item["code"], False)
            status, indent = editing.is_complete(phi.python if phi is not None else item["code"])
            reply.update(status=status, indent=indent)
        elif kind == "inspect":
            found, text = editing.inspect(
                self.ctx.ns, item["code"], item["cursor_pos"], item["detail_level"], cells.PYTHON_OF
            )
            reply.update(found=found, data={"text/plain": text})
        else:
            raise ValueError(f"the control thread does not serve `{kind}`")
        W.send(f"{kind}_reply", reply)
