//! `phicode symbols`: the table in use (defaults plus the dialect), as text or JSON.

use std::fmt::Write;
use std::process::ExitCode;

use phicode_core::symbols::Origin;
use phicode_core::{Entry, SymbolKind, SymbolTable};
use serde::{Serialize, Serializer};

use super::emit::emit;
use crate::cli::SymbolsArgs;
use crate::config::{Settings, resolve};
use crate::error::Error;

/// Prints the table.
pub fn run(args: &SymbolsArgs) -> Result<ExitCode, Error> {
    let start = std::path::absolute(".").unwrap_or_else(|_| ".".into());
    let config = resolve(args.config.as_deref(), &start, Settings::from_env())?;
    let text = if args.json { json(&config.table) } else { table(&config.table) };
    emit(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn codepoints(symbol: &str) -> Vec<String> {
    symbol.chars().map(|c| format!("U+{:04X}", c as u32)).collect()
}

fn origin(entry: &Entry) -> &'static str {
    match entry.origin {
        Origin::Default => "default",
        Origin::Dialect => "dialect",
    }
}

fn table(table: &SymbolTable) -> String {
    let rows: Vec<[String; 4]> = table
        .entries()
        .iter()
        .map(|e| {
            let cps = codepoints(&e.symbol).join(" ");
            [e.symbol.clone(), cps, e.python.clone(), origin(e).into()]
        })
        .collect();
    let headers = ["SYMBOL", "CODEPOINT", "PYTHON", "ORIGIN"];
    let mut widths = headers.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(headers.map(String::from)).chain(rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            let _ = write!(line, "{cell}{:pad$}  ", "", pad = width - cell.chars().count());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Maps keep the table's order: `collect_map` streams pairs as given.
struct Ordered<'a>(Vec<(&'a str, &'a str)>);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}

#[derive(Serialize)]
struct Listing<'a> {
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

fn json(table: &SymbolTable) -> String {
    let entries = table.entries();
    let mut python_to_phicode: Vec<(&str, &str)> = Vec::new();
    for e in entries {
        let chosen = table.by_python(&e.python).map_or(e.symbol.as_str(), |c| &c.symbol);
        if !python_to_phicode.iter().any(|(p, _)| *p == e.python) {
            python_to_phicode.push((&e.python, chosen));
        }
    }
    let listing = Listing {
        python_to_phicode: Ordered(python_to_phicode),
        phicode_to_python: Ordered(entries.iter().map(|e| (&*e.symbol, &*e.python)).collect()),
        symbol_count: entries.len(),
        symbols: entries
            .iter()
            .map(|e| Symbol {
                symbol: &e.symbol,
                codepoints: codepoints(&e.symbol),
                python: &e.python,
                kind: match e.kind {
                    SymbolKind::Glue => "glue",
                    SymbolKind::Word => "word",
                },
                origin: origin(e),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&listing).unwrap_or_default();
    text.push('\n');
    text
}
