//! Reading a source file (or standard input) as UTF-8, with a positioned error when it is not.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::{EXIT_FAILURE, Error};

/// A source text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The name messages use: the path as given, or `<stdin>`.
    pub name: String,
    /// The text.
    pub text: String,
}

impl Source {
    /// The folder config discovery starts from: the file's folder, or the current one.
    pub fn folder(&self) -> PathBuf {
        let parent = self.path.as_deref().and_then(Path::parent);
        let dir = match parent {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::path::absolute(&dir).unwrap_or(dir)
    }
}

/// Reads `path`, or standard input when it is `None` or `-`.
pub fn read(path: Option<&Path>) -> Result<Source, Error> {
    match path {
        None => read_stdin(),
        Some(p) if p.as_os_str() == "-" => read_stdin(),
        Some(p) => {
            let bytes =
                std::fs::read(p).map_err(|source| Error::Read { path: p.to_path_buf(), source })?;
            let name = p.display().to_string();
            let text = decode(bytes, &name)?;
            Ok(Source { path: Some(p.to_path_buf()), name, text })
        }
    }
}

fn read_stdin() -> Result<Source, Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read { path: PathBuf::from("<stdin>"), source })?;
    let name = String::from("<stdin>");
    let text = decode(bytes, &name)?;
    Ok(Source { path: None, name, text })
}

/// UTF-8 text of `bytes`, or an error at the first bad byte's line and column.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..offset]);
        let position = phicode_core::position::position_of(&before, before.len());
        Error::Diagnostics {
            diagnostics: vec![Diagnostic::error(
                name,
                position,
                format!("invalid UTF-8 (byte offset {offset}); φ and Python sources are UTF-8"),
            )],
            code: EXIT_FAILURE,
        }
    })
}
