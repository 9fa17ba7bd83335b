//! `phicode repl` driven through tmux like a person at a terminal: a φ multi-line
//! function, the symbol input method, Ctrl-C on a running loop, `input()`, history, Ctrl-D.
#![allow(clippy::unwrap_used)]

#[path = "../../sessions/tests/common/mod.rs"]
mod common;

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str, cwd: &std::path::Path) -> Self {
        static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("phicode-repl-test-{}-{n}", std::process::id());
        let tmux = Self { socket };
        let status = Command::new("tmux")
            .args(["-L", &tmux.socket, "new-session", "-d", "-x", "120", "-y", "50", "-c"])
            .arg(cwd)
            .arg(command)
            .status()
            .expect("tmux is needed (scripts/setup.d/60-sessions.sh installs it)");
        assert!(status.success());
        tmux
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-S", "-200"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` `count` times.
    fn wait_for(&self, text: &str, count: usize) -> String {
        wait_until(
            30,
            || Some(self.screen()).filter(|screen| screen.matches(text).count() >= count),
            || format!("no {text:?} on the screen:\n{}", self.screen()),
        )
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session"])
            .output()
            .is_ok_and(|o| o.status.success())
    }
}

/// Polls `done` until it gives a value, failing with `why()` after `seconds`.
fn wait_until<T>(seconds: u64, mut done: impl FnMut() -> Option<T>, why: impl Fn() -> String) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = done() {
            return value;
        }
        assert!(start.elapsed() < Duration::from_secs(seconds), "{}", why());
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The command starting a REPL on the named session `name` with its state under `dir`.
fn session_repl(dir: &tempfile::TempDir, flags: &str, name: &str) -> String {
    format!(
        "env NO_COLOR=1 XDG_STATE_HOME={} {} repl {flags} --session {name}",
        dir.path().display(),
        common::phicode().display()
    )
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

#[test]
fn a_person_at_the_repl() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    let command = format!(
        "env NO_COLOR=1 PHICODE_HISTORY={} {} repl",
        history.display(),
        common::phicode().display()
    );
    let t = Tmux::start(&command, dir.path());
    // (capture-pane drops trailing spaces: prompts show as `φ>` and `..`.)
    t.wait_for("φ>", 1);

    // A φ function over several lines: continuation lines start indented.
    t.keys(&["ƒ sq(x):", "Enter"]);
    t.wait_for("\n..", 1);
    t.keys(&["⟲ x * x", "Enter"]);
    t.wait_for("..     ⟲ x * x\n..", 1);
    t.keys(&["BSpace", "BSpace", "BSpace", "BSpace", "Enter"]);
    t.wait_for("φ>", 2);
    t.keys(&["sq(7)", "Enter"]);
    t.wait_for("Out[2]: 49", 1);

    // The symbol input method.
    t.keys(&["\\for", "Tab"]);
    t.wait_for("φ> ∀", 1);
    t.keys(&[" i ∈ ⟪(3): π(i * 10)", "Enter"]);
    let screen = t.wait_for("20\n", 1);
    assert!(screen.contains("φ> ∀ i ∈ ⟪(3): π(i * 10)\n0\n10\n20"), "{screen}");

    // Ctrl-C stops a running loop; the session lives on.
    t.keys(&["↻ ✓: ⋯", "Enter"]);
    std::thread::sleep(Duration::from_millis(500));
    t.keys(&["C-c"]);
    let screen = t.wait_for("KeyboardInterrupt", 1);
    assert!(!screen.contains("phicode engine"), "{screen}");

    // Top-level await.
    t.keys(&["⇒ asyncio; ⌛ asyncio.sleep(0.01, 'awaited')", "Enter"]);
    t.wait_for("'awaited'", 2);

    // input() asks inline.
    t.keys(&["name = input('who? ')", "Enter"]);
    t.wait_for("who?", 2);
    t.keys(&["Ada", "Enter"]);
    t.keys(&["name.upper()", "Enter"]);
    t.wait_for("'ADA'", 1);

    // Output of a thread after its cell ended shows up at the prompt.
    t.keys(&[
        "import threading; threading.Timer(0.3, lambda: print('from a timer')).start()",
        "Enter",
    ]);
    t.wait_for("from a timer", 1);

    // getpass() does not show what is typed.
    // The prompt is built in the cell, so "pin?" on the screen is the prompt itself: typed
    // ahead, the line's echo could appear twice before it, and the PIN be shown in the clear.
    t.keys(&["import getpass; secret = getpass.getpass('pi' + 'n? ')", "Enter"]);
    t.wait_for("pin?", 1);
    t.keys(&["4711", "Enter"]);
    t.keys(&["len(secret)", "Enter"]);
    let screen = t.wait_for("Out[", 4);
    assert!(screen.contains("pin? ****") && !screen.contains("4711"), "{screen}");

    // name? shows documentation.
    t.keys(&["len?", "Enter"]);
    t.wait_for("Return the number of items", 1);

    // \symbols lists the table.
    t.keys(&["\\symbols", "Enter"]);
    t.wait_for("⟲       return      \\return<Tab>", 1);

    // Ctrl-D exits; the history was kept.
    t.keys(&["C-d"]);
    wait_exit(&t);
    let kept = std::fs::read_to_string(&history).unwrap();
    assert!(kept.contains("sq(7)"), "{kept}");
}

