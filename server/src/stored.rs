//! The server's durable sessions on disk: each has a folder `<state>/sessions/<id>/` holding
//! its checkpoint (written by `phicode_durable`), its scratch folder and `server.json` (what
//! the server needs to start it again: its level, when it was made, its executions), so a
//! server started again over the same state folder resumes every one of them.

use std::path::{Path, PathBuf};

use phicode_security::Level;
use serde::{Deserialize, Serialize};

/// The server's description of a session, in its folder.
const META: &str = "server.json";

/// What the server keeps of a durable session besides its checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// Its level (`restricted`, ...).
    pub level: String,
    /// When it was created (seconds since the Unix epoch).
    pub created: u64,
    /// Executions started, as of the last time the server wrote this.
    pub executions: u64,
}

/// The folder of session `id` under the state folder `state`.
pub fn folder(state: &Path, id: &str) -> PathBuf {
    state.join("sessions").join(id)
}

/// A fresh durable session id: unguessable, and safe as a folder name.
pub fn new_id() -> String {
    format!("d{}", uuid::Uuid::new_v4().simple())
}

/// Whether `id` could be one of ours (so a stray folder is never taken for a session).
fn is_id(id: &str) -> bool {
    id.len() == 33 && id.starts_with('d') && id[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Writes `stored` into session `id`'s folder, replacing the old one atomically.
pub fn save(state: &Path, id: &str, stored: &Stored) -> std::io::Result<()> {
    let folder = folder(state, id);
    std::fs::create_dir_all(&folder)?;
    let text = serde_json::to_vec_pretty(stored).map_err(std::io::Error::other)?;
    phicode_sessions::host::files::replace(&folder.join(META), &text)
}

/// Every durable session kept under `state`, oldest first; folders that are not ours, or
/// whose description is unreadable or names an unknown level, are left alone.
pub fn all(state: &Path) -> Vec<(String, Level, Stored)> {
    let Ok(entries) = std::fs::read_dir(state.join("sessions")) else { return Vec::new() };
    let mut found: Vec<_> = entries
        .flatten()
        .filter_map(|entry| {
            let id = entry.file_name().into_string().ok().filter(|id| is_id(id))?;
            let text = std::fs::read(entry.path().join(META)).ok()?;
            let stored: Stored = serde_json::from_slice(&text).ok()?;
            let level = stored.level.parse().ok()?;
            Some((id, level, stored))
        })
        .collect();
    found.sort_by(|a, b| (a.2.created, &a.0).cmp(&(b.2.created, &b.0)));
    found
}

/// Removes session `id`'s folder (the session was deleted).
pub fn forget(state: &Path, id: &str) -> std::io::Result<()> {
    match std::fs::remove_dir_all(folder(state, id)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn saved_sessions_are_found_again_and_strays_are_left_alone() {
        let state = tempfile::tempdir().unwrap();
        let (old, new) = (new_id(), new_id());
        let stored = |created| Stored { level: "restricted".into(), created, executions: 3 };
        save(state.path(), &new, &stored(20)).unwrap();
        save(state.path(), &old, &stored(10)).unwrap();
        std::fs::create_dir_all(state.path().join("sessions/not-ours")).unwrap();
        std::fs::write(state.path().join("sessions/not-ours").join(META), b"{}").unwrap();
        let torn = new_id();
        std::fs::create_dir_all(folder(state.path(), &torn)).unwrap();
        std::fs::write(folder(state.path(), &torn).join(META), b"{\"level\": \"restr").unwrap();
        let found: Vec<_> =
            all(state.path()).into_iter().map(|(id, _, s)| (id, s.created)).collect();
        assert_eq!(found, [(old.clone(), 10), (new, 20)]);
        forget(state.path(), &old).unwrap();
        forget(state.path(), &old).unwrap();
        assert_eq!(all(state.path()).len(), 1);
    }
}
