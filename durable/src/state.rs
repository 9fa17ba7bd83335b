//! A durable session's state folder (`$XDG_STATE_HOME/phicode/sessions/<id>/` unless told
//! otherwise): the last checkpoint of its namespace and what it was taken after, each
//! written atomically so a crash mid-write leaves the previous one whole.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The checkpoint's file name in the folder.
const CHECKPOINT: &str = "checkpoint.bin";
/// The description of the checkpoint (`Taken`).
const TAKEN: &str = "checkpoint.json";

/// What the last checkpoint holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taken {
    /// The execution count (`In[n]`) of the last execution before it; 0 for none counted.
    pub cell: u64,
    /// Names it saved.
    pub names: u64,
}

/// phicode's state folder, `$XDG_STATE_HOME/phicode` (`~/.local/state/phicode` when
/// `XDG_STATE_HOME` is unset, the XDG default): named sessions, the audit log.
pub fn phicode_state_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/state")))?;
    Some(base.join("phicode"))
}

/// Where named sessions keep their folders: `$XDG_STATE_HOME/phicode/sessions`.
pub fn sessions_dir() -> Option<PathBuf> {
    phicode_state_dir().map(|d| d.join("sessions"))
}

/// One session's state folder.
#[derive(Debug, Clone)]
pub struct StateDir {
    /// The folder (created on first write).
    path: PathBuf,
}

impl StateDir {
    /// The folder at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The default folder of session `id`: `$XDG_STATE_HOME/phicode/sessions/<id>`, with
    /// `~/.local/state` for an unset `XDG_STATE_HOME` (the XDG default).
    pub fn default_for(id: &str) -> Option<Self> {
        Some(Self::new(sessions_dir()?.join(id)))
    }

    /// The named sessions kept in the default place, by name.
    pub fn all() -> Vec<(String, Self)> {
        let Some(Ok(entries)) = sessions_dir().map(std::fs::read_dir) else { return Vec::new() };
        let mut all: Vec<(String, Self)> = entries
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| Some((e.file_name().into_string().ok()?, Self::new(e.path()))))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }

    /// The checkpoint's size and when it was written, if there is one.
    pub fn checkpoint_file(&self) -> Option<(u64, std::time::SystemTime)> {
        let meta = std::fs::metadata(self.path.join(CHECKPOINT)).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the worker writes the checkpoint (it replaces the file atomically itself).
    pub fn checkpoint(&self) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.path)?;
        Ok(self.path.join(CHECKPOINT))
    }

    /// What the last checkpoint holds; `None` when there is none.
    pub fn taken(&self) -> Option<Taken> {
        if !self.path.join(CHECKPOINT).is_file() {
            return None;
        }
        let text = std::fs::read(self.path.join(TAKEN)).ok()?;
        serde_json::from_slice(&text).ok().or(Some(Taken::default()))
    }

    /// Records what the checkpoint just written holds.
    pub fn record(&self, taken: &Taken) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.path)?;
        let text = serde_json::to_vec(taken).map_err(std::io::Error::other)?;
        phicode_sessions::host::files::replace(&self.path.join(TAKEN), &text)
    }
}
