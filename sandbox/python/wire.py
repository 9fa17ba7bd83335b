# wire: the driver's channel to the host over WASI stdin and stdout, one JSON object per
# line each way (see the crate's README). User code gets sys.stdout and sys.stderr
# objects that send `out` messages, and an input() that asks the host.

import builtins
import json
import os
import sys
import time

_FLUSH_BYTES = 64 * 1024  # pending output past this is sent at once
_FLUSH_AGE = 0.05  # seconds output may wait for more before it is sent
_pending_input = bytearray()  # bytes read from stdin past the last line


def send(message):
    """Writes one message line to fd 1 (ASCII JSON: never split by an encoding)."""
    data = (json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")
    while data:
        data = data[os.write(1, data):]


def receive():
    """The next message from the host, or None when it closed stdin."""
    while True:
        end = _pending_input.find(b"\n")
        if end >= 0:
            line = bytes(_pending_input[:end])
            del _pending_input[: end + 1]
            try:
                return json.loads(line)
            except ValueError:
                continue
        chunk = os.read(0, 1 << 16)
        if not chunk:
            return None
        _pending_input.extend(chunk)


class Stream:
    """sys.stdout or sys.stderr: text gathers briefly, then goes as an `out` message."""

    def __init__(self, name):
        self.name, self.parts, self.size, self.since = name, [], 0, 0.0
        self.encoding, self.errors = "utf-8", "strict"
        self.buffer = Bytes(self)

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            if not self.parts:
                self.since = time.monotonic()
            self.parts.append(text)
            self.size += len(text)
            if self.size >= _FLUSH_BYTES or time.monotonic() - self.since >= _FLUSH_AGE:
                self.flush()
        return len(text)

    def flush(self):
        if self.parts:
            data, self.parts, self.size = "".join(self.parts), [], 0
            send({"t": "out", "s": self.name, "d": data})

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def isatty(self):
        return False

    def fileno(self):
        raise OSError("the sandbox's streams have no file descriptor")

    writable = lambda self: True  # noqa: E731
    readable = seekable = lambda self: False  # noqa: E731


class Bytes:
    """`sys.stdout.buffer`: bytes written as UTF-8 text (invalid bytes replaced)."""

    def __init__(self, text):
        self.text = text

    def write(self, data):
        self.text.write(bytes(data).decode("utf-8", "replace"))
        return len(data)

    def flush(self):
        self.text.flush()


_streams = []  # the driver's own stdout and stderr, flushed even if code rebinds sys.stdout


def flush_output():
    for stream in _streams:
        stream.flush()


class Asker:
    """input() and getpass(): ask the host, wait for its answer (or a stop)."""

    def __init__(self):
        self.allowed = True
        self.cancelled = False

    def ask(self, prompt="", password=False):
        if not self.allowed:
            raise EOFError("input is not allowed for this execution")
        flush_output()
        send({"t": "input", "prompt": str(prompt), "password": bool(password)})
        while True:
            message = receive()
            if message is None:
                raise EOFError("the host closed the sandbox's input")
            kind = message.get("t")
            if kind == "input_response":
                if message.get("eof"):
                    raise EOFError("EOF when reading a line")
                return str(message.get("data", ""))
            if kind == "interrupt":
                raise KeyboardInterrupt
            if kind == "cancel":
                self.cancelled = True
                raise EOFError("the execution was cancelled")


    def approve(self, prompt, data=None):
        """True when the host (a person, or a policy) allows what `prompt` asks; False when it
        refuses; TimeoutError when nobody answers in time. `data` says what about (JSON)."""
        import json

        flush_output()
        try:
            data = json.loads(json.dumps(data, default=str))
        except (TypeError, ValueError):
            data = str(data)
        send({"t": "approval", "prompt": str(prompt), "data": data})
        while True:
            message = receive()
            if message is None:
                return False
            kind = message.get("t")
            if kind == "approval_response":
                verdict = message.get("verdict")
                if verdict == "timed_out":
                    raise TimeoutError("nobody answered the approval in time")
                return verdict == "granted"
            if kind == "interrupt":
                raise KeyboardInterrupt
            if kind == "cancel":
                self.cancelled = True
                return False


class _Clock:
    """The `clock` capability: the time, as the guest's WASI clocks give it."""

    def now(self):
        import time

        return time.time()

    def monotonic(self):
        import time

        return time.monotonic()

    def __repr__(self):
        return "<phicode capabilities clock: monotonic, now>"


class Stdin:
    """sys.stdin: each line read is one question to the host."""

    def __init__(self, asker):
        self.asker = asker

    def readline(self, size=-1):
        try:
            return self.asker.ask("") + "\n"
        except EOFError:
            return ""

    def read(self, size=-1):
        return self.readline()

    def isatty(self):
        return False

    def fileno(self):
        raise OSError("the sandbox's stdin has no file descriptor")


def install_streams(asker):
    _streams[:] = [Stream("stdout"), Stream("stderr")]
    sys.stdout, sys.stderr = _streams
    sys.stdin = Stdin(asker)
    builtins.input = lambda prompt="": asker.ask(prompt)
    # The capabilities SANDBOX grants: input, approve, clock (nothing the host serves).
    builtins.approve = asker.approve
    builtins.clock = _Clock()
    builtins.capabilities = lambda: ["approve", "clock", "input"]
    try:
        import getpass

        getpass.getpass = lambda prompt="Password: ", stream=None: asker.ask(prompt, True)
    except ImportError:
        pass


def install_sleep():
    """time.sleep in short steps: a sleeping guest runs host code, where wasmtime's
    epoch checks (deadlines, interrupts) cannot reach it; between steps they can."""
    whole = time.sleep

    def sleep(seconds):
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            whole(min(left, 0.05))

    time.sleep = sleep
