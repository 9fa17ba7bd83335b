//! [`Listing`]: a symbol table as `phicode symbols --json` and the server's `GET /symbols`
//! show it: the reference implementation's `python_to_phicode`, `phicode_to_python` and
//! `symbol_count`, plus each symbol's code points, kind and origin, in the table's order.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Serialize, Serializer};

use super::table::{Entry, Origin, SymbolKind, SymbolTable};

/// A table's listing (serialize it).
#[derive(Debug, Serialize)]
pub struct Listing<'a> {
    /// Each Python word and the symbol written for it (the preferred one of several).
    python_to_phicode: Ordered<'a>,
    /// Each symbol and its Python.
    phicode_to_python: Ordered<'a>,
    /// How many symbols.
    symbol_count: usize,
    /// Every symbol with what it is.
    symbols: Vec<Listed<'a>>,
}

/// One symbol of the listing.
#[derive(Debug, Serialize)]
struct Listed<'a> {
    symbol: &'a str,
    /// `U+03C0` for each character.
    codepoints: Vec<String>,
    python: &'a str,
    /// `glue` or `word`.
    kind: &'static str,
    /// `default` or `dialect`.
    origin: &'static str,
}

/// A map that keeps the table's order: `collect_map` streams pairs as given.
#[derive(Debug)]
struct Ordered<'a>(Vec<(&'a str, &'a str)>);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}

impl<'a> Listing<'a> {
    /// The listing of `table`.
    pub fn of(table: &'a SymbolTable) -> Self {
        let entries = table.entries();
        let mut python_to_phicode: Vec<(&str, &str)> = Vec::new();
        for e in entries {
            let chosen = table.by_python(&e.python).map_or(e.symbol.as_str(), |c| &c.symbol);
            if !python_to_phicode.iter().any(|(p, _)| *p == e.python) {
                python_to_phicode.push((&e.python, chosen));
            }
        }
        Self {
            python_to_phicode: Ordered(python_to_phicode),
            phicode_to_python: Ordered(entries.iter().map(|e| (&*e.symbol, &*e.python)).collect()),
            symbol_count: entries.len(),
            symbols: entries.iter().map(Listed::of).collect(),
        }
    }
}

impl<'a> Listed<'a> {
    fn of(e: &'a Entry) -> Self {
        Self {
            symbol: &e.symbol,
            codepoints: codepoints(&e.symbol),
            python: &e.python,
            kind: match e.kind {
                SymbolKind::Glue => "glue",
                SymbolKind::Word => "word",
            },
            origin: origin_name(e.origin),
        }
    }
}

/// `U+XXXX` for each character of `symbol`.
pub fn codepoints(symbol: &str) -> Vec<String> {
    symbol.chars().map(|c| format!("U+{:04X}", c as u32)).collect()
}

/// `default` or `dialect`.
pub fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Default => "default",
        Origin::Dialect => "dialect",
    }
}
