"""What the engine's parts share, in one object: the namespace, the event loop, the
running execution, and which execution the calling code belongs to."""

import contextvars

import _phicode_worker as W

# The running cell's `W.Tag`: tasks a cell starts inherit it, so their output, display()
# and input() stay that cell's after it has finished.
CURRENT = contextvars.ContextVar("phicode_execution")


class Context:
    def __init__(self, names, loop):
        self.names = names  # the session's Namespace
        self.ns = names.ns  # its dict (`__main__`'s)
        self.loop = loop  # the session's one event loop
        self.running = None  # the Execution running now, at most one
        self.observer = None  # the audit hook's `observe.Observer`, explaining refusals
        W.set_context_var(CURRENT)

    def current_id(self):
        """The execution the calling code belongs to (tasks keep their cell's)."""
        tag = CURRENT.get(None)
        if tag is not None:
            return tag.id
        return self.running.id if self.running is not None else None

    def stdin_allowed(self, execution):
        running = self.running
        return running is None or running.id != execution or running.request["allow_stdin"]
