//! The security table: one row per attempt to get out, one column per level, every cell
//! run in a fresh session and asserted. The table printed in README.md ("What each level
//! allows") is generated from these rows, and this test fails when the two differ:
//! run `PHICODE_WRITE_TABLE=1 cargo test -p phicode-sessions --test security_levels` to
//! print the new table.
#![allow(clippy::unwrap_used)]

mod common;

use std::fmt::Write as _;
use std::net::TcpListener;

use common::{config, run, within};
use phicode_sessions::host::{Level, Limits, Session};
use phicode_sessions::protocol::ErrorKind;

/// What became of an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// It did what it tried.
    Allowed,
    /// The confinement refused it (an exception in the cell).
    Refused,
    /// A limit stopped it (MemoryError, or the worker killed at its CPU limit).
    Limited,
    /// It ran, and nothing outside the session noticed: the host survived it unharmed.
    Contained,
}

use Outcome::{Allowed as A, Contained as C, Limited as L, Refused as R};

impl Outcome {
    fn word(self) -> &'static str {
        match self {
            A => "allowed",
            R => "refused",
            L => "limited",
            C => "contained",
        }
    }
}

/// The levels, in the table's column order.
const LEVELS: [Level; 5] = Level::ALL;

/// An attempt: what it is, the cell (whose value is "allowed" or "limited" when it got
/// through; an exception is a refusal), and the outcome expected at each of `LEVELS`.
struct Attempt {
    name: &'static str,
    code: &'static str,
    expected: [Outcome; 5],
}

/// `{outside}` is a file outside the scratch folder, `{port}` a listening TCP port.
const ATTEMPTS: &[Attempt] = &[
    Attempt {
        name: "read `/etc/passwd`",
        code: "open('/etc/passwd').read(); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "read a file outside the scratch folder",
        code: "open({outside!r}).read(); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "write a file outside the scratch folder",
        code: "open({outside!r} + '.new', 'w').write('x'); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "follow a symlink out of the scratch folder",
        code: "import os, tempfile\nlink = os.path.join(tempfile.mkdtemp(dir='.'), 'l')\nos.symlink({outside!r}, link)\nopen(link).read(); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "connect to a TCP port on 127.0.0.1",
        code: "import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=5).close(); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "bind a TCP port",
        code: "import socket\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.close(); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "send a UDP datagram",
        code: "import socket\nsocket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', 9)); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "start a process (`subprocess.run`)",
        code: "import subprocess\nsubprocess.run(['true'], check=True); 'allowed'",
        expected: [R, R, R, A, A],
    },
    Attempt {
        name: "`__import__('os').system(...)`",
        code: "assert __import__('os').system('true') == 0; 'allowed'",
        expected: [R, R, R, A, A],
    },
    Attempt {
        name: "`importlib` to reach `subprocess`",
        code: "import importlib\nimportlib.import_module('subprocess').check_call(['true']); 'allowed'",
        expected: [R, R, R, A, A],
    },
    Attempt {
        name: "`object.__subclasses__()` gadget chain to `os.system`",
        code: "wrap = [c for c in object.__subclasses__() if c.__name__ == '_wrap_close'][0]\nassert wrap.__init__.__globals__['system']('true') == 0; 'allowed'",
        expected: [R, R, R, A, A],
    },
    Attempt {
        name: "tamper with `builtins` and `sys.modules`, then read `/etc/passwd`",
        code: "import builtins, sys, io\nbuiltins.open = None; sys.modules.pop('os', None)\nio.open('/etc/passwd').read(); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "fork through `ctypes`, past Python and its audit hooks",
        code: "import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\npid = libc.fork()\nif pid == 0: libc._exit(0)\nif pid < 0: raise OSError(ctypes.get_errno(), 'fork')\nos.waitpid(pid, 0); 'allowed'",
        expected: [R, R, R, A, A],
    },
    Attempt {
        name: "a raw `socket(AF_INET)` through `ctypes`",
        code: "import ctypes\nfd = ctypes.CDLL(None, use_errno=True).socket(2, 1, 0)\nif fd < 0: raise OSError(ctypes.get_errno(), 'socket')\n'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "read an inherited secret from `os.environ`",
        code: "import os\nos.environ['CARGO_MANIFEST_DIR']; 'allowed'",
        expected: [R, R, R, A, A],
    },
    Attempt {
        name: "fork bomb",
        code: "import os, resource\nsoft = resource.getrlimit(resource.RLIMIT_NPROC)[0]\npid = os.fork()\nif pid == 0: os._exit(0)\nos.waitpid(pid, 0)\n'limited' if soft == 1024 else 'allowed'",
        expected: [R, R, R, L, A],
    },
    Attempt {
        name: "memory bomb (4 GiB in 64 MiB blocks)",
        code: "blocks = [bytearray(64 * 2**20) for _ in range(64)]; 'allowed'",
        expected: [L, L, L, L, A],
    },
    Attempt {
        name: "infinite loop (3 s busy)",
        code: "import time\nt = time.monotonic()\nwhile time.monotonic() - t < 3: pass\n'allowed'",
        expected: [L, L, L, L, A],
    },
    Attempt {
        name: "signal the host process",
        code: "import os\nos.kill(os.getppid(), 0); 'allowed'",
        expected: [R, R, R, R, A],
    },
    Attempt {
        name: "forge a frame on the worker's protocol pipe",
        code: "import os, stat\nfor fd in range(3, 64):\n    try:\n        if stat.S_ISFIFO(os.fstat(fd).st_mode): os.write(fd, b'\\x00\\x00\\x00\\x04junk')\n    except OSError: pass\n'contained'",
        expected: [C, C, C, C, C],
    },
];

