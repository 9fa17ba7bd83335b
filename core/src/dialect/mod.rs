//! Dialects: a config's extra `"python word": "symbol"` entries, validated and turned into a
//! symbol table on top of the defaults.

mod entries;
#[cfg(feature = "json")]
mod json;
mod rules;

use alloc::vec::Vec;

use crate::error::Located;
use crate::symbols::SymbolTable;
pub use entries::{Dialect, DialectEntry};
#[cfg(feature = "json")]
pub use json::JsonError;
pub use rules::DialectIssue;

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
