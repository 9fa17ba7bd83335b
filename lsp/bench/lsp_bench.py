"""Latency of `phicode lsp` (pyright on the twins) next to pyright itself on the same
Python: diagnostics after an edit in a 5 000-line file, and hover and definition round
trips. Both servers get the same edits at the same places, through the same LSP client.

    lsp/out/venv/bin/python lsp/bench/lsp_bench.py [--edits 20] [--requests 50] [--relay]

PHICODE_BIN picks the binary (default: $CARGO_TARGET_DIR/debug/phicode, or release with
--release). Prints medians and means in milliseconds and the ratio phicode / pyright.
--relay adds a third column: pyright on the .py file behind socat, a relay that only copies
bytes, which is what any server standing between the editor and pyright pays at least (an
extra process, so two more pipes and wake-ups per round trip).
"""

import argparse
import asyncio
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from lsprotocol import types
from pytest_lsp import client_capabilities
from pytest_lsp.client import make_test_lsp_client

HERE = pathlib.Path(__file__).parent
REPO = HERE.parent.parent
PYRIGHT = REPO / "lsp" / "tests" / "node_modules" / ".bin" / "pyright-langserver"

BLOCK = '''ƒ work_{k}(items: list[int], scale: float) -> float:
    """Block {k}: sums, filters and formats."""
    total = 0.0
    ∀ i, x ∈ №(items):
        ¿ x % 2 == 0 ∧ ¬ (x < 0):
            total += x * scale
        ⤷ x > 100:
            ⇲
        ⋄:
            total -= ∣(x)
    ↻ total > 1000:
        total /= 2
    label = f"{{k}}: {{ℓ(items)}} items, {{⭱(items, default=0)}} at most"
    ¿ ℓ(label) > 80:
        ↑ ValueError(label)
    value_{k} = 1
    ⟲ total + value_{k}


'''


def make_source(lines: int) -> str:
    out, k = [], 0
    while sum(s.count("\n") for s in out) < lines:
        out.append(BLOCK.format(k=k))
        k += 1
    return "".join(out)


def binary(release: bool) -> str:
    if "PHICODE_BIN" in os.environ:
        return os.environ["PHICODE_BIN"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / ("release" if release else "debug") / "phicode")


async def start(command, root: pathlib.Path, name: str, text: str):
    """A client on `command`, `name` open and analysed once."""
    client = make_test_lsp_client()
    # pyright registers file watchers with the editor; an editor says yes.
    for method in (types.CLIENT_REGISTER_CAPABILITY, types.CLIENT_UNREGISTER_CAPABILITY):
        client.feature(method)(lambda _params: None)
    await client.start_io(*command)
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="bench")],
        )
    )
    uri = (root / name).as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="x", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    places = places_in(text)
    # The first analysis done: a hover answers (pyright publishes nothing for a clean file).
    line, column = places["call"][0]
    first = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=column),
    )
    while not await client.text_document_hover_async(first):
        await asyncio.sleep(0.1)
    return {"client": client, "uri": uri, "places": places}


async def edit(side, n):
    """Replaces the n-th `value_k = 1`'s `1` by an undefined name; ms until it is reported."""
    client, uri, places = side["client"], side["uri"], side["places"]
    line, column, old = places["value"][n % len(places["value"])]
    new = f"undefined_{n}"
    r = types.Range(
        start=types.Position(line=line, character=column),
        end=types.Position(line=line, character=column + len(old)),
    )
    start = time.perf_counter()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n + 2),
            content_changes=[types.TextDocumentContentChangePartial(range=r, text=new)],
        )
    )
    deadline = start + 120
    while not any(f'"{new}" is not defined' in d.message for d in client.diagnostics.get(uri, [])):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{new} never reported")
        await asyncio.sleep(0.001)
    places["value"][n % len(places["value"])] = (line, column, new)
    return (time.perf_counter() - start) * 1000