/// What happened when `attempt` ran at `level`.
async fn outcome(level: Level, code: &str) -> (Outcome, String) {
    let mut settings = config();
    settings.level = level;
    if level != Level::Unrestricted {
        // The infinite loop meets the CPU limit (at SANDBOX, each cell's time budget) in a
        // second rather than minutes.
        settings.limits = Limits { cpu_seconds: Some(1), ..Limits::default() };
    }
    let session = within(30, Session::start(settings)).await.unwrap();
    let done = run(&session, code).await;
    let result = match done.error() {
        Some(e) if e.kind == ErrorKind::WorkerDied => (L, e.traceback.clone()),
        // MemoryError natively; at SANDBOX, the instance ended at its memory cap or time budget.
        Some(e) if ["MemoryError", "TimeoutError"].contains(&e.exception_type.as_str()) => {
            (L, e.exception_message.clone())
        }
        Some(e) => (R, format!("{}: {}", e.exception_type, e.exception_message)),
        None => match done.result().and_then(|r| r.repr.clone()).as_deref() {
            Some("'allowed'") => (A, String::new()),
            Some("'limited'") => (L, String::new()),
            Some("'contained'") => (C, String::new()),
            other => panic!("{code:?} at {level}: unexpected value {other:?}"),
        },
    };
    // The host is unharmed: the session still answers (a new worker if the last died).
    if result.0 != L {
        let after = run(&session, "1 + 1").await;
        assert!(after.error().is_none(), "{code:?} at {level} broke the session: {after:?}");
    }
    result
}

/// The README table for the rows and levels.
fn table() -> String {
    let mut text = String::from("| attempt |");
    for level in LEVELS {
        let _ = write!(text, " {} |", level.as_str().to_uppercase());
    }
    text.push_str("\n|---|");
    text.push_str(&"---|".repeat(LEVELS.len()));
    for attempt in ATTEMPTS {
        let _ = write!(text, "\n| {} |", attempt.name);
        for outcome in attempt.expected {
            let _ = write!(text, " {} |", outcome.word());
        }
    }
    text.push('\n');
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn every_attempt_meets_its_levels_confinement() {
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "outside").unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let outside = format!("{:?}", outside.path().display().to_string());
    let mut wrong = Vec::new();
    for attempt in ATTEMPTS {
        let code = attempt.code.replace("{outside!r}", &outside).replace("{port}", &port);
        for (level, expected) in LEVELS.into_iter().zip(attempt.expected) {
            let (got, detail) = outcome(level, &code).await;
            if got != expected {
                wrong.push(format!(
                    "{} at {level}: {got:?}, expected {expected:?} ({detail})",
                    attempt.name
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} cells wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn the_readme_shows_this_table() {
    let table = table();
    if std::env::var_os("PHICODE_WRITE_TABLE").is_some() {
        println!("{table}");
    }
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "README.md's security table differs from the tested one; the tested one is:\n{table}"
    );
}
