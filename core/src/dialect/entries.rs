//! A dialect as its config writes it: `"python": "symbol"` entries with their places.

use alloc::string::String;
use alloc::vec::Vec;

use crate::position::Position;

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
}
