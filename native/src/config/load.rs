//! Reading one config file into a symbol table, keeping every dropped entry as a diagnostic
//! at its line and column in the JSON.

use std::path::{Path, PathBuf};

use phicode_core::{Dialect, Strictness, SymbolTable};

use crate::diagnostic::Diagnostic;
use crate::error::{EXIT_USAGE, Error};

/// A loaded config: the table to convert with and the entries it had to drop.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Defaults plus the config's valid entries.
    pub table: SymbolTable,
    /// The file it came from (`None`: no config, the defaults).
    pub path: Option<PathBuf>,
    /// One error per dropped entry, at the entry's place in the file.
    pub issues: Vec<Diagnostic>,
}

/// Reads and validates the config at `path`. Bad JSON is an error (exit 2); bad entries are
/// kept in [`Config::issues`] for the caller's strictness to decide.
pub fn load(path: &Path) -> Result<Config, Error> {
    let name = display_name(path);
    let bytes =
        std::fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    let text = crate::input::decode(bytes, &name).map_err(|e| match e {
        Error::Diagnostics { diagnostics, .. } => {
            Error::Diagnostics { diagnostics, code: EXIT_USAGE }
        }
        other => other,
    })?;
    // A byte order mark (Windows editors write one) is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let dialect = Dialect::from_json(text).map_err(|e| Error::Diagnostics {
        diagnostics: vec![Diagnostic::error(&name, e.position, e.message)],
        code: EXIT_USAGE,
    })?;
    // Lenient always: strictness is applied by the caller, which also needs the full list.
    let built = dialect.build(Strictness::Lenient).map_err(|e| Error::Diagnostics {
        diagnostics: e
            .issues
            .iter()
            .map(|i| Diagnostic::error(&name, i.position, i.error.to_string()))
            .collect(),
        code: EXIT_USAGE,
    })?;
    let issues = built
        .warnings
        .iter()
        .map(|i| Diagnostic::error(&name, i.position, i.error.to_string()))
        .collect();
    Ok(Config { table: built.table, path: Some(path.to_path_buf()), issues })
}

/// `path` relative to the current folder when it is inside it, for shorter messages.
pub fn display_name(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).display().to_string()
}
