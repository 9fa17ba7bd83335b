"""The namespace requests: checkpoint (sent back, or written to a file atomically) and
restore (from bytes or a file)."""

import os

import _phicode_worker as W

from . import checkpoints


def _skipped(rows):
    return [{"name": name, "type_name": type_name, "reason": reason} for name, type_name, reason in rows]


def checkpoint(names, item):
    data, counts, skipped = checkpoints.checkpoint(names)
    namespace_size, function_count, class_count, checkpoint_size = counts
    fields = {
        "request_id": item["id"],
        "data": data,
        "path": None,
        "namespace_size": namespace_size,
        "function_count": function_count,
        "class_count": class_count,
        "checkpoint_size": checkpoint_size,
        "skipped": _skipped(skipped),
    }
    path = item.get("path")
    if path:
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
        fields.update(data=None, path=path)
    W.send("checkpoint", fields)


def restore(names, item):
    data = item["data"]
    if data is None:
        with open(item["path"], "rb") as f:
            data = f.read()
    restored, skipped = checkpoints.restore(names, data, item["clear_existing"])
    W.set_namespace_size(len(names.ns))
    W.send("restore_reply", {"request_id": item["id"], "restored": restored, "skipped": _skipped(skipped)})


def failed(item, exc):
    """The `error` of a request that raised: the session goes on."""
    name = type(exc).__name__
    W.send("error", {"execution_id": item["id"], "kind": "request", "exception_type": name, "exception_message": str(exc), "traceback": f"{name}: {exc}\n"})