fn wait_exit(t: &Tmux) {
    wait_until(
        10,
        || (!t.alive()).then_some(()),
        || format!("the REPL did not exit:\n{}", t.screen()),
    );
}

#[test]
fn exit_leaves_the_repl() {
    let dir = tempfile::tempdir().unwrap();
    let command = format!("env NO_COLOR=1 {} repl --no-history", common::phicode().display());
    let t = Tmux::start(&command, dir.path());
    t.wait_for("φ>", 1);
    t.keys(&["exit()", "Enter"]);
    wait_exit(&t);
}

#[test]
fn a_killed_worker_is_restarted_restored_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(&session_repl(&dir, "--no-history", "killed"), dir.path());
    t.wait_for("φ>", 1);
    t.keys(&["x = 41; names = ['ada']", "Enter"]);
    let taken = dir.path().join("phicode/sessions/killed/checkpoint.json");
    wait_until(
        30,
        || taken.exists().then_some(()),
        || format!("{} never appeared", taken.display()),
    );
    t.keys(&["import os; os.kill(os.getpid(), 9)", "Enter"]);
    // (A long line wraps on the screen.)
    let screen = t.wait_for("did not finish", 1).replace('\n', "");
    assert!(
        screen.contains("worker died: the worker process was killed by signal 9 (SIGKILL"),
        "{screen}"
    );
    assert!(screen.contains("restored 2 names as of cell 1"), "{screen}");
    t.keys(&["x + 1, names", "Enter"]);
    t.wait_for("Out[2]: (42, ['ada'])", 1);
}

#[test]
fn a_named_session_outlives_its_repl_killed_by_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let command = session_repl(&dir, "", "notes");
    let first = Tmux::start(&command, dir.path());
    first.wait_for("φ>", 1);
    first.keys(&["ƒ double(v): ⟲ v * 2", "Enter", "Enter"]);
    first.wait_for("φ>", 2);
    first.keys(&["total = double(21)", "Enter"]);
    first.wait_for("φ>", 3);
    let taken = dir.path().join("phicode/sessions/notes/checkpoint.json");
    wait_until(
        30,
        || std::fs::read_to_string(&taken).is_ok_and(|t| t.contains("\"cell\":2")).then_some(()),
        || "no checkpoint after cell 2".into(),
    );
    let out = Command::new("tmux")
        .args(["-L", &first.socket, "list-panes", "-F", "#{pane_pid}"])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(Command::new("kill").args(["-9", &pid]).status().unwrap().success());
    wait_exit(&first);

    let second = Tmux::start(&command, dir.path());
    let screen = second.wait_for("resumed session notes", 1);
    assert!(screen.contains("restored 2 names as of cell 2"), "{screen}");
    second.keys(&["total, double(total), In[2]", "Enter"]);
    second.wait_for("Out[3]: (42, 84, 'total = double(21)')", 1);
    // The history came back too: Up shows the last line typed before the kill.
    second.keys(&["Up", "Up"]);
    second.wait_for("φ> total = double(21)", 1);
}

#[test]
fn sys_exit_ends_the_repl_with_its_status() {
    for (code, status) in
        [("import sys; sys.exit(3)", 3), ("exit()", 0), ("import sys; sys.exit('bye')", 1)]
    {
        let mut child = Command::new(common::phicode())
            .args(["repl", "--no-history"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(format!("{code}\n").as_bytes()).unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(status), "{code}");
    }
}
