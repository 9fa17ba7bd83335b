"""Median round trip of `1+1` through ipykernel (execute_request → execute_reply, iopub
idle), for comparison with phicode sessions. Prints one line: `ipykernel <median ms>`.

Run with a Python that has ipykernel and jupyter_client (the bench finds one through
PHICODE_BENCH_IPYKERNEL_PYTHON; sessions/benches/ipykernel-venv.sh makes such a venv).
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 500
manager, client = start_new_kernel(kernel_name="python3")
try:
    samples = []
    for i in range(rounds + 50):
        start = time.perf_counter()
        msg_id = client.execute("1+1")
        reply = client.get_shell_msg(timeout=10)
        assert reply["parent_header"]["msg_id"] == msg_id
        while True:
            msg = client.get_iopub_msg(timeout=10)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                break
        if i >= 50:
            samples.append(time.perf_counter() - start)
    print(f"ipykernel {statistics.median(samples) * 1000:.3f}")
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=True)
