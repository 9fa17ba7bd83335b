//! Checkpoint files the host asks for, written where readers never see half of one.

use std::io::Write;
use std::path::Path;

/// Writes `data` to `path` through a temporary file in the same folder, renamed over it.
pub fn write_atomically(path: &str, data: &[u8]) -> std::io::Result<()> {
    let path = Path::new(path);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    temporary.write_all(data)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}
