//! [`Scratch`]: the folder the guest sees as `/scratch`: one the host names (a durable
//! session's, kept after the session), or a temporary one removed when the session ends.

use std::path::{Path, PathBuf};

/// The guest's scratch folder.
pub struct Scratch {
    /// The folder.
    path: PathBuf,
    /// Removes a temporary folder when dropped; none for a folder the host named.
    _temporary: Option<tempfile::TempDir>,
}

impl Scratch {
    /// `named` (created if missing), or a fresh temporary folder.
    pub fn new(named: Option<&Path>) -> std::io::Result<Self> {
        if let Some(path) = named {
            std::fs::create_dir_all(path)?;
            return Ok(Self { path: path.to_path_buf(), _temporary: None });
        }
        let temporary = tempfile::Builder::new().prefix("phicode-sandbox-").tempdir()?;
        Ok(Self { path: temporary.path().to_path_buf(), _temporary: Some(temporary) })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
