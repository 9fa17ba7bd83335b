"""A Python language server that is always one edit late: after each change of a twin it
reports the `zzz` of the text before (with that text's version), then of the new one. A
real server may do that when an analysis outlives an edit; `phicode lsp` must drop the stale
report rather than map it through the new text's column map."""

import json
import re
import sys

texts = {}  # uri -> (version, text)


def read():
    length = None
    while (line := sys.stdin.buffer.readline().decode()) not in ("\r\n", ""):
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return None if length is None else json.loads(sys.stdin.buffer.read(length))


def send(message):
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    sys.stdout.buffer.flush()


def report(uri):
    version, text = texts[uri]
    diagnostics = [
        {"range": {"start": {"line": n, "character": m.start()},
                   "end": {"line": n, "character": m.end()}},
         "message": f'"zzz" is not defined (version {version})', "source": "stale"}
        for n, line in enumerate(text.split("\n")) for m in re.finditer("zzz", line)
    ]
    send({"method": "textDocument/publishDiagnostics",
          "params": {"uri": uri, "version": version, "diagnostics": diagnostics}})


def apply(text, change):
    """One change (the twins are ASCII here, so UTF-16 columns are characters)."""
    if "range" not in change:
        return change["text"]
    lines = text.split("\n")
    def offset(p):
        return sum(len(line) + 1 for line in lines[:p["line"]]) + p["character"]
    r = change["range"]
    return text[:offset(r["start"])] + change["text"] + text[offset(r["end"]):]


while (message := read()) is not None:
    method, params = message.get("method"), message.get("params") or {}
    if method == "initialize":
        send({"id": message["id"], "result": {"capabilities": {"textDocumentSync": 2}}})
    elif method == "textDocument/didOpen":
        doc = params["textDocument"]
        texts[doc["uri"]] = (doc["version"], doc["text"])
        report(doc["uri"])
    elif method == "textDocument/didChange":
        uri, version = params["textDocument"]["uri"], params["textDocument"]["version"]
        report(uri)  # the text before: stale by now
        text = texts[uri][1]
        for change in params["contentChanges"]:
            text = apply(text, change)
        texts[uri] = (version, text)
        report(uri)
    elif method == "exit":
        break
    elif "id" in message:
        send({"id": message["id"], "result": None})
