"""Compiles many sources in one interpreter and reports, for each, whether it compiled.

Input (stdin, or the global PHICODE_INPUT under Pyodide): a JSON list of
{"name": str, "source": str}. The source is encoded back to UTF-8 bytes so that
compile() sees exactly the file's bytes (line endings, coding cookies, BOM).
Output: JSON {"version": [major, minor], "results": [{"name", "ok", "line", "message"}]}.
Warnings (SyntaxWarning, DeprecationWarning) are not errors here.
"""
import json
import sys
import warnings


def check(text):
    results = []
    for item in json.loads(text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                compile(item["source"].encode("utf-8"), item["name"], "exec", dont_inherit=True)
                results.append({"name": item["name"], "ok": True, "line": None, "message": ""})
            except SyntaxError as error:
                results.append(
                    {"name": item["name"], "ok": False, "line": error.lineno, "message": error.msg}
                )
    return json.dumps({"version": list(sys.version_info[:2]), "results": results})


_input = globals().get("PHICODE_INPUT")
print(check(_input if _input is not None else sys.stdin.read()))
