"""What code running in a session asks the host: `input()`, `sys.stdin`, `getpass()` and
`approve()` over the protocol; and the builtins the session's code sees installed."""

import builtins
import json
import sys

import _phicode_worker as W

from .display import display_function, json_value


class Asker:
    """Asks the host for lines on behalf of the calling code's execution."""

    def __init__(self, ctx):
        self.ctx = ctx

    def ask(self, prompt, password=False):
        """A line from the host; EOFError when there is no one to ask."""
        execution = self.ctx.current_id()
        if execution is None or not self.ctx.stdin_allowed(execution):
            raise EOFError("input() has no one to ask: the execution does not allow stdin")
        return W.request_input(execution, str(prompt), password, None)

    def input(self, prompt=""):
        return self.ask(prompt)

    def getpass(self, prompt="Password: ", stream=None):
        return self.ask(prompt, password=True)

    def approve(self, prompt, data=None):
        """True when the host (a person, or a policy) allows what `prompt` asks; False when
        it refuses; TimeoutError when nobody answers in time. `data` says what about."""
        execution = self.ctx.current_id()
        if execution is None:
            raise PermissionError("approve() has no one to ask outside an execution")
        return W.request_approval(execution, str(prompt), json.dumps(json_value(data, default=str)))


class Stdin:
    """`sys.stdin`: each line read is asked from the host."""

    encoding = "utf-8"
    errors = "strict"
    name = "<stdin>"
    closed = False

    def __init__(self, asker):
        self.asker = asker

    def readable(self):
        return True

    def writable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def readline(self, size=-1):
        try:
            return self.asker.ask("") + "\n"
        except EOFError:
            return ""

    def read(self, size=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return "".join(lines)
            lines.append(line)

    def readlines(self, hint=-1):
        return list(iter(self.readline, ""))

    def __iter__(self):
        return iter(self.readline, "")


def install(ctx):
    """Makes `input()`, `approve()`, `display()`, `getpass.getpass()` and `sys.stdin` the
    session's own."""
    import getpass

    asker = Asker(ctx)
    builtins.input = asker.input
    builtins.approve = asker.approve
    builtins.display = display_function(ctx)
    getpass.getpass = asker.getpass
    sys.stdin = Stdin(asker)
