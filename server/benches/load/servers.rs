//! Starting the servers under test as child processes, waiting for them, and reading their
//! memory (peak and current resident set, with their children: the workers).

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process, killed when dropped.
pub struct Process {
    /// The child.
    pub child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_or(18000, |a| a.port())
}

/// Starts `program args` and waits until `port` takes connections (60 s at most).
pub fn start(program: &Path, args: &[String], port: u16) -> Result<Process, String> {
    let child = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let process = Process { child, addr };
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(addr).is_err() {
        if Instant::now() > deadline {
            return Err(format!("{} did not listen on {addr}", program.display()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(process)
}

/// A `/proc/<pid>/status` field in KiB (`VmHWM`, `VmRSS`).
fn status_kib(pid: u32, field: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    text.lines()
        .find_map(|l| {
            l.strip_prefix(field)?
                .trim_start_matches(':')
                .trim()
                .strip_suffix(" kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

/// The process's peak resident set (VmHWM), in MiB.
pub fn peak_mib(pid: u32) -> f64 {
    status_kib(pid, "VmHWM") as f64 / 1024.0
}

/// The resident set of the process and all its descendants now, in MiB.
pub fn tree_rss_mib(pid: u32) -> f64 {
    let mut total = status_kib(pid, "VmRSS");
    // A child belongs to the thread that started it: read every thread's list.
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten();
    for task in tasks {
        let children = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        for child in children.split_whitespace().filter_map(|c| c.parse().ok()) {
            total += (tree_rss_mib(child) * 1024.0) as u64;
        }
    }
    total as f64 / 1024.0
}
