//! The shadow folder's files: finding a workspace's sources, writing twins, linking `.py`.

use std::io;
use std::path::{Path, PathBuf};

/// Whether `path` is a φ source (`.φ`, or `.phi` where `φ` is awkward to type).
pub fn is_phicode(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("φ" | "phi"))
}

/// Folders never searched: hidden ones, dependencies, build output, virtual environments.
const SKIPPED: [&str; 4] = ["node_modules", "target", "__pycache__", "site-packages"];

/// At most this many files are mirrored: a workspace opened at `/` must not stall the start.
const MAX_FILES: usize = 20_000;

/// The φ files and the `.py` files under `root`.
pub fn sources(root: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut phicode, mut python) = (Vec::new(), Vec::new());
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        if folder.join("pyvenv.cfg").exists() {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if !name.starts_with('.') && !SKIPPED.contains(&name.as_ref()) {
                    folders.push(path);
                }
            } else if is_phicode(&path) {
                phicode.push(path);
            } else if path.extension().is_some_and(|e| e == "py" || e == "pyi") {
                python.push(path);
            }
            if phicode.len() + python.len() >= MAX_FILES {
                return (phicode, python);
            }
        }
    }
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
