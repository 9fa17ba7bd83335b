"""The namespace requests: checkpoint (sent back, or written to a file atomically) and
restore (from bytes or a file)."""

import os

import _phicode_worker as W


def checkpoint(names, item):
    data, counts, skipped = names.checkpoint()
    path = item.get("path")
    if path:
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
        W.send_checkpoint(item["id"], None, path, counts, skipped)
    else:
        W.send_checkpoint(item["id"], data, None, counts, skipped)


def restore(names, item):
    data = item["data"]
    if data is None:
        with open(item["path"], "rb") as f:
            data = f.read()
    restored, skipped = names.restore(data, item["clear_existing"])
    W.set_namespace_size(len(names.ns))
    W.send_restore_reply(item["id"], restored, skipped)
