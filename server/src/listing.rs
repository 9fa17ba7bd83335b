//! The symbol table as `GET /symbols` gives it: the reference's `python_to_phicode`,
//! `phicode_to_python` and `symbol_count`, plus each symbol's code points, kind and origin.

use phicode_core::symbols::Origin;
use phicode_core::{SymbolKind, SymbolTable};
use serde::{Serialize, Serializer};

/// Maps keep the table's order: `collect_map` streams pairs as given.
struct Ordered<'a>(Vec<(&'a str, &'a str)>);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}

#[derive(Serialize)]
struct Listing<'a> {
    success: bool,
    python_to_phicode: Ordered<'a>,
    phicode_to_python: Ordered<'a>,
    symbol_count: usize,
    symbols: Vec<Symbol<'a>>,
}

#[derive(Serialize)]
struct Symbol<'a> {
    symbol: &'a str,
    codepoints: Vec<String>,
    python: &'a str,
    kind: &'static str,
    origin: &'static str,
}

/// The listing of `table` as JSON bytes.
pub fn json(table: &SymbolTable) -> Vec<u8> {
    let entries = table.entries();
    let mut python_to_phicode: Vec<(&str, &str)> = Vec::new();
    for e in entries {
        let chosen = table.by_python(&e.python).map_or(e.symbol.as_str(), |c| &c.symbol);
        if !python_to_phicode.iter().any(|(p, _)| *p == e.python) {
            python_to_phicode.push((&e.python, chosen));
        }
    }
    let listing = Listing {
        success: true,
        python_to_phicode: Ordered(python_to_phicode),
        phicode_to_python: Ordered(entries.iter().map(|e| (&*e.symbol, &*e.python)).collect()),
        symbol_count: entries.len(),
        symbols: entries
            .iter()
            .map(|e| Symbol {
                symbol: &e.symbol,
                codepoints: e.symbol.chars().map(|c| format!("U+{:04X}", c as u32)).collect(),
                python: &e.python,
                kind: match e.kind {
                    SymbolKind::Glue => "glue",
                    SymbolKind::Word => "word",
                },
                origin: match e.origin {
                    Origin::Default => "default",
                    Origin::Dialect => "dialect",
                },
            })
            .collect(),
    };
    // Serializing strings and numbers into a Vec cannot fail.
    serde_json::to_vec(&listing).unwrap_or_default()
}
