//! The two conversions, φ → Python and Python → φ, and what they return.

mod buffer;
mod candidates;
mod check;
mod code_at;
mod output;
mod python_syntax;
mod to_phicode;
mod to_python;

pub use code_at::is_code_at;

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{LexError, Located, ToPhicodeError};
use crate::lexer::lex;
use crate::position::LineIndex;
use crate::source_map::{Edit, SourceMap};
use crate::symbols::SymbolTable;

/// What a conversion should produce beyond the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Build the column map (costs a pass over both texts).
    pub source_map: bool,
}

/// A finished conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct Conversion {
    /// The converted text.
    pub code: String,
    /// Indices (into the table's entries) of the symbols that were replaced.
    pub symbols_used: Vec<usize>,
    /// The column map, when asked for.
    pub source_map: Option<SourceMap>,
    /// Lexical problems in the input (unterminated strings): output is still complete.
    pub diagnostics: Vec<Located<LexError>>,
}

/// φ → Python with the fastest path: just the text.
pub fn to_python(src: &str, table: &SymbolTable) -> String {
    let mut handler = to_python::ToPython::new(src, table, false);
    lex(src, &mut handler);
    handler.out.finish().0
}

/// φ → Python with symbols used, diagnostics and (optionally) the column map.
pub fn to_python_with(src: &str, table: &SymbolTable, options: Options) -> Conversion {
    let mut handler = to_python::ToPython::new(src, table, options.source_map);
    lex(src, &mut handler);
    let (code, symbols_used, edits) = handler.out.finish();
    let source_map = edits.map(|edits| SourceMap::build(src, &code, edits));
    let diagnostics = locate(src, handler.errors);
    Conversion { code, symbols_used, source_map, diagnostics }
}

/// Python → φ; refuses sources that would not come back byte for byte.
pub fn to_phicode(src: &str, table: &SymbolTable) -> Result<String, ToPhicodeError> {
    to_phicode_with(src, table, Options::default()).map(|c| c.code)
}

/// Python → φ with symbols used, diagnostics and (optionally) the column map (whose
/// "φ" side is the output here).
pub fn to_phicode_with(
    src: &str,
    table: &SymbolTable,
    options: Options,
) -> Result<Conversion, ToPhicodeError> {
    let mut handler = to_phicode::ToPhicode::new(src, table, options.source_map);
    lex(src, &mut handler);
    if !handler.problems.is_empty() {
        return Err(ToPhicodeError { problems: locate(src, handler.problems) });
    }
    let (code, symbols_used, edits) = handler.out.finish();
    let source_map = edits.map(|edits| {
        let flipped = edits.iter().map(|e| Edit {
            src_start: e.out_start,
            src_end: e.out_end,
            out_start: e.src_start,
            out_end: e.src_end,
        });
        SourceMap::build(&code, src, flipped)
    });
    let diagnostics = locate(src, handler.errors);
    Ok(Conversion { code, symbols_used, source_map, diagnostics })
}

/// Lexical problems of a source (φ or Python), without converting it.
pub fn check(src: &str, table: &SymbolTable) -> Vec<Located<LexError>> {
    let mut checker = check::Checker::new(table);
    lex(src, &mut checker);
    locate(src, checker.errors)
}

fn locate<E>(src: &str, mut found: Vec<(usize, E)>) -> Vec<Located<E>> {
    if found.is_empty() {
        return Vec::new();
    }
    found.sort_by_key(|(at, _)| *at);
    let index = LineIndex::new(src);
    found
        .into_iter()
        .map(|(at, error)| Located { position: index.position(src, at), error })
        .collect()
}
