//! The connection file Jupyter starts a kernel with, and the session name a kernel takes
//! from it: a restarted kernel is given the same file, and so finds its names again.

use std::path::Path;

use jupyter_protocol::ConnectionInfo;

use crate::error::KernelError;

/// Reads a connection file.
pub fn load(path: &Path) -> Result<ConnectionInfo, KernelError> {
    let shown = path.display().to_string();
    let text = std::fs::read(path)
        .map_err(|source| KernelError::ConnectionFile { path: shown.clone(), source })?;
    serde_json::from_slice(&text)
        .map_err(|source| KernelError::ConnectionJson { path: shown, source })
}

/// The session name of a kernel started with `path` (`kernel-<id>.json` → `kernel-<id>`):
/// letters, digits, `-` and `_`, at most 64 of them, as named sessions must be.
pub fn session_name(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(64)
        .collect();
    if name.is_empty() { "kernel".into() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_file() {
        let path = Path::new("/run/jupyter/kernel-3f2a0c1e-9b7d-4c55-8e1f-0a1b2c3d4e5f.json");
        assert_eq!(session_name(path), "kernel-3f2a0c1e-9b7d-4c55-8e1f-0a1b2c3d4e5f");
        assert_eq!(session_name(Path::new("/tmp/a b.φ.json")), "a_b__");
        assert_eq!(session_name(Path::new("/")), "kernel");
    }

    #[test]
    fn a_connection_file_is_read_and_a_bad_one_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let good = dir.path().join("k.json");
        let text = r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4,
            "hb_port": 5, "ip": "127.0.0.1", "key": "k", "transport": "tcp",
            "signature_scheme": "hmac-sha256", "kernel_name": "phicode", "jupyter_session": "x"}"#;
        std::fs::write(&good, text).expect("write");
        assert_eq!(load(&good).expect("load").shell_url(), "tcp://127.0.0.1:1");
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{").expect("write");
        assert!(load(&bad).expect_err("bad").to_string().contains("bad.json"));
    }
}
