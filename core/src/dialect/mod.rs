//! Dialects: a config's extra `"python word": "symbol"` entries, validated and turned into a
//! symbol table on top of the defaults.

#[cfg(feature = "json")]
mod json;
mod rules;

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Located;
use crate::position::Position;
use crate::symbols::SymbolTable;
#[cfg(feature = "json")]
pub use json::JsonError;
pub use rules::DialectIssue;

/// One `"python": "symbol"` pair of a config, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialectEntry {
    /// The Python text (`if`, `numpy`, `not in`).
    pub python: String,
    /// The symbol, or `None` when the config's value was not a string.
    pub symbol: Option<String>,
    /// Where the entry's key is.
    pub key_position: Position,
    /// Where the entry's value is.
    pub value_position: Position,
}

/// The entries a config adds to the defaults, in config order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dialect {
    /// The entries.
    pub entries: Vec<DialectEntry>,
}

/// What validation does with a bad entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Strictness {
    /// Report it as a warning and drop the entry.
    #[default]
    Lenient,
    /// Refuse the whole dialect.
    Strict,
}

/// A dialect refused in strict mode: every issue found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the dialect has {} problem(s)", issues.len())]
pub struct DialectError {
    /// Each issue, in config order.
    pub issues: Vec<Located<DialectIssue>>,
}

/// A table built from a dialect, and the warnings about entries it dropped.
#[derive(Debug, Clone)]
pub struct Built {
    /// Defaults plus the dialect's valid entries.
    pub table: SymbolTable,
    /// One issue per dropped entry (empty in strict mode, which fails instead).
    pub warnings: Vec<Located<DialectIssue>>,
}

impl Dialect {
    /// A dialect from `(python, symbol)` pairs written in code (positions are line 1).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let at = Position { line: 1, column: 1 };
        let entries = pairs
            .into_iter()
            .map(|(python, symbol)| DialectEntry {
                python: python.into(),
                symbol: Some(symbol.into()),
                key_position: at,
                value_position: at,
            })
            .collect();
        Self { entries }
    }

    /// Validates every entry and builds the table: bad entries are dropped with a warning,
    /// or, in strict mode, refuse the dialect.
    pub fn build(&self, strictness: Strictness) -> Result<Built, DialectError> {
        let (accepted, issues) = rules::validate(&self.entries);
        if strictness == Strictness::Strict && !issues.is_empty() {
            return Err(DialectError { issues });
        }
        Ok(Built { table: SymbolTable::from_entries(accepted), warnings: issues })
    }
}
