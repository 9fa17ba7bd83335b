//! `phicode symbols`: the table in use (defaults plus the dialect), as text or JSON.

use std::fmt::Write;
use std::process::ExitCode;

use phicode_core::SymbolTable;
use phicode_core::symbols::{Listing, codepoints, origin_name};

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

fn table(table: &SymbolTable) -> String {
    let rows: Vec<[String; 4]> = table
        .entries()
        .iter()
        .map(|e| {
            let cps = codepoints(&e.symbol).join(" ");
            [e.symbol.clone(), cps, e.python.clone(), origin_name(e.origin).into()]
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

fn json(table: &SymbolTable) -> String {
    let listing = Listing::of(table);
    let mut text = serde_json::to_string_pretty(&listing).unwrap_or_default();
    text.push('\n');
    text
}
