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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_named_folder_outlives_the_session_and_a_temporary_one_does_not() {
        let base = tempfile::tempdir().unwrap();
        let named = base.path().join("session/scratch");
        let scratch = Scratch::new(Some(&named)).unwrap();
        std::fs::write(scratch.path().join("note.txt"), "kept").unwrap();
        drop(scratch);
        assert_eq!(std::fs::read_to_string(named.join("note.txt")).unwrap(), "kept");
        let temporary = Scratch::new(None).unwrap();
        let path = temporary.path().to_path_buf();
        assert!(path.is_dir());
        drop(temporary);
        assert!(!path.exists());
    }
}
