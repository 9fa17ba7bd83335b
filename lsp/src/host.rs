//! What the server asks of the program that embeds it: the dialect config that applies to
//! a folder, and Python's own verdict on the syntax of a conversion. `phicode lsp` answers
//! with the same config discovery and embedded CPython as `phicode check`.

use std::path::{Path, PathBuf};

use phicode_core::{Position, SourceMap, SymbolTable};

/// A dialect config as loaded for a folder.
#[derive(Debug, Clone, Default)]
pub struct Dialect {
    /// Defaults plus the config's valid entries.
    pub table: SymbolTable,
    /// The config file (`None`: no config, the defaults).
    pub path: Option<PathBuf>,
    /// Each problem of the config (a dropped entry, bad JSON), at its place in the file.
    pub issues: Vec<(Position, String)>,
}

/// A SyntaxError Python reports for a conversion, at its φ position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// Where, in the φ text.
    pub position: Position,
    /// Where it ends, when Python says.
    pub end: Option<Position>,
    /// Python's message.
    pub message: String,
}

/// The embedding program's answers.
pub trait Host {
    /// The config file that applies to φ files in `folder`, if any.
    fn discover(&self, folder: &Path) -> Option<PathBuf>;

    /// The dialect for config file `path` (`None`: the defaults). A config that cannot be
    /// read gives the defaults with its problem in `issues`.
    fn dialect(&self, path: Option<&Path>) -> Dialect;

    /// Whether `path` is a dialect config file (its change reloads every dialect).
    fn is_config(&self, path: &Path) -> bool;

    /// The first SyntaxError compiling `python`, the conversion of `phi` through `map`.
    fn syntax_error(&self, python: &str, phi: &str, map: &SourceMap) -> Option<SyntaxProblem>;
}
