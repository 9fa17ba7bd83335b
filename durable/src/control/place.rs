//! Where the hosts' control sockets are.

use std::path::PathBuf;

/// The folder of the hosts' sockets (made private to the user when created).
pub fn hosts_dir() -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|d| !d.is_empty())
        .map(|d| PathBuf::from(d).join("phicode"))
        .unwrap_or_else(|| std::env::temp_dir().join(format!("phicode-{}", uid())));
    base.join("hosts")
}

/// This process's user id (the owner of `/proc/self`).
fn uid() -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map_or(0, |m| m.uid())
}
