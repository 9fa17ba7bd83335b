//! Where a command's text goes: a file, written atomically, or standard output.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Writes `text` to `path` atomically, or to standard output when `path` is `None`.
/// A closed pipe on stdout (`phicode ... | head`) is not an error.
pub fn emit(path: Option<&Path>, text: &str) -> Result<(), Error> {
    if let Some(path) = path {
        return crate::atomic::write(path, text.as_bytes())
            .map_err(|source| Error::Write { path: path.to_path_buf(), source });
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Write { path: "<stdout>".into(), source: e })
        }
        _ => Ok(()),
    }
}
