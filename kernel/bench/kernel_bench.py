"""The kernel benchmark: `phicode kernel` beside ipykernel, in the same run, through
jupyter_client (what notebooks and nbclient use). Prints, side by side:

- the round trip of `execute_request` for `1+1` (alternating blocks of both kernels): from sending it to having both its
  `execute_reply` and the `idle` status on iopub (median and p90 of many);
- interrupt latency: `time.sleep(60)` running, from `interrupt_kernel()` to the
  `execute_reply` (phicode: interrupt_request by message; ipykernel: SIGINT);
- kernel start: from `start_kernel()` to the first `kernel_info_reply` (`wait_for_ready`).

Usage: PHICODE_BIN=target/release/phicode kernel/out/venv/bin/python kernel/bench/kernel_bench.py
(`kernel/bench/run.sh` builds and runs it). ipykernel is the venv's own `python3` kernelspec.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

ROUND_TRIPS = int(os.environ.get("KERNEL_BENCH_ROUND_TRIPS", "500"))
INTERRUPTS = int(os.environ.get("KERNEL_BENCH_INTERRUPTS", "10"))
STARTS = int(os.environ.get("KERNEL_BENCH_STARTS", "5"))


def start(name):
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc, time.perf_counter() - t0


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def finish(kc, msg_id):
    """Waits for the reply of `msg_id` and its idle status."""
    reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return reply


def round_trips(kc, n, warm=True):
    for _ in range(20 if warm else 0):
        finish(kc, kc.execute("1+1"))
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        finish(kc, kc.execute("1+1"))
        times.append(time.perf_counter() - t0)
    return times


def interrupts(km, kc, n):
    times = []
    for _ in range(n):
        msg_id = kc.execute("import time; time.sleep(60)")
        time.sleep(0.3)
        t0 = time.perf_counter()
        km.interrupt_kernel()
        reply = finish(kc, msg_id)
        times.append(time.perf_counter() - t0)
        assert reply["content"]["ename"] == "KeyboardInterrupt", reply["content"]
    return times


def measure(names):
    """Every figure of each kernel; round trips and interrupts in alternating blocks, so
    that a change of load on the machine falls on both kernels alike."""
    figures = {name: {"trips": [], "interrupts": [], "starts": []} for name in names}
    for _ in range(STARTS):
        for name in names:
            km, kc, took = start(name)
            figures[name]["starts"].append(took)
            stop(km, kc)
    kernels = {name: start(name)[:2] for name in names}
    try:
        for name, (km, kc) in kernels.items():
            round_trips(kc, 0)  # warm up
        blocks = 10
        for _ in range(blocks):
            for name, (km, kc) in kernels.items():
                figures[name]["trips"] += round_trips(kc, ROUND_TRIPS // blocks, warm=False)
        for _ in range(INTERRUPTS):
            for name, (km, kc) in kernels.items():
                figures[name]["interrupts"] += interrupts(km, kc, 1)
    finally:
        for km, kc in kernels.values():
            stop(km, kc)
    return [figures[name] for name in names]


def ms(values, q=None):
    if q is None:
        return statistics.median(values) * 1000
    return statistics.quantiles(values, n=10)[q - 1] * 1000


def main():
    phicode = os.environ.get("PHICODE_BIN")
    if not phicode:
        sys.exit("set PHICODE_BIN to the phicode binary")
    prefix = tempfile.mkdtemp(prefix="phicode-bench-")
    subprocess.run([phicode, "kernel", "install", "--prefix", prefix, "--name", "phicode-bench"], check=True,
                   stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="phicode-bench-state-"))
    ours, theirs = measure(["phicode-bench", "python3"])
    rows = [
        ("1+1 round trip, median (ms)", ms(ours["trips"]), ms(theirs["trips"])),
        ("1+1 round trip, p90 (ms)", ms(ours["trips"], 9), ms(theirs["trips"], 9)),
        ("interrupt of time.sleep, median (ms)", ms(ours["interrupts"]), ms(theirs["interrupts"])),
        ("kernel start to kernel_info, median (ms)", ms(ours["starts"]), ms(theirs["starts"])),
    ]
    print(f"{'figure':<42}{'phicode':>12}{'ipykernel':>12}{'ratio':>9}")
    for label, a, b in rows:
        print(f"{label:<42}{a:>12.3f}{b:>12.3f}{a / b:>8.2f}×")
    print(f"({ROUND_TRIPS} round trips, {INTERRUPTS} interrupts, {STARTS} starts each; "
          f"phicode: {phicode})")


if __name__ == "__main__":
    main()
