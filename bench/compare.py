"""Side-by-side throughput: phicode-bench (this project) against the reference engine.

Run by compare.sh inside a venv that has `phicode==2.6.0`. The reference is called only
through its public function `phicode_engine.transpile_symbols(source: str) -> str` on the
same generated φ inputs; its output is not checked (it has known bugs), only timed.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_TO_PYTHON_MB_S = 2000.0  # on the largest input
TARGET_TO_PHICODE_MB_S = 1000.0
TARGET_RATIO = 100.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", required=True, help="path of the phicode-bench binary")
    parser.add_argument("--out", required=True, help="folder for generated inputs")
    parser.add_argument("--sizes", default="10KB,1MB,10MB")
    parser.add_argument("--runs", type=int, default=11, help="runs per median for phicode-bench")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def reference_runs(size):
    """The reference is slow: fewer runs as inputs grow."""
    return 21 if size <= 100_000 else 5 if size <= 2_000_000 else 3


def time_reference(source, runs):
    """Median seconds of `transpile_symbols`, each run on a fresh string so no cache helps."""
    from phicode_engine import transpile_symbols

    times = []
    for run in range(runs):
        text = source + f"# run {run}\n"
        start = time.perf_counter()
        transpile_symbols(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    table = subprocess.run(
        [args.bench, "table", "--json", "--sizes", args.sizes, "--runs", str(args.runs),
         "--seed", str(args.seed)],
        check=True, capture_output=True, text=True,
    )
    rows = json.loads(table.stdout)
    ours = {(r["size"], r["operation"]): r for r in rows}
    sizes = sorted({r["size"] for r in rows})
    reference = {}
    for size in sizes:
        path = out / f"input-{size}.φ"
        subprocess.run([args.bench, "gen", "--size", str(size), "--seed", str(args.seed),
                        "-o", str(path)], check=True)
        source = path.read_text(encoding="utf-8")
        runs = reference_runs(size)
        seconds = time_reference(source, runs)
        reference[size] = (len(source.encode("utf-8")) / seconds / 1e6, runs)

    header = (f"{'size':<8} {'direction':<12} {'ours MB/s':>10} {'Mchars/s':>9} "
              f"{'reference MB/s':>15} {'ref runs':>8} {'ratio':>9}")
    print(f"phicode-bench: median of {args.runs} runs; reference: median of the runs shown; "
          "MB = 10⁶ bytes, same inputs (seed {})".format(args.seed))
    print(header)
    for size in sizes:
        label = label_of(size)
        to_py = ours[(size, "to_python")]
        ref_mb_s, ref_runs = reference[size]
        ratio = to_py["mb_per_s"] / ref_mb_s
        print(f"{label:<8} {'φ → Python':<12} {to_py['mb_per_s']:>10.1f} "
              f"{to_py['mchars_per_s']:>9.1f} {ref_mb_s:>15.2f} {ref_runs:>8} {ratio:>8.0f}×")
        to_phi = ours[(size, "to_phicode")]
        print(f"{label:<8} {'Python → φ':<12} {to_phi['mb_per_s']:>10.1f} "
              f"{to_phi['mchars_per_s']:>9.1f} {'(no public API)':>15} {'':>8} {'':>9}")
    print()
    print("baselines on the same inputs (MB/s):")
    for size in sizes:
        parts = [f"{name} {ours[(size, key)]['mb_per_s']:.0f}" for key, name in
                 (("byte_loop", "plain byte loop"), ("event_walk", "event walk"),
                  ("symbol_swap", "symbol swap"),
                  ("symbol_swap_unchecked", "unchecked swap"),
                  ("string_walk", "string walk"),
                  ("word_walk", "word walk (Python input)"),
                  ("byte_sum", "byte sum (SIMD)"),
                  ("memcpy", "memcpy"))]
        print(f"  {label_of(size):<8} " + ", ".join(parts))
    largest = sizes[-1]
    print()
    verdicts = [
        (f"φ → Python on {label_of(largest)} ≥ {TARGET_TO_PYTHON_MB_S:.0f} MB/s",
         ours[(largest, "to_python")]["mb_per_s"] >= TARGET_TO_PYTHON_MB_S),
        (f"Python → φ on {label_of(largest)} ≥ {TARGET_TO_PHICODE_MB_S:.0f} MB/s",
         ours[(largest, "to_phicode")]["mb_per_s"] >= TARGET_TO_PHICODE_MB_S),
        (f"φ → Python ≥ {TARGET_RATIO:.0f}× the reference at every size",
         all(ours[(s, "to_python")]["mb_per_s"] / reference[s][0] >= TARGET_RATIO
             for s in sizes)),
    ]
    for text, met in verdicts:
        print(f"target: {text}: {'met' if met else 'NOT met'}")


def label_of(size):
    if size >= 1_000_000:
        value, unit = size / 1e6, "MB"
    elif size >= 1_000:
        value, unit = size / 1e3, "KB"
    else:
        value, unit = size, "B"
    return f"{value:g} {unit}"


if __name__ == "__main__":
    sys.exit(main())
