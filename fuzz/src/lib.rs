//! Checks shared by the fuzz targets: each conversion must hold its promises on any input,
//! not only "not panic".

use std::sync::OnceLock;

use phicode_core::position::LineIndex;
use phicode_core::testing::assert_map_answers;
use phicode_core::{Dialect, Options, SourceMap, Strictness, SymbolTable};
use phicode_core::{check, to_phicode, to_phicode_with, to_python, to_python_with};

/// φ → Python with and without a map agree, keep every line, and the map answers any query;
/// when the Python converts back to φ, that φ gives the same Python again.
pub fn python_direction(src: &str, table: &SymbolTable) {
    let conversion = to_python_with(src, table, Options { source_map: true });
    assert_eq!(conversion.code, to_python(src, table));
    assert_eq!(conversion.diagnostics, check(src, table));
    assert_eq!(line_ends(&conversion.code), line_ends(src), "line structure changed");
    if let Some(map) = &conversion.source_map {
        query(map, src);
    }
    if let Ok(back) = to_phicode(&conversion.code, table) {
        assert_eq!(to_python(&back, table), conversion.code, "Python → φ → Python differs");
    }
}

/// The fast path for top-level code (default tables) and the general lexer (forced by a
/// dialect word that does not occur in `src`) give the same conversion.
pub fn fast_path_agrees(src: &str) {
    static GENERAL: OnceLock<SymbolTable> = OnceLock::new();
    const WORD: &str = "qqqqqqqqq";
    let general = GENERAL.get_or_init(|| {
        let dialect = Dialect::from_pairs([("print", WORD)]);
        dialect.build(Strictness::Strict).map(|built| built.table).unwrap_or_default()
    });
    if !src.contains(WORD) {
        let options = Options { source_map: true };
        let fast = to_python_with(src, &SymbolTable::new(), options);
        assert_eq!(fast, to_python_with(src, general, options), "fast path differs");
    }
}

/// Python → φ either refuses, or gives φ that converts back to the very same bytes.
pub fn phicode_direction(src: &str, table: &SymbolTable) {
    if let Ok(conversion) = to_phicode_with(src, table, Options { source_map: true }) {
        assert_eq!(to_python(&conversion.code, table), src, "round trip differs");
        assert_eq!(line_ends(&conversion.code), line_ends(src), "line structure changed");
        if let Some(map) = &conversion.source_map {
            query(map, &conversion.code);
        }
    }
}

/// The line breaks of a text (`\n`, `\r\n`, lone `\r`), in order.
fn line_ends(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => {
                ends.push("\r\n");
                at += 1;
            }
            b'\r' => ends.push("\r"),
            b'\n' => ends.push("\n"),
            _ => {}
        }
        at += 1;
    }
    ends
}

/// Columns to query every line at: small ones, and huge ones no line has.
const COLUMNS: [u32; 11] = [0, 1, 2, 3, 5, 8, 13, 40, 200, u32::MAX / 2, u32::MAX];

/// The map answers queries on every line of `phicode` (and past it) at any column.
fn query(map: &SourceMap, phicode: &str) {
    let lines = LineIndex::new(phicode).line_count() as u32;
    assert_map_answers(map, lines, &COLUMNS);
}
