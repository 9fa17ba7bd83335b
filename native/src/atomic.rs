//! Writing a file so that readers see the old content or the whole new one, never a part:
//! a temporary file in the same folder, flushed to disk, then renamed over the target.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::stale;

/// Replaces `path` with `bytes` atomically and durably (the folder entry is synced too).
/// An existing file keeps its permissions; a new one gets the usual `rw-r--r--`. On error
/// the target is untouched and no temporary file stays.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, true)
}

/// Like [`write`], without syncing anything to disk: for cache entries, which carry a
/// checksum of their payload, so what a crash can leave (a lost rename, a renamed file
/// whose data never reached the disk) is read as a miss and rebuilt, never trusted. Skipping
/// the fsyncs made a cold run of 50 modules several times faster on a slow disk. The
/// half-written entries of processes killed while writing are swept from the folder.
pub fn write_cache(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let written = replace(path, bytes, false);
    if let Some(dir) = path.parent() {
        stale::sweep(dir, &[TEMPORARY]);
    }
    written
}

/// How temporary files start their names (then the process id: see `stale`).
const TEMPORARY: &str = ".phicode-";

fn replace(path: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let permissions = match fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let prefix = stale::prefix(TEMPORARY);
    let mut temp = tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(dir)?;
    temp.write_all(bytes)?;
    if durable {
        temp.as_file().sync_all()?;
    }
    if let Some(permissions) = permissions.or_else(default_permissions) {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    // The rename is durable only once the folder's entry is on disk too.
    if !durable {
        return Ok(());
    }
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Temporary files are private (`rw-------`); a new output file should not be.
#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.py");
        write(&target, b"one").unwrap();
        write(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write(&dir.path().join("no/such/out.py"), b"x").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
