//! Temporary files named after the process that made them (`<kind><pid>-<random>`), so
//! that those of a process killed outright (SIGKILL: nothing could remove them) are swept
//! by a later one: the external interpreter's bundle and marker in the temporary folder,
//! the cache's half-written entries in `__pycache__`.

use std::path::Path;

use nix::errno::Errno;
use nix::sys::signal::kill;
use nix::unistd::Pid;

/// The name prefix of this process's files of `kind` (`phicode-bundle-` gives
/// `phicode-bundle-<pid>-`).
pub fn prefix(kind: &str) -> String {
    format!("{kind}{}-", std::process::id())
}

/// Removes the files of `kinds` in `dir` whose process no longer runs. Names without a
/// process id (an older phicode's) are left alone.
pub fn sweep(dir: &Path, kinds: &[&str]) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = kinds.iter().find_map(|kind| name.strip_prefix(kind)) else { continue };
        let pid = rest.split('-').next().and_then(|p| p.parse::<i32>().ok());
        if pid.is_some_and(|pid| !alive(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` exists (one we may not signal exists too).
fn alive(pid: i32) -> bool {
    !matches!(kill(Pid::from_raw(pid), None), Err(Errno::ESRCH))
}
