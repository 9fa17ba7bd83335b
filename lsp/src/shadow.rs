//! The shadow folder's files: finding a workspace's sources, writing twins, linking `.py`.

use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use phicode_sources::is_phicode;

/// At most this many files are mirrored: a workspace opened at `/` must not stall the start.
const MAX_FILES: usize = 20_000;

/// The φ files and the `.py` files under `root`.
pub fn sources(root: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut phicode, mut python) = (Vec::new(), Vec::new());
    let _ = phicode_sources::walk(root, |path| {
        if is_phicode(path) {
            phicode.push(path.to_path_buf());
        } else if phicode_sources::is_python(path) {
            python.push(path.to_path_buf());
        }
        match phicode.len() + python.len() >= MAX_FILES {
            true => ControlFlow::Break(()),
            false => ControlFlow::Continue(()),
        }
    });
    (phicode, python)
}

/// Writes `text` to `path`, creating its folder; through a temporary file and a rename, so
/// the Python server never reads half a twin.
pub fn write(path: &Path, text: &str) -> io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    io::Write::write_all(&mut file, text.as_bytes())?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Makes the real Python file `real` visible at `shadow` (a symbolic link).
pub fn link(real: &Path, shadow: &Path) -> io::Result<()> {
    std::fs::create_dir_all(shadow.parent().unwrap_or(Path::new(".")))?;
    #[cfg(unix)]
    return std::os::unix::fs::symlink(real, shadow);
    #[cfg(not(unix))]
    return std::fs::copy(real, shadow).map(|_| ());
}
