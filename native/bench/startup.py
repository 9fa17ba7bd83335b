#!/usr/bin/env python3
"""Whole-process start-up benchmark of `phicode run` (see native/README.md, "Benchmark").

Prints, in one run, the median wall time of:
  * hello-world, a program importing a generated 50-module φ package, a 1 MB program on
    one line, and a data literal of 5 000 dicts,
  * for python3 on the `.py` twins cold (no pycs) and warm, phicode cold (no cache) and
    warm, and the reference implementation (`pip install phicode==2.6.0` in a venv this
    script creates, run with PHICODE_IMPORT_ANALYSIS=false), cold and warm.
Like with like: python3, the venv and phicode's embedded interpreter are the same CPython
build (the one phicode was built against).

Usage: python3 native/bench/startup.py [--runs N] [--phicode PATH] [--venv DIR] [--work DIR]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MODULE = """\
ℂ Shape{i}:
    ƒ __init__(self, sides):
        self.sides = sides

    ƒ describe(self):
        ¿ self.sides ≡ Ø:
            ⟲ "nothing"
        ⤷ self.sides > 4:
            ⟲ f"many sides: {{self.sides}}"
        ⋄:
            ⟲ "few sides"


ƒ total_{i}(values):
    result = 0
    ∀ k, v ∈ №(values):
        ¿ v ∧ ¬ (k % 3 == 0):
            result += v * {i}
    ⟲ result


ƒ table_{i}():
    ⟲ {{n: λ x, n=n: x + n ∀ n ∈ ⟪(5)}}