async def ask(side, label, n):
    """One hover or definition round trip at the n-th call place, in ms."""
    client, uri = side["client"], side["uri"]
    line, column = side["places"]["call"][n % len(side["places"]["call"])]
    kind, request = {
        "hover": (types.HoverParams, client.text_document_hover_async),
        "definition": (types.DefinitionParams, client.text_document_definition_async),
    }[label]
    params = kind(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=column),
    )
    start = time.perf_counter()
    answer = await request(params)
    elapsed = (time.perf_counter() - start) * 1000
    if not answer:
        raise AssertionError(f"no {label} at {line}:{column}")
    return elapsed


def places_in(text: str):
    """Where each `value_k = 1`'s `1` is, and where each `∣(`/`abs(` call's name is."""
    value, call = [], []
    for i, line in enumerate(text.split("\n")):
        stripped = line.lstrip()
        if stripped.startswith("value_") and stripped.endswith("= 1"):
            column = len(line.encode("utf-16-le")) // 2 - 1
            value.append((i, column, "1"))
        if "label = f" in line:
            # `items` inside `ℓ(items)` / `len(items)` in the f-string field.
            at = line.index("(items)") + 1
            call.append((i, len(line[:at].encode("utf-16-le")) // 2))
    return {"value": value, "call": call}


def report(times):
    header = f"{'':36} {'phicode lsp':>12} {'pyright':>10} {'ratio':>7}"
    relay = "relay" in times
    print(header + (f" {'via socat':>10} {'ratio':>7}" if relay else ""))
    for key in times["phi"]:
        for name, stat in (("median", statistics.median), ("mean", statistics.mean)):
            a, b = stat(times["phi"][key]), stat(times["py"][key])
            line = f"{key + f' ({name})':36} {a:10.2f}ms {b:8.2f}ms {a / b:7.2f}"
            if relay:
                c = stat(times["relay"][key])
                line += f" {c:8.2f}ms {c / b:7.2f}"
            print(line)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--release", action="store_true")
    parser.add_argument("--relay", action="store_true", help="also pyright behind socat")
    args = parser.parse_args()
    if args.relay and shutil.which("socat") is None:
        sys.exit("--relay needs socat on PATH (Debian: apt-get install socat)")
    phicode = binary(args.release)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "phi").mkdir()
        (tmp / "py").mkdir()
        source = make_source(args.lines)
        (tmp / "phi" / "big.φ").write_text(source)
        python = subprocess.run(
            [phicode, "convert", str(tmp / "phi" / "big.φ")],
            check=True, capture_output=True, text=True,
        ).stdout
        (tmp / "py" / "big.py").write_text(python)
        print(f"{source.count(chr(10))} lines, {len(source.encode())} bytes of φ; "
              f"{args.edits} edits, {args.requests} hovers and definitions each; {phicode}")
        pyright = [str(PYRIGHT), "--stdio"]
        sides = {
            "py": await start(pyright, tmp / "py", "big.py", python),
            "phi": await start(
                [phicode, "lsp", "--python-server", " ".join(pyright)],
                tmp / "phi", "big.φ", source,
            ),
        }
        if args.relay:
            relayed = ["socat", "STDIO", "EXEC:" + " ".join(pyright)]
            sides["relay"] = await start(relayed, tmp / "py", "big.py", python)
        await asyncio.sleep(1.0)
        # Interleaved, so all servers see the same machine (it is shared and noisy).
        times = {name: {} for name in sides}
        for key, count, measure in (
            ("diagnostics after an edit", args.edits, lambda side, n: edit(side, n)),
            ("hover", args.requests, lambda side, n: ask(side, "hover", n)),
            ("definition", args.requests, lambda side, n: ask(side, "definition", n)),
        ):
            for name in sides:
                times[name][key] = []
            names = list(sides)
            for n in range(count):
                for name in names[n % len(names):] + names[: n % len(names)]:
                    times[name][key].append(await measure(sides[name], n))
        for side in sides.values():
            await side["client"].shutdown_session()
            await side["client"].stop()
        report(times)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
