"""`phicode kernel` through jupyter_client, as notebooks drive it: stdin's input_request
(also getpass), interrupts by message and by SIGINT during `time.sleep` and `input()`,
comm_info, rich displays, clear_output, matplotlib inline, φ tracebacks, completion, and
names that survive a killed and restarted kernel, and a kernel that stops once its launcher
died."""

import signal
import subprocess
import sys
import time
from queue import Empty

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL

TIMEOUT = 30


@pytest.fixture
def kernel():
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def outputs(kc, msg_id):
    """The iopub messages of `msg_id` up to its idle status."""
    seen = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen
        seen.append(msg)


def run(kc, code, **kwargs):
    msg_id = kc.execute(code, **kwargs)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id
    return reply["content"], outputs(kc, msg_id)


def stdout(msgs):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def test_input_request_is_answered_on_stdin(kernel):
    _, kc = kernel
    msg_id = kc.execute("name = input('who? ')\nπ('hi', name)", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    assert request["content"] == {"prompt": "who? ", "password": False}
    assert request["parent_header"]["msg_id"] == msg_id
    kc.input("φ-user")
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok"
    assert "hi φ-user" in stdout(outputs(kc, msg_id))


def test_getpass_asks_for_a_password(kernel):
    _, kc = kernel
    msg_id = kc.execute("import getpass\npin = getpass.getpass('PIN: ')\nℓ(pin)", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    assert request["content"]["password"] is True
    assert request["content"]["prompt"] == "PIN: "
    kc.input("1234")
    assert kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"] == "ok"
    results = [m for m in outputs(kc, msg_id) if m["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == "4"


def test_input_without_stdin_is_eof(kernel):
    _, kc = kernel
    reply, _ = run(kc, "input('x')", allow_stdin=False)
    assert reply["status"] == "error"
    assert reply["ename"] == "EOFError"


def interrupted(km, kc, code, how, wait_for_stdin=False):
    msg_id = kc.execute(code, allow_stdin=True)
    if wait_for_stdin:
        kc.get_stdin_msg(timeout=TIMEOUT)
    else:
        time.sleep(0.5)
    start = time.perf_counter()
    if how == "message":
        km.interrupt_kernel()
    else:
        km.signal_kernel(signal.SIGINT)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    elapsed = time.perf_counter() - start
    outputs(kc, msg_id)
    return reply["content"], elapsed


@pytest.mark.parametrize("how", ["message", "sigint"])
def test_interrupt_stops_a_sleep(kernel, how):
    km, kc = kernel
    assert km.kernel_spec.interrupt_mode == "message"
    reply, elapsed = interrupted(km, kc, "import time\ntime.sleep(60)", how)
    assert reply["status"] == "error"
    assert reply["ename"] == "KeyboardInterrupt"
    assert elapsed < 5
    again, msgs = run(kc, "1 + 1")
    assert again["status"] == "ok"


def test_interrupt_stops_input(kernel):
    km, kc = kernel
    reply, elapsed = interrupted(km, kc, "input('never answered: ')", "message", wait_for_stdin=True)
    assert reply["ename"] == "KeyboardInterrupt"
    assert elapsed < 5
    assert run(kc, "π('still here')")[0]["status"] == "ok"


def test_comm_info(kernel):
    _, kc = kernel
    msg_id = kc.comm_info()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"] == {"status": "ok", "comms": {}}
    kc.comm_info(target_name="jupyter.widget")
    assert kc.get_shell_msg(timeout=TIMEOUT)["content"]["comms"] == {}


def test_errors_show_phi_lines(kernel):
    _, kc = kernel
    reply, msgs = run(kc, "x = 0\n¿ x == 0:\n    π(1 / x)")
    assert reply["status"] == "error"
    assert reply["ename"] == "ZeroDivisionError"
    error = [m for m in msgs if m["msg_type"] == "error"][0]["content"]
    text = "\n".join(error["traceback"])
    assert "line 3" in text
    assert "ZeroDivisionError" in text


def test_phi_and_python_cells_share_names(kernel):
    _, kc = kernel
    reply, msgs = run(kc, "squares = [i * i ∀ i ∈ range(4)]\nπ(squares)")
    assert reply["status"] == "ok", reply
    assert stdout(msgs) == "[0, 1, 4, 9]\n"
    reply, msgs = run(kc, "sum(squares)")
    result = [m for m in msgs if m["msg_type"] == "execute_result"][0]["content"]
    assert result["data"]["text/plain"] == "14"
    assert result["execution_count"] == reply["execution_count"]


def test_completion_of_symbols_and_names(kernel):
    _, kc = kernel
    run(kc, "phi_value = 1")
    kc.complete("x = \\for", 8)
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    assert reply["matches"][0] == "∀"
    assert (reply["cursor_start"], reply["cursor_end"]) == (4, 8)
    kc.complete("π(phi_v", 7)
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    assert "phi_value" in reply["matches"]


def test_inspect_shows_the_signature(kernel):
    _, kc = kernel
    run(kc, "ƒ area(r):\n    '''The area of a circle of radius r.'''\n    ⟲ 3.14159 * r * r")
    kc.inspect("area(", 4)
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    assert reply["found"] is True
    assert "The area of a circle" in reply["data"]["text/plain"]


def test_rich_displays_clear_output_and_update(kernel):
    _, kc = kernel
    code = (
        "class Bold:\n"
        "    def _repr_html_(self): return '<b>bold</b>'\n"
        "display(Bold())\n"
        "clear_output(wait=True)\n"
        "from IPython.display import display as ipy_display, Markdown\n"
        "handle = ipy_display(Markdown('*md*'), display_id=True)\n"
        "handle.update(Markdown('**md2**'))\n"
    )
    reply, msgs = run(kc, code)
    assert reply["status"] == "ok", reply
    msgs = [m for m in msgs if m["msg_type"] not in ("execute_input", "status")]
    kinds = [m["msg_type"] for m in msgs]
    assert kinds == ["display_data", "clear_output", "display_data", "update_display_data"], kinds
    assert msgs[0]["content"]["data"]["text/html"] == "<b>bold</b>"
    assert [m for m in msgs if m["msg_type"] == "clear_output"][0]["content"] == {"wait": True}
    shown = [m for m in msgs if m["msg_type"] == "display_data"][1]["content"]
    updated = [m for m in msgs if m["msg_type"] == "update_display_data"][0]["content"]
    assert shown["data"]["text/markdown"] == "*md*"
    assert updated["data"]["text/markdown"] == "**md2**"
    assert shown["transient"]["display_id"] == updated["transient"]["display_id"]


def test_matplotlib_figures_are_inline_pngs(kernel):
    _, kc = kernel
    reply, msgs = run(kc, "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])")
    assert reply["status"] == "ok", reply
    images = [m for m in msgs if m["msg_type"] == "display_data" and "image/png" in m["content"]["data"]]
    assert len(images) == 1
    import base64

    assert base64.b64decode(images[0]["content"]["data"]["image/png"]).startswith(b"\x89PNG")
    # Shown once: the next cell shows nothing again.
    _, msgs = run(kc, "1")
    assert not [m for m in msgs if m["msg_type"] == "display_data"]


def test_a_killed_kernel_restarts_with_its_names(kernel, state_home):
    km, kc = kernel
    run(kc, "kept = 41 + 1\nƒ twice(x): ⟲ 2 * x")
    time.sleep(0.5)  # the session checkpoints once idle for 50 ms
    pid = km.provisioner.process.pid
    km.restart_kernel(now=True)  # SIGKILL, then the same connection file again
    assert km.provisioner.process.pid != pid
    kc.wait_for_ready(timeout=60)
    reply, msgs = run(kc, "twice(kept)")
    assert reply["status"] == "ok", reply
    result = [m for m in msgs if m["msg_type"] == "execute_result"][0]["content"]
    assert result["data"]["text/plain"] == "84"
    # A graceful restart (shutdown_request with restart) keeps them too.
    run(kc, "later = kept + 1")
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    reply, msgs = run(kc, "later")
    assert [m for m in msgs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"] == "43"
    name = km.connection_file.rsplit("/", 1)[-1].removesuffix(".json")
    folder = state_home / "phicode" / "sessions" / name
    assert folder.is_dir()
    km.shutdown_kernel(now=False)
    assert not folder.exists(), "a kernel shut down for good leaves no state behind"


def test_shutdown_request_ends_the_process(kernel):
    km, kc = kernel
    kc.shutdown()
    reply = kc.get_control_msg(timeout=TIMEOUT) if hasattr(kc, "get_control_msg") else None
    if reply is not None:
        assert reply["content"]["status"] == "ok"
    deadline = time.time() + 10
    while km.is_alive() and time.time() < deadline:
        time.sleep(0.05)
    assert not km.is_alive()


LAUNCHER = """
import sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
print(km.provisioner.process.pid, km.connection_file, flush=True)
sys.stdin.read()  # until the test kills this process, without shutting the kernel down
"""


def test_a_kernel_whose_launcher_died_stops(state_home):
    # A Jupyter server killed outright: its kernels must not run on for ever.
    launcher = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, KERNEL],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        pid, connection_file = launcher.stdout.readline().split()
        pid = int(pid)
        name = connection_file.rsplit("/", 1)[-1].removesuffix(".json")
        folder = state_home / "phicode" / "sessions" / name
        assert alive(pid)
    finally:
        launcher.kill()
        launcher.wait()
    deadline = time.time() + 15
    while alive(pid) and time.time() < deadline:
        time.sleep(0.1)
    assert not alive(pid), "the orphaned kernel is still running"
    assert not folder.exists(), "an orphaned kernel is shut down for good"


def alive(pid):
    """Whether `pid` runs (a zombie, exited but not yet reaped by init, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_heartbeat_answers(kernel):
    _, kc = kernel
    time.sleep(1.5)
    assert kc.hb_channel.is_beating()


def test_a_failed_cell_aborts_the_cells_queued_behind_it(kernel):
    _, kc = kernel
    # The failing cell takes a moment, so the two behind it are queued when it fails.
    first = "import time\ntime.sleep(0.3)\nraise ValueError('first')"
    ids = [kc.execute(code) for code in (first, "after = 1", "after = 2")]
    replies = {}
    while len(replies) < 3:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert [replies[i] for i in ids] == ["error", "aborted", "aborted"]
    reply, _ = run(kc, "after")
    assert reply["ename"] == "NameError"
    # Without stop_on_error the next cell runs anyway.
    again = "time.sleep(0.3)\nraise ValueError('again')"
    ids = [kc.execute(again, stop_on_error=False), kc.execute("after = 3")]
    statuses = {}
    while len(statuses) < 2:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        statuses[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert [statuses[i] for i in ids] == ["error", "ok"]