"""


def generate(work: Path) -> None:
    """hello/ and pkg50/ trees, each with a φ side and a converted .py side."""
    shutil.rmtree(work, ignore_errors=True)
    files = {"hello/main.φ": 'π("hello")\n'}
    names = [f"m{i:02d}" for i in range(50)]
    files["pkg50/main.φ"] = "⇒ shapes\nπ(shapes.check())\n"
    init = "".join(f"← . ⇒ {n}\n" for n in names)
    init += "\n\nƒ check():\n    ⟲ ∑(" + " + ".join(f"{n}.total_{i}([1, 2, 3])" for i, n in enumerate(names)) + ",)\n"
    files["pkg50/shapes/__init__.φ"] = init.replace("∑(", "∑((").replace(",)\n", ",))\n")
    for i, n in enumerate(names):
        files[f"pkg50/shapes/{n}.φ"] = MODULE.format(i=i)
    # One line of 1 MB, symbols throughout (issue 17: quadratic time on long lines).
    item = "(λ x: x ∧ ¬ x)(✓)"
    files["oneline/main.φ"] = "v = [" + ", ".join([item] * (1_000_000 // (len(item.encode()) + 2))) + "]; π(ℓ(v))\n"
    # A data literal of 5 000 dicts, a realistic config or fixture file.
    rows = ",\n".join(f'    {{"id": {i}, "name": "item {i}", "ok": {"✓" if i % 2 else "⊥"}, "tags": ["a", "b"], "none": Ø}}' for i in range(5000))
    files["dict5000/main.φ"] = "data = [\n" + rows + "\n]\nπ(ℓ(data))\n"
    for name, text in files.items():
        phi = work / "phi" / name
        phi.parent.mkdir(parents=True, exist_ok=True)
        phi.write_text(text, encoding="utf-8")


def convert_twins(work: Path, phicode: str) -> None:
    for phi in (work / "phi").rglob("*.φ"):
        py = work / "py" / phi.relative_to(work / "phi").with_suffix(".py")
        py.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([phicode, "convert", str(phi), "-o", str(py)], check=True)


def medians_ms(commands, runs):
    """Median wall time of each `(command, cwd, env, before)`, sampled round-robin so that
    a busy machine slows every column alike."""
    times = [[] for _ in commands]
    for _ in range(runs):
        for slot, (command, cwd, env, before) in zip(times, commands):
            if before:
                before()
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            slot.append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def clear_caches(tree: Path):
    def clear():
        for pattern in ("__pycache__", ".(φ)cache"):
            for found in tree.rglob(pattern):
                shutil.rmtree(found, ignore_errors=True)

    return clear


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--phicode", help="phicode binary (default: build the release one)")
    parser.add_argument("--venv", default="/tmp/phicode-ref-venv", help="venv for the reference")
    parser.add_argument("--work", default="/tmp/phicode-startup-bench")
    args = parser.parse_args()

    phicode = args.phicode
    if not phicode:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "phicode"], cwd=ROOT, check=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        phicode = str(target / "release" / "phicode")
    # The embedded interpreter names the CPython build it is: python3 and the venv use it.
    probe = Path(args.work + "-probe.φ")
    probe.write_text("⇒ sys\nπ(sys.executable)\n", encoding="utf-8")
    python = subprocess.run([phicode, str(probe)], capture_output=True, text=True, check=True).stdout.strip()
    probe.unlink()

    venv = Path(args.venv)
    reference = venv / "bin" / "phicode"
    if not reference.exists():
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "phicode==2.6.0"], check=True)

    work = Path(args.work)
    generate(work)
    convert_twins(work, phicode)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PHICODE"))}
    env["PHICODE_IMPORT_ANALYSIS"] = "false"

    rows = []
    for case in ("hello", "pkg50", "oneline", "dict5000"):
        phi, py = work / "phi" / case, work / "py" / case
        phi_cold, phi_warm = work / "cold" / case, work / "warm" / case
        for copy in (phi_cold, phi_warm):
            shutil.copytree(phi, copy)
        ref_cold, ref_warm = work / "refcold" / case, work / "refwarm" / case
        for copy in (ref_cold, ref_warm):
            shutil.copytree(phi, copy)
        for command, cwd in (([python, "main.py"], py), ([phicode, "main.φ"], phi_warm), ([str(reference), "main.φ"], ref_warm)):
            subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)  # warm up
        rows.append((case, *medians_ms([
            ([python, "main.py"], py, env, clear_caches(py)),
            ([python, "main.py"], py, env, None),
            ([phicode, "main.φ"], phi_cold, env, clear_caches(phi_cold)),
            ([phicode, "main.φ"], phi_warm, env, None),
            ([str(reference), "main.φ"], ref_cold, env, clear_caches(ref_cold)),
            ([str(reference), "main.φ"], ref_warm, env, None),
        ], args.runs)))

    print(f"python: {python}   runs per cell: {args.runs}   (median wall ms)")
    header = ("program", "python3 cold", "python3 warm", "phicode cold", "phicode warm", "cold/python3 cold", "warm/python3 warm", "reference cold", "reference warm")
    print(" | ".join(header))
    by_case = {}
    for case, base_cold, base, cold, warm, ref_cold, ref_warm in rows:
        by_case[case] = (base_cold, base, cold, warm)
        cells = (case, f"{base_cold:.1f}", f"{base:.1f}", f"{cold:.1f}", f"{warm:.1f}", f"{cold / base_cold:.2f}x", f"{warm / base:.2f}x", f"{ref_cold:.1f}", f"{ref_warm:.1f}")
        print(" | ".join(cells))

    def target(what, ratio, limit):
        print(f"target {what}: within {limit}x -> {ratio:.2f}x: {'met' if ratio <= limit else 'NOT met'}")

    hello = by_case["hello"]
    print(f"target hello-world: warm within 10 ms of python3 -> {hello[3] - hello[1]:+.1f} ms: {'met' if hello[3] - hello[1] <= 10 else 'NOT met'}")
    target("50 modules warm vs python3 warm", by_case["pkg50"][3] / by_case["pkg50"][1], 1.2)
    target("50 modules cold vs python3 cold", by_case["pkg50"][2] / by_case["pkg50"][0], 1.2)
    target("1 MB one-line program cold vs python3 cold", by_case["oneline"][2] / by_case["oneline"][0], 1.5)
    target("5 000-dict literal cold vs python3 cold", by_case["dict5000"][2] / by_case["dict5000"][0], 1.5)


if __name__ == "__main__":
    main()
