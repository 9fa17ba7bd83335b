//! The external interpreter's temporary files (the bundle of transpiled sources, the
//! "bootstrap started" marker), named after the host's process id so that those of a host
//! killed outright (SIGKILL: nothing could remove them) are swept by the next run.

use std::path::PathBuf;

use nix::errno::Errno;
use nix::sys::signal::kill;
use nix::unistd::Pid;

/// The kinds of file, as they start their names (`phicode-bundle-<pid>-...`).
const KINDS: [&str; 2] = ["phicode-bundle-", "phicode-started-"];

/// The name prefix of this process's files of `kind` (one of `KINDS`).
pub fn prefix(kind: &str) -> String {
    format!("{kind}{}-", std::process::id())
}

/// Removes the files of hosts that no longer run.
pub fn sweep() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = KINDS.iter().find_map(|kind| name.strip_prefix(kind)) else { continue };
        let pid = rest.split('-').next().and_then(|p| p.parse::<i32>().ok());
        if pid.is_some_and(|pid| !alive(pid)) {
            let path: PathBuf = entry.path();
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether process `pid` exists (one we may not signal exists too).
fn alive(pid: i32) -> bool {
    !matches!(kill(Pid::from_raw(pid), None), Err(Errno::ESRCH))
}
