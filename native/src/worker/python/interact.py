"""What code running in a session reads from the host: `input()`, `sys.stdin` and
`getpass()` over the protocol; and the builtins the session's code sees installed."""

import builtins

import _phicode_worker as W
from _phicode_engine_display import display


def ask(prompt, password=False):
    """A line from the host for the calling code's execution; EOFError when there is none."""
    from _phicode_engine_execution import current_id, stdin_allowed  # it loads after this module

    execution = current_id()
    if execution is None or not stdin_allowed(execution):
        raise EOFError("input() has no one to ask: the execution does not allow stdin")
    return W.request_input(execution, str(prompt), password, None)


def input(prompt=""):
    return ask(prompt)


def getpass(prompt="Password: ", stream=None):
    return ask(prompt, password=True)


class Stdin:
    """`sys.stdin`: each line read is asked from the host."""

    encoding = "utf-8"
    errors = "strict"
    name = "<stdin>"
    closed = False

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
            return ask("") + "\n"
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


def install():
    """Makes `input()`, `display()` and `getpass.getpass()` the session's own."""
    builtins.input = input
    builtins.display = display
    import getpass as module

    module.getpass = getpass
